"""Reporting figures: the liaison's form, the Excel template and upload, the office's approvals."""

from __future__ import annotations

import base64
import io
import tempfile
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from luoshi import query
from luoshi.accounts.access import Access, access_of, require_office, require_reporter
from luoshi.plans.models import Plan, Target
from luoshi.plans.views import current
from luoshi.progress.assessing import assess_plan
from luoshi.progress.models import Observation
from luoshi.progress.sheets import SheetProblems, check, read_rows, template
from luoshi.tracking import BadPeriod, assess, parse_period
from luoshi.tracking import Observation as Seen
from luoshi.units.models import Unit


def _period(request: HttpRequest, plan: Plan) -> str:
    wanted = request.GET.get("period") or request.POST.get("period") or ""
    try:
        if parse_period(wanted).year == plan.year:
            return wanted
    except BadPeriod:
        pass
    today = min(date.today(), date(plan.year, 12, 31))
    return f"{plan.year}-{today.month:02d}"


def _reporting_targets(plan: Plan, access: Access, unit: Unit | None) -> list[Target]:
    if access.is_liaison:
        unit = access.unit
    targets = plan.targets.for_assessment()
    if unit is not None:
        targets = targets.filter(Q(assignments__unit=unit) | Q(task__assignments__unit=unit)).distinct()
    elif not access.is_office:
        raise PermissionDenied("只有单位联络员和督查室可以报送")
    return list(targets)


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """All of a unit's targets for one period on one screen."""
    plan = current(slug)
    access = require_reporter(request.user)
    unit = access.unit if access.is_liaison else Unit.objects.filter(
        pk=query.number(request.GET, "unit") or 0).first()
    period = _period(request, plan)
    targets = _reporting_targets(plan, access, unit)
    errors: dict[str, str] = {}
    latest = _latest_reports(targets, period)
    if request.method == "POST":
        made = []
        for t in targets:
            raw = request.POST.get(f"value-{t.code}", "").strip()
            if not raw:
                continue
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                errors[t.code] = f"“{raw}”不是数字：只填数字，不带单位和“约”“超”等字"
                continue
            other = latest.get(t.pk)
            if other is not None and str(other.pk) != request.POST.get(f"seen-{t.code}", ""):
                # Someone reported this target for this period after this form was opened: never overwrite
                # silently. Both figures are kept; this one is taken once the liaison has seen the other.
                when = timezone.localtime(other.reported_at)
                errors[t.code] = (f"在你填写期间，{other.reported_by or '他人'}已于{when:%m-%d %H:%M}"
                                  f"报送了 {other.value:g}（{other.get_status_display()}）；请核对后再次提交")
                continue
            made.append(Observation(
                target=t, period=period, value=value, status=Observation.Status.SUBMITTED,
                narrative=request.POST.get(f"narrative-{t.code}", "").strip(),
                problems=request.POST.get(f"problems-{t.code}", "").strip(),
                next_steps=request.POST.get(f"next-{t.code}", "").strip(), reported_by=request.user))
        if not errors and made:
            with transaction.atomic():
                Observation.objects.bulk_create(made)
            messages.success(request, f"已报送{len(made)}条，等待督查室审核")
            chosen = f"&unit={unit.pk}" if unit and access.is_office else ""
            return redirect(f"{request.path}?period={period}{chosen}")
        if not errors:
            messages.warning(request, "没有填写任何数值")
    on = parse_period(period).end
    rows = {r.target.pk: r for r in assess_plan(plan, on, targets)}
    pending = {o.target_id: o for o in Observation.objects.filter(target__in=targets, period=period)
               .exclude(status=Observation.Status.APPROVED).order_by("reported_at")}
    lines = []
    for t in targets:
        provisional = None
        mine = pending.get(t.pk)
        if mine is not None and mine.status == Observation.Status.SUBMITTED:
            from luoshi.progress.assessing import goal_of

            provisional = assess(goal_of(t), [Seen(parse_period(mine.period, mine.cumulative), mine.value,
                                                   mine.cumulative, mine.reference)], on)
        seen = latest.get(t.pk)
        lines.append((t, rows[t.pk], mine, provisional, errors.get(t.code), request.POST.get(f"value-{t.code}", ""),
                      seen.pk if seen else ""))
    return render(request, "progress/report.html", {
        "plan": plan, "access": access, "unit": unit, "period": period, "lines": lines,
        "units": Unit.objects.filter(kind="department") if access.is_office else None,
    })


