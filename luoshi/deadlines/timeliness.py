"""报送及时率: for each unit, how many due figures came on time, late, or not at all."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from luoshi.deadlines.items import DueItem, due_items
from luoshi.plans.models import Plan
from luoshi.tracking import parse_period
from luoshi.tracking.due import Tally, Timeliness
from luoshi.units.models import Unit


def by_unit(items: list[DueItem], month: int | None = None) -> dict[int | None, Tally]:
    """A tally per reporting unit (None: targets with no lead) of the items given, or of one month's."""
    counted = Counter((i.unit_id, i.timeliness) for i in items if month is None or i.month == month)
    out: dict[int | None, Tally] = {}
    for (unit_id, timeliness), n in counted.items():
        tally = out.setdefault(unit_id, Tally(key=str(unit_id or "")))
        if timeliness == Timeliness.ON_TIME:
            tally.on_time += n
        elif timeliness == Timeliness.LATE:
            tally.late += n
        elif timeliness == Timeliness.MISSING:
            tally.missing += n
    return out


@dataclass(frozen=True)
class UnitTimeliness:
    """A unit's 报送及时率 month by month (by the month a period ends) and for the year so far."""

    months: list[tuple[int, Tally]]
    year: Tally


def of_unit(plan: Plan, unit: Unit, on: date) -> UnitTimeliness:
    items = due_items(plan, on, unit=unit)
    months = sorted({item.month for item in items if item.timeliness is not None})
    tallies = [(m, by_unit(items, m).get(unit.pk, Tally())) for m in months]
    return UnitTimeliness(tallies, by_unit(items).get(unit.pk, Tally()))


@dataclass(frozen=True)
class TimelinessLine:
    unit: str
    tally: Tally


def for_bulletin(plan: Plan, period: str, on: date | None = None) -> list[TimelinessLine]:
    """Each unit's 报送及时率 for the figures of ``period`` (2024-06: the June figures), judged on ``on``
    (default today), worst first; units with nothing due that month are left out."""
    month = parse_period(period).last
    on = on or timezone.localdate()
    names = {u.pk: u.name for u in Unit.objects.all()}
    tallies = by_unit(due_items(plan, on), month)
    lines = [TimelinessLine(names.get(pk, "（未分派）") if pk else "（未分派）", t)
             for pk, t in tallies.items() if t.due]
    return sorted(lines, key=lambda line: (line.tally.rate or 0, -line.tally.due, line.unit))
