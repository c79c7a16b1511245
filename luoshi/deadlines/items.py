"""A plan's due items on a date, read from the database in a fixed number of queries.

The rules (schedules, states, 报送及时率) are in :mod:`luoshi.tracking.due`; this module
only gathers what they need: the targets, who leads each, the office's calendar settings
and the figures reported.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from luoshi.deadlines.models import ReportingRule
from luoshi.plans.models import Plan
from luoshi.progress.assessing import PlanCache, plan_key
from luoshi.progress.models import Observation
from luoshi.tracking import BadPeriod, parse_period
from luoshi.tracking.due import (
    DUE_LABELS,
    DueState,
    Rule,
    Submission,
    Timeliness,
    due_date,
    period_ends,
    period_label,
    schedule_for,
    standing,
    state_of,
    timeliness_of,
)
from luoshi.units.models import Assignment, Unit


@dataclass(frozen=True)
class DueItem:
    """One target's figure for one period, owed by the target's lead unit."""

    target_id: int
    code: str
    indicator: str
    unit_id: int | None
    unit_name: str  # the unit's short name, blank when the target has no lead
    period: str  # as the report form writes it: 2024-06, 2024Q2, 2024
    month: int  # the period's last month
    due: date
    state: DueState
    reported_on: date | None  # when first reported (a figure still standing)
    returned: bool  # the office returned the figure and nothing stands since
    timeliness: Timeliness | None
    on: date

    @property
    def label(self) -> str:
        return DUE_LABELS[self.state][0]

    @property
    def light(self) -> str:
        return DUE_LABELS[self.state][1]

    @property
    def days_late(self) -> int:
        """Days past the due date: until reported, or until ``on`` for one still missing."""
        end = self.reported_on if self.reported_on is not None else self.on
        return max(0, (end - self.due).days)

    @property
    def days_left(self) -> int:
        return (self.due - self.on).days

    @property
    def outstanding(self) -> bool:
        """Still owed: nothing reported that stands (due soon, overdue, or not yet due)."""
        return self.state in (DueState.NOT_YET_DUE, DueState.DUE_SOON, DueState.OVERDUE)


def soon_days() -> int:
    return int(getattr(settings, "LUOSHI_DUE_SOON_DAYS", 3))


def leads(plan: Plan) -> dict[int, int]:
    """Each target's reporting unit: its own lead, else the lead of its task."""
    own: dict[int, int] = {}
    by_task: dict[int, int] = {}
    for target_id, task_id, unit_id in Assignment.objects.filter(
            Q(target__plan=plan) | Q(task__section__plan=plan, target__isnull=True),
            role=Assignment.Role.LEAD).values_list("target_id", "task_id", "unit_id"):
        if target_id is not None:
            own[target_id] = unit_id
        elif task_id is not None:
            by_task[task_id] = unit_id
    out = dict(own)
    for pk, task_id in plan.targets.filter(task__isnull=False).values_list("pk", "task_id"):
        if pk not in out and task_id in by_task:
            out[pk] = by_task[task_id]
    return out


def due_items(plan: Plan, on: date | None = None, unit: Unit | int | None = None,
              targets: Iterable[int] | None = None) -> list[DueItem]:
    """Every due item of ``plan`` whose period has begun, or that is due soon, as things stood on ``on``;
    for one reporting unit, or for the targets given.

    The whole plan's items are worked out once per state of its figures, leads and calendar and
    date, then reused: a fixed number of queries whatever the size.
    """
    on = on or timezone.localdate()
    if unit is not None:
        unit_id = unit.pk if isinstance(unit, Unit) else unit
        items = [i for i in _unit_items(plan, on, unit_id) if i.unit_id == unit_id]
    else:
        items = _plan_items(plan, on)
    if targets is not None:
        chosen = set(targets)
        items = [i for i in items if i.target_id in chosen]
    return items


_CACHE: PlanCache[list[DueItem]] = PlanCache()


def _plan_items(plan: Plan, on: date) -> list[DueItem]:
    key = plan_key(plan, on, soon_days())  # the data version counts figures, leads and the calendar
    if key is None:
        return _work_out(plan, on)
    return _CACHE.get_or_compute(key, lambda: _work_out(plan, on),
                                 lambda old, touched: _brought_up_to_date(plan, on, old, touched))


def _brought_up_to_date(plan: Plan, on: date, old: list[DueItem], touched: set[int]) -> list[DueItem] | None:
    """``old`` (the plan's items) with the items of the targets ``touched`` since worked out again, each
    in its place. None when a target that had no items has some now (its place is the plan's order)."""
    fresh: dict[int, list[DueItem]] = defaultdict(list)
    for item in _work_out(plan, on, touched=touched):
        fresh[item.target_id].append(item)
    had = {i.target_id for i in old if i.target_id in touched}
    if fresh.keys() - had:
        return None
    out: list[DueItem] = []
    for item in old:
        if item.target_id not in touched:
            out.append(item)
        elif item.target_id in had:  # the target's first item: all its new ones go here
            had.discard(item.target_id)
            out.extend(fresh.pop(item.target_id, ()))
    return out


