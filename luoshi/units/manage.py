"""The office's unit list in the browser: add, edit, nest, deactivate, import from .xlsx; the keywords
that make a unit the lead of a target, and running that rule on a plan."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi import query
from luoshi.accounts.access import require_office
from luoshi.plans.models import Plan
from luoshi.units.assigning import assign_by_keywords
from luoshi.units.importing import (
    COLUMNS,
    ROW_LIMIT,
    SHEET_LIMIT,
    UnitListProblem,
    read_unit_sheet,
    split_keywords,
    store_units,
)
from luoshi.units.models import Unit


class UnitForm(forms.ModelForm):
    keywords_text = forms.CharField(
        label=_("牵头关键词"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("用顿号或逗号分开，例如：投资、项目。目标或任务含有这些词时，默认由本单位牵头"))

    class Meta:
        model = Unit
        fields = ["name", "short_name", "kind", "parent", "active"]
        labels = {"name": _("名称"), "short_name": _("简称"), "kind": _("类别"), "parent": _("上级"),
                  "active": _("在用")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keywords_text"].initial = "、".join(self.instance.keywords or [])
        below = _descendants(self.instance) if self.instance.pk else set()
        self.fields["parent"].queryset = Unit.objects.exclude(pk__in=below)  # type: ignore[attr-defined]
        if not self.instance.pk:
            del self.fields["active"]

    def save(self, commit: bool = True) -> Unit:
        self.instance.keywords = split_keywords(self.cleaned_data["keywords_text"])
        return super().save(commit)  # type: ignore[no-any-return]


def _descendants(unit: Unit) -> set[int]:
    """``unit`` and every unit under it: none of them may become its parent."""
    found, frontier = {unit.pk}, [unit.pk]
    while frontier:
        frontier = list(Unit.objects.filter(parent__in=frontier).exclude(pk__in=found).values_list("pk", flat=True))
        found.update(frontier)
    return found


class SheetForm(forms.Form):
    file = forms.FileField(label=_("单位表（.xlsx）"))


class KeywordRuleForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("计划"), queryset=Plan.objects.current())
    fallback = forms.ModelChoiceField(label=_("没有命中关键词的目标由谁牵头（可空）"), required=False,
                                      queryset=Unit.objects.active())


@login_required
def units(request: HttpRequest) -> HttpResponse:
    """The unit tree, the form to add one, the .xlsx import and the keyword rule."""
    access = require_office(request.user)
    form = UnitForm(request.POST if request.POST.get("action") == "add" else None)
    sheet = SheetForm(request.POST if request.POST.get("action") == "import" else None, request.FILES or None)
    rule = KeywordRuleForm(request.POST if request.POST.get("action") == "assign" else None)
    problems: list[str] = []
    if request.method == "POST":
        if form.is_bound and form.is_valid():
            unit = form.save()
            messages.success(request, gettext("已新建单位 %(name)s") % {"name": unit.name})
            return redirect("manage-units")
        if sheet.is_bound and sheet.is_valid():
            upload = sheet.cleaned_data["file"]
            if upload.size > SHEET_LIMIT:
                problems = [gettext("文件超过 %(mb)s MB 的上限") % {"mb": SHEET_LIMIT // 1024 // 1024}]
            else:
                try:
                    created = store_units(read_unit_sheet(upload.read(), upload.name or "单位.xlsx"))
                except UnitListProblem as e:
                    problems = str(e).splitlines()
                else:
                    messages.success(request, gettext("已从表格新建%(n)s个单位（已有的单位不变）") % {"n": created})
                    return redirect("manage-units")
        if rule.is_bound and rule.is_valid():
            plan = rule.cleaned_data["plan"]
            count = assign_by_keywords(plan, fallback=rule.cleaned_data["fallback"])
            left = plan.targets.exclude(assignments__role="lead").count()
            said = gettext("%(plan)s：按关键词为%(n)s个目标指定了牵头单位，还有%(left)s个目标没有牵头单位")
            messages.success(request, said % {"plan": plan.slug, "n": count, "left": left})
            return redirect("manage-units")
    every = list(Unit.objects.select_related("parent").order_by("kind", "id"))
    return render(request, "manage/units.html", {
        "access": access, "form": form, "sheet": sheet, "rule": rule, "problems": problems, "tree": _tree(every),
        "columns": format_html('<span lang="zh-Hans">{}</span>', " ".join(COLUMNS)),  # the sheet's own words
        "row_limit": ROW_LIMIT, "size_limit": SHEET_LIMIT // 1024 // 1024,
    })


def _tree(every: list[Unit]) -> list[tuple[Unit, int]]:
    """Units in tree order with their depth: a parent, then its children."""
    children: dict[int | None, list[Unit]] = {}
    ids = {u.pk for u in every}
    for unit in every:
        children.setdefault(unit.parent_id if unit.parent_id in ids else None, []).append(unit)
    out: list[tuple[Unit, int]] = []
    stack = [(u, 0) for u in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        out.append((unit, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(unit.pk, [])))
    return out


@login_required
def unit_edit(request: HttpRequest, unit_id: int) -> HttpResponse:
    access = require_office(request.user)
    unit = get_object_or_404(Unit, pk=unit_id if unit_id <= query.LARGEST_ID else 0)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("已保存单位 %(name)s") % {"name": unit.name})
        return redirect("manage-units")
    return render(request, "manage/unit.html", {"access": access, "form": form, "unit": unit,
                                                "liaisons": unit.liaisons.select_related("user")})
