"""The keyword rule that gives every target a lead unit, saying which word decided it."""

from __future__ import annotations

from django.db import transaction

from luoshi.plans.models import Plan, Target
from luoshi.units.models import Assignment, Unit
from luoshi.units.tree import COUNTIES, DEPARTMENTS, FALLBACK, GOVERNMENT


def ensure_units() -> int:
    """Create the city government, its departments and its counties if they are missing."""
    created = 0
    government, made = Unit.objects.get_or_create(
        name=GOVERNMENT, defaults={"short_name": "市政府", "kind": Unit.Kind.GOVERNMENT})
    created += made
    for name, short, keywords in DEPARTMENTS:
        _, made = Unit.objects.get_or_create(name=name, defaults={
            "short_name": short, "kind": Unit.Kind.DEPARTMENT, "parent": government,
            "keywords": list(keywords)})
        created += made
    for name in COUNTIES:
        _, made = Unit.objects.get_or_create(name=name, defaults={
            "short_name": name, "kind": Unit.Kind.COUNTY, "parent": government})
        created += made
    return created


def lead_for(target: Target, units: list[Unit]) -> tuple[Unit, str]:
    """The unit whose longest keyword appears first in the indicator, the quote, the task, the section."""
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
    fallback = next(u for u in units if u.name == FALLBACK)
    return fallback, "无关键词命中，由计划牵头部门负责"


@transaction.atomic
def assign_by_keywords(plan: Plan, replace: bool = False) -> int:
    """Give each target of ``plan`` without a lead unit (or, with ``replace``, whose lead was
    set by this rule) the lead unit the keywords point to. People's choices are never replaced."""
    units = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT))
    if not any(u.name == FALLBACK for u in units):
        raise LookupError(f"单位“{FALLBACK}”不存在：请先建立单位（luoshi demo 会建立金华的单位）")
    targets = plan.targets.select_related("task", "section")
    leads = Assignment.objects.filter(target__plan=plan, role=Assignment.Role.LEAD)
    if replace:
        leads.exclude(basis="").delete()  # a person's choice has no basis and stays
    led = set(leads.values_list("target_id", flat=True))
    made = []
    for target in targets:
        if target.pk in led:
            continue
        unit, basis = lead_for(target, units)
        made.append(Assignment(unit=unit, target=target, role=Assignment.Role.LEAD, basis=basis))
    Assignment.objects.bulk_create(made)
    return len(made)
