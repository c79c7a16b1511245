"""Goals from what a report says: which way is better, what builds up, what a fall means."""

from __future__ import annotations

from datetime import date

from luoshi.extract.model import Comparator, Kind, Target
from luoshi.tracking.model import Better, Goal

_RATE_UNITS = frozenset(("%", "‰", "百分点"))
_FALLING_WORDS = ("降", "减", "少")
_RELATION_COMPARATORS = (
    ("不低于", Comparator.AT_LEAST), ("不慢于", Comparator.AT_LEAST), ("不高于", Comparator.AT_MOST),
    ("高于", Comparator.ABOVE), ("快于", Comparator.ABOVE), ("优于", Comparator.ABOVE),
    ("领先", Comparator.ABOVE), ("低于", Comparator.AT_MOST), ("同步", Comparator.ABOUT),
)
# A fall of 5% or more is a growth of -5% or less.
_FLIPPED = {Comparator.AT_LEAST: Comparator.AT_MOST, Comparator.ABOVE: Comparator.AT_MOST,
            Comparator.AT_MOST: Comparator.AT_LEAST}


def make_goal(id: str, kind: Kind, year: int, *, comparator: Comparator | None = None,
              value: float | None = None, value_max: float | None = None, unit: str | None = None,
              deadline: date | None = None, baseline: float | None = None,
              profile: tuple[float, ...] | None = None, decrease: bool = False,
              condition: str | None = None, better: Better | None = None,
              accumulates: bool | None = None, frequency: str | None = None,
              indicator: str = "") -> Goal:
    """A goal with the defaults the tracking rules assume, each overridable.

    - amounts and counts (a level in any unit but %, ‰, 百分点) build up over the year;
    - lower is better under 以内/不超过, for a fall (下降3%) and for 同比下降;
    - a fall is tracked as negative growth: 下降3% is growth of -3% or lower;
    - a relation's comparator comes from its words: 同步 ≈, 不低于 ≥, 高于 >.
    """
    if decrease and value is not None:
        value = -value
        value_max = -value_max if value_max is not None else None
        comparator = _FLIPPED.get(comparator, comparator) if comparator else None
        better = better or Better.LOWER
    if kind == Kind.RELATION and comparator is None and condition:
        comparator = next((c for word, c in _RELATION_COMPARATORS if word in condition), None)
    if kind == Kind.DIRECTION and better is None:
        better = Better.LOWER if any(w in (condition or "下降") for w in _FALLING_WORDS) else Better.HIGHER
    if better is None:
        better = Better.LOWER if comparator == Comparator.AT_MOST else Better.HIGHER
    if accumulates is None:
        accumulates = kind == Kind.LEVEL and (unit or "") not in _RATE_UNITS
    return Goal(id=id, kind=kind, year=year, comparator=comparator, value=value,
                value_max=value_max, unit=unit, deadline=deadline, baseline=baseline,
                profile=profile, better=better, accumulates=accumulates, frequency=frequency,
                indicator=indicator)


def goal_from_target(target: Target, id: str, year: int, **extra: object) -> Goal:
    """The goal for an extracted target; ``extra`` adds baseline, profile and overrides."""
    fields: dict[str, object] = {
        "comparator": target.comparator, "value": target.value, "value_max": target.value_max,
        "unit": target.unit, "deadline": target.deadline, "decrease": target.decrease,
        "condition": target.condition, "indicator": target.indicator,
    }
    fields.update(extra)
    return make_goal(id, target.kind, year, **fields)  # type: ignore[arg-type]
