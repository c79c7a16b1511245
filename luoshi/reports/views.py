"""Downloads of the office's documents, and the year-end evaluation page."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from luoshi import query
from luoshi.accounts.access import Access, access_of
from luoshi.plans.models import Plan
from luoshi.plans.views import current
from luoshi.reports.comparison import compare
from luoshi.reports.exports import FORMATS, breakdown_file, bulletin_files, evaluation_file
from luoshi.reports.tables import evaluation
from luoshi.tracking import BadPeriod

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _whole_plan_reader(request: HttpRequest) -> Access:
    access = access_of(request.user)
    if access.is_liaison:
        raise PermissionDenied("全市的分解表和评定由督查室和领导查看")
    return access


def _attachment(content: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def breakdown_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("没有这种格式")
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
    return render(request, "reports/evaluation.html", {
        "plan": plan, "access": access, "result": evaluation(plan, year), "year": year,
        "targets_url": reverse("target", args=[plan.slug, "0"])[:-2]})  # …/targets/: one reverse, not one per row


@login_required
def bulletin_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The 督查通报 for ?period= as .docx, .pdf, or its attachments as .xlsx."""
    if fmt not in ("docx", "pdf", "xlsx"):
        raise Http404("没有这种格式")
    plan = current(slug)
    _whole_plan_reader(request)
    period = request.GET.get("period", "")
    try:
        [(name, content)] = bulletin_files(plan, period, [fmt])
    except BadPeriod as e:
        return HttpResponse(f"期别有误：{e}", status=400, content_type="text/plain; charset=utf-8")
    return _attachment(content, name, fmt)


@login_required
def comparison_page(request: HttpRequest) -> HttpResponse:
    """Targets of several plans side by side: ?plans=jinhua-2024,jinhua-2025 (default: all current)."""
    access = _whole_plan_reader(request)
    every = list(Plan.objects.current().order_by("region", "year"))
    wanted = [s for s in request.GET.get("plans", "").split(",") if s]
    chosen = [p for p in every if p.slug in wanted] if wanted else every
    result = compare(chosen) if len(chosen) >= 2 else None
    return render(request, "reports/compare.html", {"access": access, "every": every,
                                                    "chosen": {p.slug for p in chosen}, "result": result})
