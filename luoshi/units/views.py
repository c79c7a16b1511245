"""Assigning lead and co-units to targets, many at a time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from luoshi.accounts.access import access_of, require_office
from luoshi.plans.models import Task
from luoshi.plans.views import current
from luoshi.progress.board import leads_of
from luoshi.units.models import Assignment, Unit


@login_required
def assign(request: HttpRequest, slug: str) -> HttpResponse:
    """Tick targets, pick a unit and a role: the office's correction of the keyword rule, in bulk."""
    plan = current(slug)
    require_office(request.user)
    units = list(Unit.objects.exclude(kind=Unit.Kind.GOVERNMENT).order_by("kind", "id"))
    if request.method == "POST":
        codes = request.POST.getlist("target")
        task_ids = [int(t) for t in request.POST.getlist("task") if t.isdigit()]
        unit = next((u for u in units if str(u.pk) == request.POST.get("unit")), None)
        role = request.POST.get("role")
        if not (codes or task_ids) or unit is None or role not in (Assignment.Role.LEAD, Assignment.Role.CO):
            messages.error(request, "请勾选任务或目标，并选择单位和角色")
            return redirect("assign", slug=plan.slug)
        targets = list(plan.targets.filter(code__in=codes))
        tasks = list(Task.objects.filter(section__plan=plan, pk__in=task_ids))
        with transaction.atomic():
            for field, chosen in (("target__in", targets), ("task__in", tasks)):
                same = Assignment.objects.filter(**{field: chosen})
                if field == "task__in":
                    same = same.filter(target__isnull=True)
                if role == Assignment.Role.LEAD:
                    same.filter(role=Assignment.Role.LEAD).delete()
                else:
                    same.filter(unit=unit, role=Assignment.Role.CO).delete()
            Assignment.objects.bulk_create([*(Assignment(target=t, unit=unit, role=role) for t in targets),
                                            *(Assignment(task=t, unit=unit, role=role) for t in tasks)])
        label = Assignment.Role(role).label
        messages.success(request, f"已把{len(tasks)}项任务、{len(targets)}个目标的{label}设为{unit.name}")
        return redirect(f"{request.path}?section={request.POST.get('section', '')}")
    section = request.GET.get("section") or ""
    targets = plan.targets.select_related("section").order_by("section__ordinal", "id")
    if section.isdigit():
        targets = targets.filter(section__ordinal=int(section))
    leads = leads_of(plan)
    co: dict[int, list[str]] = {}
    for target_id, name in Assignment.objects.filter(target__plan=plan, role=Assignment.Role.CO).values_list(
            "target_id", "unit__short_name"):
        co.setdefault(target_id, []).append(name)
    rows = [(t, leads.get(t.pk), co.get(t.pk, [])) for t in targets]
    task_units: dict[int, list[str]] = {}
    for task_id, name, role in Assignment.objects.filter(task__section__plan=plan, target__isnull=True).values_list(
            "task_id", "unit__short_name", "role"):
        task_units.setdefault(task_id, []).append(f"{name}（{Assignment.Role(role).label}）")
    tasks = Task.objects.filter(section__plan=plan).select_related("section").order_by("section__ordinal", "ordinal")
    if section.isdigit():
        tasks = tasks.filter(section__ordinal=int(section))
    task_rows = [(t, task_units.get(t.pk, [])) for t in tasks]
    return render(request, "units/assign.html", {
        "plan": plan, "access": access_of(request.user), "rows": rows, "units": units, "task_rows": task_rows,
        "sections": plan.sections.order_by("ordinal"), "section": section,
    })
