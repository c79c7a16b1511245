"""The reporting calendar: which figure is due when, where each due item stands, and 报送及时率.

Pure Python: no Django, no I/O. A due item is one target's figure for one period
(the June figure, the second quarter's, the year's); it falls due on a day of a
month after its period ends (by default the 10th of the next month). On any date
it is in exactly one :class:`DueState`, read from the submissions made by then,
so the same rules answer "where were we on 8 July" and "where are we today".
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from luoshi.tracking.figures import say_percent
from luoshi.tracking.model import set_at_once

FREQUENCIES = ("month", "quarter", "year")  # finest first
FREQUENCY_LABELS = {"month": "月度", "quarter": "季度", "year": "年度"}
DEFAULT_DUE_DAY = 10
DEFAULT_LAG_MONTHS = 1
DEFAULT_SOON_DAYS = 3


class DueState(StrEnum):
    """Where a due item stands on a date."""

    NOT_YET_DUE = "not_yet_due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SUBMITTED_LATE = "submitted_late"
    SUBMITTED_ON_TIME = "submitted_on_time"
    APPROVED = "approved"


DUE_LABELS = {
    DueState.NOT_YET_DUE: ("未到期", "grey"),
    DueState.DUE_SOON: ("即将到期", "yellow"),
    DueState.OVERDUE: ("已逾期", "red"),
    DueState.SUBMITTED_LATE: ("逾期报送，待审核", "yellow"),
    DueState.SUBMITTED_ON_TIME: ("按时报送，待审核", "green"),
    DueState.APPROVED: ("已审核", "blue"),
}


class Timeliness(StrEnum):
    """How a due item that has fallen due was reported: the three parts of 报送及时率."""

    ON_TIME = "on_time"  # 按时
    LATE = "late"  # 逾期报送
    MISSING = "missing"  # 未报


@dataclass(frozen=True)
class Schedule:
    """How often a target is reported and by when: ``due_day`` of the ``lag_months``-th month after
    the period ends (10, 1: by the 10th of the next month). A day past a month's end means its last day."""

    frequency: str = "month"
    due_day: int = DEFAULT_DUE_DAY
    lag_months: int = DEFAULT_LAG_MONTHS

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES:
            raise ValueError(f"frequency {self.frequency!r} is not one of {', '.join(FREQUENCIES)}")
        if not 1 <= self.due_day <= 31:
            raise ValueError(f"due day {self.due_day} is not 1-31")
        if not 0 <= self.lag_months <= 12:
            raise ValueError(f"{self.lag_months} months after the period is not 0-12")


@dataclass(frozen=True)
class Rule:
    """One level of the office's settings: ``None`` means "as the level above says"."""

    frequency: str | None = None
    due_day: int | None = None
    lag_months: int | None = None


def coarser(a: str, b: str) -> str:
    """The less frequent of two frequencies: a quarterly statistic cannot be reported monthly."""
    return max(a, b, key=FREQUENCIES.index)


@functools.lru_cache(maxsize=1024)
def schedule_for(published: str | None, plan: Rule = Rule(), indicator: Rule = Rule(),
                 target: Rule = Rule()) -> Schedule:
    """The schedule of one target: its own rule, else its indicator's, else the plan's, else the default.

    ``published`` is how often the indicator's figure comes out (the catalogue's frequency): the
    plan's rule never makes a target more frequent than that; a rule for the indicator or the
    target itself says exactly what the office wants. (Worked out once for each combination: a plan's
    targets share a few.)
    """
    frequency = target.frequency or indicator.frequency or coarser(published or "month", plan.frequency or "month")
    day = next((r.due_day for r in (target, indicator, plan) if r.due_day is not None), DEFAULT_DUE_DAY)
    lag = next((r.lag_months for r in (target, indicator, plan) if r.lag_months is not None), DEFAULT_LAG_MONTHS)
    return Schedule(frequency, day, lag)


def period_ends(year: int, frequency: str) -> list[int]:
    """The last month of each period of ``year`` reported at ``frequency``: 1..12, 3 6 9 12, or 12."""
    return {"month": list(range(1, 13)), "quarter": [3, 6, 9, 12], "year": [12]}[frequency]


@functools.lru_cache(maxsize=1024)
def period_label(year: int, last: int, frequency: str) -> str:
    """The period as the report form writes it: 2024-06, 2024Q2, 2024."""
    if frequency == "year":
        return str(year)
    if frequency == "quarter":
        return f"{year}Q{last // 3}"
    return f"{year}-{last:02d}"


