"""Targets of several plans side by side, on the canonical indicators: what was raised, lowered,
added or dropped from one year to the next, and how regions compare."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from luoshi.plans.models import Plan, Target

_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4))
_UNSCALED = ("百分点", "万元户")


def base_value(value: float | None, unit: str) -> tuple[float | None, str]:
    """2700亿元 -> (2.7e11, 元): figures written with different magnitude words become comparable."""
    if value is None:
        return None, unit
    for word, factor in _MAGNITUDES:
        if unit.startswith(word) and len(unit) > len(word) and unit not in _UNSCALED:
            return value * factor, unit[len(word):]
    return value, unit


@dataclass(frozen=True)
class Cell:
    target: Target
    words: str
    value: float | None  # in the base unit
    change: str  # 提高 / 降低 / 持平 / 新增 / "" (first year)


@dataclass(frozen=True)
class Line:
    indicator: str
    kind: str
    cells: list[Cell | None]  # one per plan, None where the plan has no such target
    dropped: list[str]  # plans (slugs) in which the indicator was dropped

    def widths(self) -> list[str]:
        """Each cell's value as a share of the row's largest, for a bar chart."""
        values = [c.value for c in self.cells if c is not None and c.value is not None]
        top = max((abs(v) for v in values), default=0) or 1
        return [f"{100 * abs(c.value) / top:.1f}%" if c is not None and c.value is not None else "0%"
                for c in self.cells]


@dataclass(frozen=True)
class Comparison:
    plans: list[Plan]
    lines: list[Line]


def compare(plans: list[Plan]) -> Comparison:
    """The plans' targets by canonical indicator and kind, plans ordered by region then year."""
    plans = sorted(plans, key=lambda p: (p.region, p.year))
    found: dict[tuple[str, str], dict[int, Target]] = defaultdict(dict)
    chosen = (Target.objects.filter(plan__in=plans, indicator__isnull=False).select_related("indicator")
              .only("plan_id", "indicator__name", *Target.WORDS).order_by("plan_id", "section__ordinal", "id"))
    for t in chosen:
        found[(t.indicator.name, t.kind)].setdefault(t.plan_id, t)  # the first of a kind in a plan stands for it
    lines = []
    for (indicator, kind), by_plan in sorted(found.items()):
        cells: list[Cell | None] = []
        dropped = []
        for n, plan in enumerate(plans):
            target = by_plan.get(plan.pk)
            before = _previous(plans, n, by_plan)
            if target is None:
                cells.append(None)
                if before is not None:
                    dropped.append(plan.slug)
                continue
            value, _ = base_value(target.value, target.unit)
            cells.append(Cell(target, target.in_words(), value, _change(before, target, plans, n)))
        lines.append(Line(indicator, kind, cells, dropped))
    return Comparison(plans, lines)


def _previous(plans: list[Plan], n: int, by_plan: dict[int, Target]) -> Target | None:
    """The same region's target in the plan just before (by year), if there was one."""
    if n == 0 or plans[n - 1].region != plans[n].region:
        return None
    return by_plan.get(plans[n - 1].pk)


def _change(before: Target | None, now: Target, plans: list[Plan], n: int) -> str:
    if n == 0 or plans[n - 1].region != plans[n].region:
        return ""
    if before is None:
        return "新增"
    old, old_unit = base_value(before.value, before.unit)
    new, new_unit = base_value(now.value, now.unit)
    if old is None or new is None or old_unit != new_unit:
        return "持平" if before.in_words() == now.in_words() else "调整"
    if abs(new - old) <= 1e-9 * max(1.0, abs(old)):
        return "持平"
    return "提高" if new > old else "降低"
