"""Finding the plan a command names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from luoshi.plans.models import Plan


class PlanNotFound(LookupError):
    """No plan, or more than one, answers to what was given; the message lists the choices."""


def current_plan(slug: str | None) -> Plan:
    """The current version of the plan ``slug``, or the only plan when ``slug`` is None."""
    from luoshi.plans.models import Plan  # here, so that commands without a database never load the models

    plans = Plan.objects.current()
    if slug:
        plan = plans.filter(slug=slug).first()
        if plan is None:
            known = "、".join(plans.values_list("slug", flat=True)) or "（还没有导入任何计划）"
            raise PlanNotFound(f"没有代号为 {slug} 的计划。已有：{known}")
        return plan
    found = list(plans[:2])
    if len(found) != 1:
        known = "、".join(plans.values_list("slug", flat=True)) or "（还没有导入任何计划）"
        raise PlanNotFound(f"请用 --plan 指明计划。已有：{known}")
    return found[0]