def due_date(year: int, last: int, schedule: Schedule) -> date:
    """When the figure for the period ending in month ``last`` of ``year`` is due."""
    return _due_date(year, last, schedule.due_day, schedule.lag_months)


@functools.lru_cache(maxsize=1024)
def _due_date(year: int, last: int, due_day: int, lag_months: int) -> date:
    """(Kept by plain numbers: a plan asks for every target and month, and a Schedule hashes slowly.)"""
    y, m = divmod(year * 12 + (last - 1) + lag_months, 12)
    return date(y, m + 1, min(due_day, calendar.monthrange(y, m + 1)[1]))


@set_at_once
@dataclass(frozen=True)
class Submission:
    """A figure reported for a due item, as the calendar needs it.

    ``status`` is the figure's state now (submitted, approved, returned, or anything
    else for one that no longer stands, such as a withdrawn one); ``decided_on`` is
    when the office approved or returned it. Published figures loaded by the office
    are approved with no decision date: they count from the day they were entered.
    """

    reported_on: date
    status: str
    decided_on: date | None = None


def standing(submissions: Iterable[Submission], on: date) -> tuple[date | None, bool, bool]:
    """(when first reported, approved, returned) as things stood at the end of ``on``.

    A figure stands from the day it was reported until the office returns it or its reporter
    withdraws it; approval counts from its decision day. A figure its reporter replaced by a
    corrected one still says when the item was first reported, as long as something stands.
    ``returned``: nothing stands and the last decision made by ``on`` was a return.
    """
    first: date | None = None
    earliest_replaced: date | None = None
    approved = False
    last_return: date | None = None
    for s in submissions:
        if s.reported_on > on:
            continue
        decided_on = s.decided_on if s.decided_on is not None and s.decided_on <= on else None
        if s.status == "returned" and decided_on is not None:
            last_return = decided_on if last_return is None else max(last_return, decided_on)
        elif s.status == "replaced":
            earliest_replaced = min(earliest_replaced or s.reported_on, s.reported_on)
        elif s.status in ("submitted", "approved", "returned"):  # returned after ``on``: it stood then
            first = min(first or s.reported_on, s.reported_on)
            approved = approved or (s.status == "approved" and (s.decided_on is None or decided_on is not None))
    if first is not None and earliest_replaced is not None:
        first = min(first, earliest_replaced)
    return first, approved, first is None and last_return is not None


def state_of(due: date, first: date | None, approved: bool, on: date,
             soon_days: int = DEFAULT_SOON_DAYS) -> DueState:
    """The state of a due item on ``on``, from when it was first reported (None: not yet)."""
    if approved:
        return DueState.APPROVED
    if first is not None:
        return DueState.SUBMITTED_ON_TIME if first <= due else DueState.SUBMITTED_LATE
    if on > due:
        return DueState.OVERDUE
    if (due - on).days <= soon_days:
        return DueState.DUE_SOON
    return DueState.NOT_YET_DUE


def timeliness_of(due: date, first: date | None, on: date) -> Timeliness | None:
    """On time, late or missing, once the due day is over by ``on``; None before (not counted)."""
    if on <= due:
        return None
    if first is None or first > on:
        return Timeliness.MISSING
    return Timeliness.ON_TIME if first <= due else Timeliness.LATE


@dataclass
class Tally:
    """报送及时率 of a group of due items: on time ÷ every item that has fallen due."""

    name: str = ""
    on_time: int = 0
    late: int = 0
    missing: int = 0
    key: str = ""

    def add(self, t: Timeliness | None) -> None:
        if t == Timeliness.ON_TIME:
            self.on_time += 1
        elif t == Timeliness.LATE:
            self.late += 1
        elif t == Timeliness.MISSING:
            self.missing += 1

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def rate(self) -> float | None:
        """报送及时率 in percent, or None when nothing has fallen due."""
        return None if self.due == 0 else 100 * self.on_time / self.due

    def words(self) -> str:
        """按时12项、逾期2项、未报1项，及时率80.0%."""
        if self.due == 0:
            return "尚无到期报送"
        return (f"应报{self.due}项：按时{self.on_time}项、逾期{self.late}项、未报{self.missing}项，"
                f"及时率{say_percent(self.on_time * 100 / self.due)}")