def _unit_items(plan: Plan, on: date, unit_id: int) -> list[DueItem]:
    """The whole plan's items when they are at hand; else only the unit's worked out (a unit's page or a
    liaison's inbox need not wait for every unit's items after each figure written)."""
    key = plan_key(plan, on, soon_days())
    whole = _CACHE.get(key) if key is not None else None
    return whole if whole is not None else _work_out(plan, on, unit_id)


def _work_out(plan: Plan, on: date, unit_id: int | None = None, touched: set[int] | None = None) -> list[DueItem]:
    """The due items of the plan's targets (or of those ``unit_id`` reports for, or of those ``touched``)."""
    soon = soon_days()
    reporter = leads(plan)
    rules = {(r.indicator_id, r.target_id): r.as_rule() for r in ReportingRule.objects.filter(plan=plan)}
    plan_rule = rules.get((None, None), Rule())
    rows = plan.targets.values_list("pk", "code", "indicator_text", "indicator_id", "indicator__frequency")
    if unit_id is not None:
        rows = rows.filter(pk__in=[pk for pk, unit in reporter.items() if unit == unit_id])
    if touched is not None:
        rows = rows.filter(pk__in=touched)
    wanted: list[tuple[int, str, str, str, int, date]] = []
    for pk, code, indicator, indicator_id, published in rows.order_by("section__ordinal", "id"):
        schedule = schedule_for(published, plan_rule, rules.get((indicator_id, None), Rule()),
                                rules.get((None, pk), Rule()))
        for month in period_ends(plan.year, schedule.frequency):
            due = due_date(plan.year, month, schedule)
            if date(plan.year, month, 1) <= on or (due - on).days <= soon:
                wanted.append((pk, code, indicator, schedule.frequency, month, due))
    figures = _submissions(plan, None if unit_id is None and touched is None else {pk for pk, *_ in wanted})
    names = {u.pk: str(u) for u in Unit.objects.filter(pk__in=set(reporter.values()))}
    items = []
    for pk, code, indicator, frequency, month, due in wanted:
        first, approved, returned = standing(figures.get((pk, month), ()), on)
        unit_id = reporter.get(pk)
        items.append(DueItem(
            pk, code, indicator, unit_id, names.get(unit_id or 0, ""), period_label(plan.year, month, frequency),
            month, due, state_of(due, first, approved, on, soon), first, returned, timeliness_of(due, first, on), on))
    return items


def _submissions(plan: Plan, targets: set[int] | None = None) -> dict[tuple[int, int], list[Submission]]:
    """Every figure reported for the plan's year (of ``targets``, default all), by (target, last month
    of its period).

    Read as plain rows: a converter per value would be most of the time at a large plan's size.
    """
    if targets is not None and not targets:
        return {}
    of_year = Observation.objects.filter(period__startswith=str(plan.year))
    chosen = of_year.filter(target__plan=plan) if targets is None else of_year.filter(target__in=targets)
    local = timezone.get_current_timezone()
    if connection.vendor == "postgresql":  # the database gives each moment's local day itself
        chosen = chosen.annotate(reported_on=TruncDate("reported_at", tzinfo=local),
                                 reviewed_on=TruncDate("reviewed_at", tzinfo=local))
        figures = chosen.values_list("target_id", "period", "status", "reported_on", "reviewed_on")
    else:
        figures = chosen.values_list("target_id", "period", "status", "reported_at", "reviewed_at")
    sql, params = figures.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    out: dict[tuple[int, int], list[Submission]] = defaultdict(list)
    for target_id, period, status, reported_at, reviewed_at in rows:
        month = _last_month(period, plan.year)
        if month is None:
            continue
        out[(target_id, month)].append(Submission(_day(reported_at, local), status,
                                                  _day(reviewed_at, local) if reviewed_at else None))
    return out


def _day(moment: date | datetime | str, local: tzinfo) -> date:
    """The local day of a stored moment: SQLite gives UTC as text or a naive datetime; PostgreSQL the
    day itself (or an aware datetime)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if not isinstance(moment, datetime):
        return moment
    if moment.tzinfo is not None:
        return moment.astimezone(local).date()
    offset = _hour_offset(moment.year, moment.month, moment.day, moment.hour, local)
    if offset is None:  # the zone changes its offset within this hour: the moment itself decides
        return moment.replace(tzinfo=UTC).astimezone(local).date()
    return (moment + offset).date()


@functools.lru_cache(maxsize=65536)
def _hour_offset(year: int, month: int, day: int, hour: int, local: tzinfo) -> timedelta | None:
    """The zone's offset throughout one hour (UTC), or None if it changes within it: thousands of
    figures' days then cost a dictionary lookup each instead of a time-zone conversion."""
    start = datetime(year, month, day, hour, tzinfo=UTC)
    first = start.astimezone(local).utcoffset()
    last = (start + timedelta(hours=1) - timedelta(microseconds=1)).astimezone(local).utcoffset()
    return first if first == last else None


@functools.lru_cache(maxsize=4096)
def _last_month(period: str, year: int) -> int | None:
    try:
        p = parse_period(period)
    except BadPeriod:
        return None
    return p.last if p.year == year else None