def _latest_reports(targets: list[Target], period: str) -> dict[int, Observation]:
    """The last figure reported for each target and period, whoever reported it."""
    latest: dict[int, Observation] = {}
    for o in (Observation.objects.filter(target__in=targets, period=period).select_related("reported_by")
              .order_by("reported_at", "id")):
        latest[o.target_id] = o
    return latest


@login_required
def template_download(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    access = require_reporter(request.user)
    period = _period(request, plan)
    book = template(plan, period, _reporting_targets(plan, access, access.unit) if access.is_liaison else None)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{plan.slug}-{period}.xlsx"
    return response


@login_required
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a filled template: a preview shows every problem cell before anything is saved."""
    plan = current(slug)
    access = require_reporter(request.user)
    allowed = {t.pk for t in _reporting_targets(plan, access, access.unit if access.is_liaison else None)}
    problems: list[str] = []
    preview: list[Observation] = []
    if request.method == "POST" and request.POST.get("confirm") and "upload" in request.session:
        stored = request.session.pop("upload")
        preview, problems = _check_upload(plan, stored["name"], base64.b64decode(stored["data"]), allowed)
        if not problems:
            for o in preview:
                o.status, o.reported_by = Observation.Status.SUBMITTED, request.user
            with transaction.atomic():
                Observation.objects.bulk_create(preview)
            messages.success(request, f"已报送{len(preview)}条，等待督查室审核")
            return redirect("report", slug=plan.slug)
    elif request.method == "POST" and request.FILES.get("file"):
        uploaded = request.FILES["file"]
        data = uploaded.read()
        preview, problems = _check_upload(plan, uploaded.name or "upload.xlsx", data, allowed)
        if not problems:
            request.session["upload"] = {"name": uploaded.name, "data": base64.b64encode(data).decode()}
    return render(request, "progress/upload.html", {"plan": plan, "access": access, "problems": problems,
                                                    "preview": preview})


def _check_upload(plan: Plan, name: str, data: bytes, allowed: set[int]) -> tuple[list[Observation], list[str]]:
    suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in (".xlsx", ".csv") else ".xlsx"
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        try:
            sheet, rows = read_rows(Path(f.name))
            found = check(plan, sheet if suffix == ".xlsx" else name, rows)
        except SheetProblems as e:
            return [], [str(p).replace(Path(f.name).name, name) for p in e.problems]
    foreign = [o.target.code for o in found if o.target_id not in allowed]
    if foreign:
        return [], [f"{name}: 目标 {'、'.join(foreign)} 不属于你的单位，不能报送"]
    return found, []


@login_required
def approvals(request: HttpRequest, slug: str) -> HttpResponse:
    """The office approves submissions (they count from then on) or returns them with a reason."""
    plan = current(slug)
    require_office(request.user)
    if request.method == "POST":
        chosen = get_object_or_404(Observation, pk=query.number(request.POST, "observation"), target__plan=plan,
                                   status=Observation.Status.SUBMITTED)
        if request.POST.get("action") == "return":
            reason = request.POST.get("reason", "").strip()
            if not reason:
                messages.error(request, "退回时请写明理由")
                return redirect("approvals", slug=plan.slug)
            chosen.status, chosen.review_note = Observation.Status.RETURNED, reason
        else:
            chosen.status = Observation.Status.APPROVED
        chosen.reviewed_by, chosen.reviewed_at = request.user, timezone.now()
        chosen.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
        messages.success(request, f"{chosen.target.code} {chosen.period}：{chosen.get_status_display()}")
        return redirect("approvals", slug=plan.slug)
    pending = Observation.objects.filter(target__plan=plan).pending()
    return render(request, "progress/approvals.html", {"plan": plan, "pending": pending,
                                                       "access": access_of(request.user)})
