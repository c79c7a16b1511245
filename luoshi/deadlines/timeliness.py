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
from luoshi.tracking.figures import say_percent
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


def bulletin_paragraphs(plan: Plan, on: date, today: date | None = None) -> list[str]:
    """报送及时率 in the bulletin for the month ending ``on``: the whole, then each unit that was not
    fully on time, worst first. Judged ``today`` (default: the real today), once the figures fell due."""
    period = f"{on.year}-{on.month:02d}"
    lines = for_bulletin(plan, period, today)
    if not lines:
        return [f"{on.month}月份数据的报送截止日尚未到，报送及时率下期通报。"]
    whole = Tally()
    for line in lines:
        whole.on_time, whole.late, whole.missing = (whole.on_time + line.tally.on_time, whole.late + line.tally.late,
                                                    whole.missing + line.tally.missing)
    paragraphs = [f"{on.month}月份各单位应报数据{whole.due}项，按时报送{whole.on_time}项、逾期报送{whole.late}项、"
                  f"未报{whole.missing}项，报送及时率{say_percent(whole.on_time * 100 / whole.due)}。"]
    behind = [line for line in lines if line.tally.on_time < line.tally.due]
    if behind:
        paragraphs.append("报送不够及时的单位：" + "；".join(
            f"{line.unit}（{line.tally.words()}）" for line in behind) + "。请相关单位按时报送。")
    else:
        paragraphs.append("各单位均按时报送。")
    return paragraphs
