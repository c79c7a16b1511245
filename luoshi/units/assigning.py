"""The keyword rule that gives every target a lead unit, saying which word decided it."""

from __future__ import annotations

from django.db import transaction

from luoshi.plans.models import Plan, Target
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
    units = [u for u in Unit.objects.order_by("kind", "id") if u.keywords]
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
