"""The values the tracking core works with: goals, observations, rules and assessments."""

from __future__ import annotations

import calendar
import dataclasses
import functools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from luoshi.extract.model import Comparator, Kind

T = TypeVar("T")


def set_at_once(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass without factories or __post_init__) made by an __init__ that stores its
    fields straight into the instance's dict: the one dataclasses writes calls object.__setattr__ for each
    field (about twice the time for a goal or an assessment, and a plan's assessment makes one of each per
    target and one observation per figure). The fields are stored in their order, so instances still share
    one table of keys."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError(f"{cls.__name__}: only plain fields can be set at once")
    defaults = {f"_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    arguments = ", ".join(f.name if f"_{f.name}" not in defaults else f"{f.name}=_{f.name}" for f in fields)
    stores = "".join(f"\n    d[{f.name!r}] = {f.name}" for f in fields)
    made: dict[str, Any] = {}
    exec(f"def __init__(self, {arguments}):\n    d = self.__dict__{stores}", defaults, made)
    cls.__init__ = made["__init__"]  # type: ignore[method-assign]
    return cls


class Status(StrEnum):
    """Where a target stands on a date. Labels and lights are in :data:`STATUS_LABELS`."""

    ON_TRACK = "on_track"  # 达到序时进度
    AT_RISK = "at_risk"  # 略低于序时进度 (yellow)
    BEHIND = "behind"  # 明显滞后 (red)
    ACHIEVED = "achieved"  # 已完成
    MISSED = "missed"  # 未完成 (year end)
    NO_DATA = "no_data"  # a figure was due and is missing: never red
    NOT_DUE = "not_due"  # no figure is due yet


STATUS_LABELS = {
    Status.ON_TRACK: ("达到序时进度", "green"),
    Status.AT_RISK: ("略低于序时进度", "yellow"),
    Status.BEHIND: ("滞后", "red"),
    Status.ACHIEVED: ("已完成", "blue"),
    Status.MISSED: ("未完成", "red"),
    Status.NO_DATA: ("无数据", "grey"),
    Status.NOT_DUE: ("未到报送期", "grey"),
}


class Better(StrEnum):
    """Which way a figure should move for the target to be met."""

    HIGHER = "higher"
    LOWER = "lower"
    CLOSER = "closer"  # 左右 read strictly: too high is as bad as too low (CPI 3%左右)


@functools.lru_cache(maxsize=1024)
def _month_end(year: int, month: int) -> date:
    """The last day of a month (asked for every figure of every target when a plan is assessed)."""
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """Months ``first``..``last`` of ``year``: 2024-05 cumulative is (2024, 1, 5)."""

    year: int
    first: int
    last: int

    @functools.cached_property
    def end(self) -> date:  # read for every figure of every target when a plan is assessed
        return _month_end(self.year, self.last)

    @functools.cached_property
    def is_year(self) -> bool:
        return self.first == 1 and self.last == 12

    def __str__(self) -> str:
        if self.first == self.last:
            return f"{self.year}年{self.last}月"
        if self.first == 1:
            return f"{self.year}年1-{self.last}月" if not self.is_year else f"{self.year}年"
        return f"{self.year}年{self.first}-{self.last}月"


@set_at_once
@dataclass(frozen=True)
class Goal:
    """A target as tracking sees it.

    ``accumulates`` says whether the figure builds up over the year (投资额, 新增企业数:
    compared with 序时进度) or is a rate or a stock read as it stands (失业率, 覆盖率).
    ``baseline`` is last year's value, for changes and directions. ``profile`` is
    twelve monthly shares (last year's), for a seasonal trajectory.
    """

    id: str
    kind: Kind
    year: int
    comparator: Comparator | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    deadline: date | None = None
    baseline: float | None = None
    profile: tuple[float, ...] | None = None
    better: Better = Better.HIGHER
    accumulates: bool = False
    frequency: str | None = None  # "month", "quarter" or "year"; None: as the observations come
    indicator: str = ""


@set_at_once
@dataclass(frozen=True)
class Observation:
    """A reported figure for a period. ``reference`` is the other side of a relation or
    direction (GDP growth for 与经济增长同步, last year's figure for 同比下降)."""

    period: Period
    value: float
    cumulative: bool = True
    reference: float | None = None


@dataclass(frozen=True)
class Rules:
    """Every threshold of the tracking rules, in one place (see docs/tracking.md)."""

    at_risk_band: float = 30.0  # points of completion below 序时进度 that are still yellow
    grace_band: float = 0.0  # points below 序时进度 that still count as on track
    about_band: float = 0.5  # 左右: met within this many points (or % of the value)
    tolerance: float = 1.0  # growth, rates, changes, relations: points below that are yellow
    publication_lag_days: int = 20  # a month's figure is due this many days after it ends
    warning_days: int = 30  # a milestone not done this close to its deadline is yellow
    partly_share: float = 90.0  # a year's amount missed but at least this share (%) of its target: partly met


@set_at_once
@dataclass(frozen=True)
class Assessment:
    """Where one goal stands on a date, with the reasoning a person can check by hand."""

    goal: str
    on: date
    status: Status
    expected: float | None  # where the figure should be by now (序时进度 of the target)
    actual: float | None
    completion: float | None  # actual ÷ target, in percent
    elapsed: float  # 序时进度: share of the year elapsed (or of the profile), in percent
    forecast: float | None  # the year-end figure implied by the data so far
    forecast_status: Status | None  # the verdict that forecast would get
    reason: str
    period: Period | None = None  # the period of the figure used
    margin: float | None = None  # actual − target at year end (in the target's unit)
