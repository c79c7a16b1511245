"""The office's plans in the browser: upload a report, preview what was found, confirm; the versions
of each plan, which one is current, and going back to another."""

from __future__ import annotations

import secrets
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi import query
from luoshi.accounts.access import require_office
from luoshi.documents import UnreadableDocument, read_text
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.plans.importing import (
    PlanImportError,
    Preview,
    document_facts,
    import_document,
    preview_import,
    roll_back,
    roll_back_preview,
)
from luoshi.plans.models import Plan, PlanUpload

FILE_LIMIT = 10 * 1024 * 1024  # bytes of an uploaded report: a work report is well under 1 MB even as a PDF
INFLATED_LIMIT = 50 * 1024 * 1024  # bytes of a .docx once unzipped; more is refused before reading
TEXT_LIMIT = 500_000  # characters: a work report has 20,000-40,000
SUFFIXES = (".docx", ".pdf", ".txt", ".html", ".htm")
KEPT = timedelta(days=1)  # an upload nobody confirmed is dropped after this


class ReportForm(forms.Form):
    file = forms.FileField(label=_("报告文件（.docx .pdf .txt .html）"))
    region = forms.CharField(label=_("地区（可空，默认按报告）"), max_length=40, required=False)
    year = forms.IntegerField(label=_("年份（可空，默认按报告）"), min_value=1990, max_value=2100, required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in SUFFIXES:
            raise forms.ValidationError(gettext("只能上传 .docx、.pdf、.txt 或 .html 文件（旧版 .doc 请另存为 .docx）"))
        if upload.size > FILE_LIMIT:
            raise forms.ValidationError(gettext("文件 %(mb).1f MB，超过 %(limit)s MB 的上限") % {
                "mb": upload.size / 1024 / 1024, "limit": FILE_LIMIT // 1024 // 1024})
        return upload


def _read_upload(upload: Any) -> str:
    """The text of an uploaded report, read from a private temporary file that is gone afterwards."""
    suffix = Path(upload.name or "").suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        for chunk in upload.chunks():
            f.write(chunk)
        f.flush()
        if suffix == ".docx":
            try:
                with zipfile.ZipFile(f.name) as archive:
                    if sum(i.file_size for i in archive.infolist()) > INFLATED_LIMIT:
                        raise UnreadableDocument(upload.name, gettext("解压后超过 50 MB，像是压缩炸弹，没有读取"))
            except zipfile.BadZipFile:
                raise UnreadableDocument(upload.name, gettext("不是有效的 .docx 文件")) from None
        text = read_text(f.name)
    if len(text) > TEXT_LIMIT:
        raise UnreadableDocument(upload.name, gettext("文字超过 %(n)s 字，不像一份工作报告") % {"n": TEXT_LIMIT})
    if not text.strip():
        raise UnreadableDocument(upload.name, gettext("没有读到任何文字（扫描件的 PDF 需要先转成文字）"))
    return text


@login_required
def plans(request: HttpRequest) -> HttpResponse:
    """Every plan with its versions, and the upload form."""
    access = require_office(request.user)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = _read_upload(upload)
        except UnreadableDocument as e:
            form.add_error("file", e.problem)
        else:
            PlanUpload.objects.filter(created_at__lt=timezone.now() - KEPT).delete()
            pending = PlanUpload.objects.create(token=secrets.token_hex(16), uploaded_by=request.user,
                                                name=Path(upload.name).name[:255], text=text)
            query_string = "&".join(f"{k}={form.cleaned_data[k]}" for k in ("region", "year") if form.cleaned_data[k])
            return redirect(f"{_preview_url(pending)}?{query_string}" if query_string else _preview_url(pending))
    versions: dict[str, list[Plan]] = {}
    for plan in Plan.objects.defer("text").order_by("-year", "slug", "-version"):
        versions.setdefault(plan.slug, []).append(plan)
    return render(request, "manage/plans.html", {"access": access, "form": form, "versions": versions,
                                                 "limit": FILE_LIMIT // 1024 // 1024})


def _preview_url(pending: PlanUpload) -> str:
    from django.urls import reverse

    return reverse("manage-plan-preview", args=[pending.token])


@login_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    """What the uploaded report holds and what storing it would change; confirming stores it."""
    access = require_office(request.user)
    pending = get_object_or_404(PlanUpload, token=token, uploaded_by=request.user)
    found = extract_plan(pending.text)
    doc = document(found)
    region = (request.POST.get("region") or request.GET.get("region") or "").strip()[:40] or None
    year = query.year(request.POST, "year") or query.year(request.GET, "year")
    problem = ""
    try:
        seen: Preview | None = preview_import(doc, region=region, year=year)
    except PlanImportError as e:
        seen, problem = None, str(e)
    if request.method == "POST" and seen is not None:
        try:
            imported = import_document(doc, text=pending.text, source_name=pending.name, region=region, year=year,
                                       confirm=True, insist=request.POST.get("insist") == "yes", by=request.user)
        except PlanImportError as e:  # Unlike, unless the office insisted
            problem = str(e)
        else:
            pending.delete()
            messages.success(request, imported.message)
            return redirect("dashboard", slug=imported.plan.slug)
    return render(request, "manage/preview.html", {
        "access": access, "pending": pending, "found": found, "doc": doc, "seen": seen, "problem": problem,
        "region": region or "", "year": year or "", "targets": document_facts(doc),
    })


@login_required
def versions(request: HttpRequest, slug: str) -> HttpResponse:
    """The versions of one plan; choosing one shows what going back to it changes, then does it."""
    access = require_office(request.user)
    every = list(Plan.objects.filter(slug=slug).defer("text").order_by("-version"))
    if not every:
        return redirect("manage-plans")
    chosen = query.number(request.POST or request.GET, "version")
    change = None
    if chosen is not None:
        try:
            if request.method == "POST" and request.POST.get("confirm") == "yes":
                done = roll_back(slug, chosen, by=request.user)
                messages.success(request, done.message)
                return redirect("manage-plan-versions", slug=slug)
            change = roll_back_preview(slug, chosen)
        except PlanImportError as e:
            messages.error(request, str(e))
            return redirect("manage-plan-versions", slug=slug)
    counts = {p.pk: p.targets.count() for p in every}
    return render(request, "manage/versions.html", {
        "access": access, "slug": slug, "every": [(p, counts[p.pk]) for p in every], "change": change})
