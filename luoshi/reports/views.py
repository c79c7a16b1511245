"""Downloads of the office's documents, and the year-end evaluation page."""

from __future__ import annotations

from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from luoshi import query
from luoshi.accounts.access import Access, access_of, require_office
from luoshi.plans.models import Plan
from luoshi.plans.views import current
from luoshi.reports import issuing
from luoshi.reports.comparison import compare
from luoshi.reports.exports import FORMATS, breakdown_file, bulletin_files, comparison_file, evaluation_file
from luoshi.reports.models import BulletinSettings, IssuedBulletin
from luoshi.reports.tables import RELATED_ONLY, evaluation
from luoshi.tracking import BadPeriod, parse_period

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _whole_plan_reader(request: HttpRequest) -> Access:
    access = access_of(request.user)
    if access.is_liaison:
        raise PermissionDenied(gettext("全市的分解表和评定由督查室和领导查看"))
    return access


def _attachment(content: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def breakdown_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(gettext("没有这种格式"))
    plan = current(slug)
    _whole_plan_reader(request)
    content, name = breakdown_file(plan, fmt)
    return _attachment(content, name, fmt)


@login_required
def evaluation_page(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    access = _whole_plan_reader(request)
    year = query.year(request.GET) or plan.year
    if request.GET.get("format") == "xlsx":
        content, name = evaluation_file(plan, year)
        return _attachment(content, name, "xlsx")
    result = evaluation(plan, year)
    return render(request, "reports/evaluation.html", {
        "plan": plan, "access": access, "result": result, "year": year,
        "related": [r for r in result.rows if r.verdict == RELATED_ONLY],
        "targets_url": reverse("target", args=[plan.slug, "0"])[:-2]})  # …/targets/: one reverse, not one per row


@login_required
def bulletin_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The 督查通报 for ?period= as .docx, .pdf, or its attachments as .xlsx."""
    if fmt not in ("docx", "pdf", "xlsx"):
        raise Http404(gettext("没有这种格式"))
    plan = current(slug)
    _whole_plan_reader(request)
    period = request.GET.get("period", "")
    try:
        [(name, content)] = bulletin_files(plan, period, [fmt])
    except BadPeriod as e:
        return HttpResponse(gettext("期别有误：%(problem)s") % {"problem": e}, status=400,
                            content_type="text/plain; charset=utf-8")
    return _attachment(content, name, fmt)


@login_required
def comparison_page(request: HttpRequest) -> HttpResponse:
    """Targets of several plans side by side: ?plans=jinhua-2024,jinhua-2025 (default: all current)."""
    access = _whole_plan_reader(request)
    every = list(Plan.objects.current().order_by("region", "year"))
    # ?plans=a,b (a link) or ?plans=a&plans=b (the form's checkboxes: no script, for the CSP)
    wanted = [s for value in request.GET.getlist("plans") for s in value.split(",") if s]
    chosen = [p for p in every if p.slug in wanted] if wanted else every
    result = compare(chosen) if len(chosen) >= 2 else None
    if result is not None and request.GET.get("format") == "xlsx":
        content, name = comparison_file(result)
        return _attachment(content, name, "xlsx")
    return render(request, "reports/compare.html", {"access": access, "every": every,
                                                    "chosen": {p.slug for p in chosen}, "result": result,
                                                    "chosen_slugs": ",".join(p.slug for p in chosen)})


class BulletinSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = BulletinSettings
        fields = ["issuer", "prefix", "next_number", "recipients", "copies", "signature", "printer"]


def _period(plan: Plan, raw: str) -> str:
    """``raw`` if it is a month, quarter or half of the plan's year; else the last month ended."""
    try:
        if raw.strip() and parse_period(raw).year == plan.year:
            return raw.strip()
    except BadPeriod:
        pass
    today = timezone.localdate()
    if today.year != plan.year:
        return f"{plan.year}-12" if today.year > plan.year else f"{plan.year}-01"
    return f"{plan.year}-{max(today.month - 1, 1):02d}"


@login_required
def bulletins_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The bulletins: the letterhead the office sets once, this period's wording, issuing under the
    next number, and every bulletin issued."""
    plan = current(slug)
    access = _whole_plan_reader(request)
    period = _period(plan, request.POST.get("period") or request.GET.get("period", ""))
    settings = issuing.settings_of(plan)
    form = BulletinSettingsForm(instance=settings)
    if request.method == "POST":
        require_office(request.user)
        action = request.POST.get("action")
        if action == "settings":
            form = BulletinSettingsForm(request.POST, instance=settings)
            if form.is_valid():
                form.save()
                messages.success(request, gettext("已保存通报设置"))
                return redirect(f"{request.path}?period={period}")
        elif action == "text":
            issuing.save_text(plan, period, request.POST.get("summary", ""), request.user)
            messages.success(request, gettext("已保存%(period)s通报的总体情况文字") % {"period": period})
            return redirect(f"{request.path}?period={period}")
        elif action == "issue":
            issued = issuing.issue(plan, period, request.user)
            messages.success(request, gettext("已印发：%(reference)s") % {"reference": issued.reference})
            return redirect(f"{request.path}?period={period}")
    made = issuing.draft(plan, period)
    today = timezone.localdate()
    return render(request, "reports/bulletins.html", {
        "plan": plan, "access": access, "period": period, "form": form, "draft": made,
        "summary": "\n".join(made.summary), "edited": made.summary != made.generated_summary,
        "next_reference": settings.reference(today.year, settings.next_number),
        "issued": IssuedBulletin.objects.filter(slug=plan.slug).select_related("issued_by")})


@login_required
def issued_download(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    """An issued bulletin's file, as it was issued."""
    if fmt not in ("docx", "pdf", "xlsx"):
        raise Http404(gettext("没有这种格式"))
    _whole_plan_reader(request)
    issued = get_object_or_404(IssuedBulletin, slug=slug, pk=pk)
    return _attachment(bytes(getattr(issued, fmt)), issuing.issued_name(issued, fmt), fmt)
