"""Reporting figures: the liaison's form, the Excel template and upload, the office's approvals.

Each view reads the request, asks accounts/access.py who may do what, lets a form read what was typed
and calls progress/workflow.py for the change; none of them decides a rule itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from luoshi import query
from luoshi.accounts.access import access_of, require_office, require_reporter
from luoshi.plans.models import Plan, Target
from luoshi.plans.views import current
from luoshi.progress import workflow
from luoshi.progress.assessing import Row, assess_plan
from luoshi.progress.forms import FigureForm, ReviewForm, UploadRowForm
from luoshi.progress.models import Observation
from luoshi.progress.sheets import MAX_ROWS, MAX_UPLOAD_BYTES, SheetProblems, check, read_upload, template
from luoshi.tracking import Status, parse_period
from luoshi.tracking.figures import say_number


def _period(request: HttpRequest, plan: Plan) -> str:
    """The period asked for (?period=), in its stored form; this month of the plan's year when none is."""
    wanted = request.GET.get("period") or ""
    if wanted:
        try:
            return workflow.plan_period(plan.year, wanted)
        except workflow.Invalid as e:
            messages.error(request, e.problems["period"])
    today = min(date.today(), date(plan.year, 12, 31))
    return f"{plan.year}-{today.month:02d}"


@dataclass
class Line:
    """One target on the reporting form: where it stands, this period's figures, and its form."""

    target: Target
    row: Row
    form: FigureForm
    mine: Observation | None  # the newest figure for this period not yet counted (pending or returned)
    counted: Observation | None  # the approved figure that counts for this period

    @property
    def provisional(self) -> Status | None:
        """Where the pending figure would leave the target once approved."""
        if self.mine is None or self.mine.status != Observation.Status.SUBMITTED:
            return None
        self.mine.target = self.target
        return workflow.standing(self.mine)


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """All of a unit's targets for one period on one screen."""
    plan = current(slug)
    access = require_reporter(request.user)
    unit = access.reporting_unit(query.number(request.GET, "unit"))
    posted = request.method == "POST"
    if posted:
        try:
            period = workflow.plan_period(plan.year, request.POST.get("period", ""))
        except workflow.Invalid as e:
            messages.error(request, gettext("%(problem)s；没有保存任何数值") % {"problem": e.problems["period"]})
            return redirect(request.get_full_path())
    else:
        period = _period(request, plan)
    targets = list(access.reporting_targets(plan, unit))
    figures = _figures_of(targets, period)
    latest = {k: v[-1] for k, v in figures.items()}
    forms_ = [FigureForm(request.POST if posted else None, target=t, period=period,
                         initial={"seen": latest[t.pk].pk if t.pk in latest else None}) for t in targets]
    if posted:
        valid = all(f.is_valid() for f in forms_)
        chosen = [f for f in forms_ if f.figure is not None]
        if valid and chosen:
            try:
                workflow.submit_all([f.figure for f in chosen if f.figure], request.user,
                                    {f.figure.key: f.cleaned_data.get("seen") for f in chosen if f.figure})
            except workflow.WorkflowError as e:
                blamed = next((f for f in chosen if f.figure and f.figure.target.code in str(e)), None)
                if blamed is not None:
                    blamed.add_error("value", str(e))
                else:
                    messages.error(request, str(e))
            else:
                messages.success(request, gettext("已报送%(n)s条，等待督查室审核") % {"n": len(chosen)})
                suffix = f"&unit={unit.pk}" if unit else ""  # a liaison's own unit: ignored, as it always is
                return redirect(f"{request.path}?period={period}{suffix}")
        elif valid:
            messages.warning(request, gettext("没有填写任何数值"))
    on = parse_period(period).end
    rows = {r.target.pk: r for r in assess_plan(plan, on, targets)}
    counted = {o.target_id: o for o in workflow.counting_by_period(
        [o for found in figures.values() for o in found]).values()}
    lines = []
    for t, form in zip(targets, forms_, strict=True):
        waiting = [o for o in figures.get(t.pk, []) if o.status in (Observation.Status.SUBMITTED,
                                                                       Observation.Status.RETURNED)]
        lines.append(Line(t, rows[t.pk], form, waiting[-1] if waiting else None, counted.get(t.pk)))
    return render(request, "progress/report.html", {
        "plan": plan, "access": access, "unit": unit, "period": period, "lines": lines,
        "units": access.units_to_report_for(),
    })


def _figures_of(targets: list[Target], period: str) -> dict[int, list[Observation]]:
    """Every figure reported for each target and ``period``, oldest first."""
    found: dict[int, list[Observation]] = {}
    for o in (Observation.objects.filter(target__in=targets, period=period).select_related("reported_by")
              .order_by("reported_at", "id")):
        found.setdefault(o.target_id, []).append(o)
    return found


@login_required
def withdraw(request: HttpRequest, slug: str, observation_id: int) -> HttpResponse:
    """The reporter takes back their own pending figure."""
    plan = current(slug)
    require_reporter(request.user)
    if request.method != "POST":
        return redirect("report", slug=plan.slug)
    found = get_object_or_404(Observation.objects.select_related("target"), pk=observation_id, target__plan=plan)
    try:
        workflow.withdraw(found, request.user)
        messages.success(request, gettext("已撤回 %(code)s %(period)s 的数值 %(value)s") % {
            "code": found.target.code, "period": found.period, "value": say_number(found.value)})
    except workflow.WorkflowError as e:
        messages.error(request, str(e))
    return redirect(f"{redirect('report', slug=plan.slug).url}?period={found.period}")


