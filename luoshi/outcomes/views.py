"""The office uploads a report, sees what it states about the plan's targets, and confirms or rejects each."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from luoshi.accounts.access import require_office
from luoshi.documents import UnreadableDocument, read_text
from luoshi.outcomes.models import Outcome, Source
from luoshi.outcomes.reading import UnknownProposal, decide, keep_source, propose
from luoshi.plans.views import current

MAX_REPORT_BYTES = 20 * 1024 * 1024
REPORT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


@login_required
def sources(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a report (the next year's work report, a statistical bulletin) to read its results."""
    plan = current(slug)
    access = require_office(request.user)
    problem = ""
    if request.method == "POST":
        uploaded = request.FILES.get("file")
        name = Path(uploaded.name or "").name if uploaded else ""
        if uploaded is None:
            problem = gettext("请选择一个报告文件")
        elif Path(name).suffix.lower() not in REPORT_SUFFIXES:
            problem = gettext("%(name)s: 只能读取 .txt、.docx、.pdf 或 .html 文件") % {"name": name}
        elif uploaded.size and uploaded.size > MAX_REPORT_BYTES:
            problem = gettext("%(name)s: 文件超过 20 MB，不像一份工作报告") % {"name": name}
        else:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"report{Path(name).suffix.lower()}"
                path.write_bytes(uploaded.read())
                try:
                    text = read_text(path)
                except UnreadableDocument as e:
                    problem = f"{name}: {e.problem}"
            if not problem:
                source = keep_source(plan, name, text, request.user, title=request.POST.get("title", "").strip())
                return redirect("outcomes:proposals", slug=plan.slug, source_id=source.pk)
    recorded = (Outcome.objects.confirmed().filter(target__plan=plan)
                .select_related("target").order_by("target__section__ordinal", "target_id"))
    return render(request, "outcomes/sources.html", {
        "plan": plan, "access": access, "problem": problem, "recorded": recorded,
        "sources": plan.outcome_sources.select_related("uploaded_by")})


@login_required
def proposals(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    """Every proposed match with both sentences; nothing is recorded until the office decides."""
    plan = current(slug)
    access = require_office(request.user)
    source = get_object_or_404(Source, pk=source_id, plan=plan)
    review, found = propose(plan, source.text, source)
    if request.method == "POST":
        confirm = {key for key, value in request.POST.items() if value == "confirm"}
        reject = {key for key, value in request.POST.items() if value == "reject"}
        if not confirm and not reject:
            messages.warning(request, gettext("没有选择任何一条，什么也没有记录"))
        else:
            try:
                confirmed, rejected = decide(source, found, confirm, reject, request.user)
            except UnknownProposal as e:
                messages.error(request, gettext("%(problem)s；什么也没有记录") % {"problem": e})
            else:
                messages.success(request, gettext("已确认%(confirmed)s条，否决%(rejected)s条") % {
                    "confirmed": confirmed, "rejected": rejected})
        return redirect("outcomes:proposals", slug=plan.slug, source_id=source.pk)
    same = sum(p.same for p in found)
    return render(request, "outcomes/proposals.html", {
        "plan": plan, "access": access, "source": source, "review": review, "proposals": found,
        "same": same, "related": len(found) - same})
