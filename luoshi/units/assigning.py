"""The keyword rule that gives every target a lead unit, saying which word decided it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from luoshi.plans.models import Plan, Target, Task
from luoshi.units.models import Assignment, Unit


def lead_for(target: Target, units: list[Unit]) -> tuple[Unit, str] | None:
    """The unit whose longest keyword appears first in the indicator, the quote, the task, the section;
    None when no unit's word appears."""
    places = (("指标", target.indicator_text), ("原文", target.quote),
              ("任务", target.task.heading if target.task else ""), ("方面", target.section.title))
    for where, text in places:
        best: tuple[int, Unit, str] | None = None
        for unit in units:
            for word in unit.keywords:
                if word and word in text and (best is None or len(word) > best[0]):
                    best = (len(word), unit, word)
        if best is not None:
            return best[1], f"{where}含“{best[2]}”"
    return None


@transaction.atomic
def assign_by_keywords(plan: Plan, replace: bool = False, fallback: Unit | None = None) -> int:
    """Give each target of ``plan`` without a lead unit (or, with ``replace``, whose lead was
    set by this rule) the lead unit the keywords point to, or ``fallback`` when no word does
    (without one, such a target stays for the office to assign). People's choices are never
    replaced. Returns how many leads were set."""
    units = [u for u in Unit.objects.active().order_by("kind", "id") if u.keywords]
    targets = plan.targets.select_related("task", "section")
    leads = Assignment.objects.filter(target__plan=plan, role=Assignment.Role.LEAD)
    if replace:
        leads.exclude(basis="").delete()  # a person's choice has no basis and stays
    led = set(leads.values_list("target_id", flat=True))
    made = []
    for target in targets:
        if target.pk in led:
            continue
        found = lead_for(target, units)
        if found is not None:
            unit, basis = found
        elif fallback is not None:
            unit, basis = fallback, "无关键词命中，由指定的兜底单位牵头"
        else:
            continue
        made.append(Assignment(unit=unit, target=target, role=Assignment.Role.LEAD, basis=basis))
    Assignment.objects.bulk_create(made)
    return len(made)


@dataclass(frozen=True)
class Assigned:
    tasks: int
    targets: int  # the ticked targets and those of the ticked tasks


@transaction.atomic
def assign_units(targets: list[Target], tasks: list[Task], lead: Unit | None, co: list[Unit]) -> Assigned:
    """Make ``lead`` the lead unit and add ``co`` as co-units of ``targets`` and ``tasks``; a task's
    targets follow their task. A person's choice: no basis is recorded, the keyword rule never undoes it.
    A unit is never both lead and co-unit of one target or task."""
    chosen = {t.pk: t for t in targets}
    for target in Target.objects.filter(task__in=tasks):
        chosen.setdefault(target.pk, target)
    every = list(chosen.values())
    on_targets = Assignment.objects.filter(target__in=every)
    on_tasks = Assignment.objects.filter(task__in=tasks, target__isnull=True)
    made: list[Assignment] = []
    if lead is not None:
        for same in (on_targets, on_tasks):
            same.filter(Q(role=Assignment.Role.LEAD) | Q(unit=lead)).delete()
        made += [Assignment(target=t, unit=lead, role=Assignment.Role.LEAD) for t in every]
        made += [Assignment(task=t, unit=lead, role=Assignment.Role.LEAD) for t in tasks]
        led = {("target", t.pk, lead.pk) for t in every} | {("task", t.pk, lead.pk) for t in tasks}
    else:
        led = {("target", t, u) for t, u in on_targets.filter(role=Assignment.Role.LEAD)
               .values_list("target_id", "unit_id")}
        led |= {("task", t, u) for t, u in on_tasks.filter(role=Assignment.Role.LEAD).values_list("task_id", "unit_id")}
    co = list(dict.fromkeys(co))
    if co:
        for same in (on_targets, on_tasks):
            same.filter(unit__in=co, role=Assignment.Role.CO).delete()
        made += [Assignment(target=t, unit=u, role=Assignment.Role.CO)
                 for t in every for u in co if ("target", t.pk, u.pk) not in led]
        made += [Assignment(task=t, unit=u, role=Assignment.Role.CO)
                 for t in tasks for u in co if ("task", t.pk, u.pk) not in led]
    Assignment.objects.bulk_create(made)
    return Assigned(len(tasks), len(every))
