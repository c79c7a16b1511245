"""Assigning lead and co-units to targets, many at a time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from luoshi import query
from luoshi.accounts.access import access_of, require_office
from luoshi.plans.models import Plan, Task
from luoshi.plans.views import current
from luoshi.progress.board import leads_of
from luoshi.units.assigning import assign_units
from luoshi.units.models import Assignment, Unit


@login_required
def assign(request: HttpRequest, slug: str) -> HttpResponse:
    """Tick tasks and targets, pick a lead unit and co-units: the office's correction of the keyword rule,
    in bulk. A ticked task brings its targets along."""
    plan = current(slug)
    require_office(request.user)
    units = list(Unit.objects.active().exclude(kind=Unit.Kind.GOVERNMENT).order_by("kind", "id"))
    if request.method == "POST":
        return _assign_posted(request, plan, units)
    section = query.number(request.GET, "section")
    targets = plan.targets.select_related("section").order_by("section__ordinal", "id")
    if section is not None:
        targets = targets.filter(section__ordinal=section)
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
    if section is not None:
        tasks = tasks.filter(section__ordinal=section)
    task_rows = [(t, task_units.get(t.pk, [])) for t in tasks]
    return render(request, "units/assign.html", {
        "plan": plan, "access": access_of(request.user), "rows": rows, "units": units, "task_rows": task_rows,
        "sections": plan.sections.order_by("ordinal"), "section": section,
    })


def _assign_posted(request: HttpRequest, plan: Plan, units: list[Unit]) -> HttpResponse:
    by_id = {u.pk: u for u in units}
    lead = by_id.get(query.number(request.POST, "lead") or 0)
    co = [by_id[pk] for pk in query.numbers(request.POST.getlist("co")) if pk in by_id]
    targets = list(plan.targets.filter(code__in=request.POST.getlist("target")))
    tasks = list(Task.objects.filter(section__plan=plan, pk__in=query.numbers(request.POST.getlist("task"))))
    section = query.number(request.POST, "section")
    back = f"{request.path}?section={section}" if section is not None else request.path
    if not (targets or tasks) or not (lead or co):
        messages.error(request, gettext("请勾选任务或目标，并选择牵头单位或责任单位"))
        return redirect(back)
    done = assign_units(targets, tasks, lead, co)
    parts = []
    if lead:
        parts.append(gettext("牵头单位设为%(unit)s") % {"unit": lead.name})
    if co:
        parts.append(gettext("责任单位增加%(units)s") % {"units": "、".join(u.name for u in co)})
    messages.success(request, gettext("已为%(tasks)s项任务、%(targets)s个目标：%(what)s") % {
        "tasks": done.tasks, "targets": done.targets, "what": gettext("；").join(parts)})
    return redirect(back)