@login_required
def template_download(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    access = require_reporter(request.user)
    period = _period(request, plan)
    book = template(plan, period, list(access.reporting_targets(plan)) if access.is_liaison else None)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{plan.slug}-{period}.xlsx"
    return response


UploadRows = forms.formset_factory(UploadRowForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS,
                                   validate_max=True)


@login_required
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a filled template: a preview shows every problem cell before anything is saved.

    The file itself is read once and never kept (not in the session, not on disk): the preview carries
    the checked figures as form fields, and confirming checks them again through the same rules.
    """
    plan = current(slug)
    access = require_reporter(request.user)
    allowed = {t.code: t for t in access.reporting_targets(plan)}
    problems: list[str] = []
    rows = None
    if request.method == "POST" and request.POST.get("confirm"):
        rows = UploadRows(request.POST, prefix="row", form_kwargs={"targets": allowed})
        if rows.is_valid():
            figures = [f.figure for f in rows.forms if f.figure is not None]
            try:
                workflow.submit_all(figures, request.user, {f.figure.key: f.cleaned_data.get("seen")
                                                            for f in rows.forms if f.figure is not None})
            except workflow.WorkflowError as e:
                problems.append(str(e))
            else:
                messages.success(request, gettext("已报送%(n)s条，等待督查室审核") % {"n": len(figures)})
                return redirect("report", slug=plan.slug)
        else:
            problems += [gettext("第%(n)s行: %(problem)s") % {"n": n, "problem": e}
                         for n, errors in enumerate(rows.errors, 1) for e in _flat(errors)]
            problems += list(rows.non_form_errors())
        rows = None
    elif request.method == "POST" and request.FILES.get("file"):
        uploaded = request.FILES["file"]
        name = uploaded.name or "upload.xlsx"
        try:
            if uploaded.size is not None and uploaded.size > MAX_UPLOAD_BYTES:
                raise SheetProblems([])  # read_upload words the message; the body is not read at all
            sheet, cells = read_upload(name, uploaded.read(MAX_UPLOAD_BYTES + 1))
            found = check(plan, sheet, cells)
        except SheetProblems as e:
            problems = [str(p) for p in e.problems] or [
                gettext("%(name)s: 文件超过 %(mb)s MB 的上限，没有读取") % {"name": name,
                                                              "mb": MAX_UPLOAD_BYTES // 1024 // 1024}]
        else:
            foreign = sorted({f.target.code for _, f in found if f.target.code not in allowed})
            if foreign:
                problems = [gettext("%(name)s: 目标 %(codes)s 不属于你的单位，不能报送") % {"name": name,
                                                                                   "codes": "、".join(foreign)}]
            else:
                latest = _latest_ids([f for _, f in found])
                rows = UploadRows(prefix="row", form_kwargs={"targets": allowed}, initial=[
                    {"code": f.target.code, "period": f.period, "value": repr(f.value),
                     "reference": "" if f.reference is None else repr(f.reference), "narrative": f.narrative,
                     "problems": f.problems, "next_steps": f.next_steps, "source": f.source,
                     "seen": latest.get(f.key), "line": n} for n, f in found])
    return render(request, "progress/upload.html", {
        "plan": plan, "access": access, "problems": problems, "rows": rows,
        "limit_mb": MAX_UPLOAD_BYTES // 1024 // 1024, "max_rows": MAX_ROWS})


def _latest_ids(figures: list[workflow.Figure]) -> dict[tuple[int, str], int]:
    """The newest figure already stored for each (target, period) the upload reports: what its sender saw."""
    found: dict[tuple[int, str], int] = {}
    for target_id, period, pk in (Observation.objects.filter(target__in={f.target.pk for f in figures})
                                  .order_by("id").values_list("target_id", "period", "id")):
        found[(target_id, period)] = pk
    return found


def _flat(errors: dict[str, list[str]]) -> list[str]:
    return [str(m) for messages_ in errors.values() for m in messages_]


@login_required
def approvals(request: HttpRequest, slug: str) -> HttpResponse:
    """The office approves submissions (they count from then on), a batch at once, or returns them."""
    plan = current(slug)
    require_office(request.user)
    pending = list(Observation.objects.filter(target__plan=plan).pending())
    if request.method == "POST":
        form = ReviewForm(request.POST, pending=pending)
        if not form.is_valid():
            for error in _flat(form.errors):
                messages.error(request, error)
            return redirect("approvals", slug=plan.slug)
        data = form.cleaned_data
        try:
            if data["action"] == "approve":
                done = workflow.approve(data["figure"], request.user)
                messages.success(request, f"{done.target.code} {done.period}：{done.get_status_display()}")
            elif data["action"] == "return":
                done = workflow.send_back(data["figure"], request.user, data["reason"])
                messages.success(request, f"{done.target.code} {done.period}：{done.get_status_display()}")
            else:
                batch = workflow.approve_batch(
                    pending, request.user, set(data["chosen"]) if data["action"] == "approve-checked" else None)
                messages.success(request, gettext("已通过%(n)s条") % {"n": len(batch.approved)})
                for o, why in batch.skipped:
                    messages.warning(request, gettext("%(code)s %(period)s 未通过：%(why)s") % {
                        "code": o.target.code, "period": o.period, "why": why})
        except workflow.WorkflowError as e:
            messages.error(request, str(e))
        return redirect("approvals", slug=plan.slug)
    counted = workflow.counting_by_period(pending)
    items = [Pending(o, workflow.blockers(o, request.user, pending, counted), counted.get((o.target_id, o.period)))
             for o in pending]
    return render(request, "progress/approvals.html", {"plan": plan, "pending": items,
                                                       "clean": sum(1 for i in items if not i.blockers),
                                                       "access": access_of(request.user)})


@dataclass(frozen=True)
class Pending:
    """A figure waiting for the office: what would stop a batch approval, and the figure that counts now."""

    figure: Observation
    blockers: list[str]
    counted: Observation | None
