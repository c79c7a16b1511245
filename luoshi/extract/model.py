"""The values the extractor returns: a plan, its outline and its targets.

Every span is a pair of Python ``str`` offsets into the ORIGINAL text that was
given to :func:`luoshi.extract.extract_plan`, never into a cleaned copy, so
``plan.text[start:end]`` is always the words the report used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

Span = tuple[int, int]


class Kind(StrEnum):
    """What sort of commitment a target is; the tracking rules differ by kind."""

    GROWTH = "growth"  # year-on-year growth in percent: 增长6%
    LEVEL = "level"  # an amount, a count, a rate or a share to reach: 2700亿元, 5%以内
    CHANGE = "change"  # a change by an amount, usually percentage points: 提高2个百分点
    RELATION = "relation"  # relative to another indicator, no number: 与经济增长同步
    DIRECTION = "direction"  # a direction only: 同比下降, 稳中有降
    MILESTONE = "milestone"  # a checkable deliverable: 10月底前全部实质性开工

    @property
    def numeric(self) -> bool:
        return self in (Kind.GROWTH, Kind.LEVEL, Kind.CHANGE)


class Comparator(StrEnum):
    """How the actual figure must stand against the target value."""

    AT_LEAST = ">="  # 以上, 不低于, 不少于, 至少
    ABOVE = ">"  # 突破, 超, 超过, 高于
    ABOUT = "≈"  # 左右, 约
    AT_MOST = "<="  # 以内, 以下, 控制在, 不超过
    REACH = "="  # 达到, 达, or a bare number


# What a person reads for each kind and comparator (never the codes): pages, forms and exports use these.
KIND_LABELS: dict[Kind, str] = {
    Kind.GROWTH: "增速", Kind.LEVEL: "总量或水平", Kind.CHANGE: "变化幅度",
    Kind.RELATION: "与其他指标比较", Kind.DIRECTION: "变化方向", Kind.MILESTONE: "节点任务",
}
COMPARATOR_LABELS: dict[Comparator, str] = {
    Comparator.AT_LEAST: "不低于（以上）", Comparator.ABOVE: "超过（突破）", Comparator.ABOUT: "左右",
    Comparator.AT_MOST: "不超过（以内）", Comparator.REACH: "达到",
}


@dataclass(frozen=True)
class Target:
    """One commitment found in the report, with the words it came from."""

    indicator: str
    kind: Kind
    comparator: Comparator | None
    value: float | None
    value_max: float | None
    unit: str | None
    deadline: date | None
    aspirational: bool
    span: Span
    section: int
    task: str | None
    decrease: bool = False  # 下降3%: the value is a fall, not a rise
    condition: str | None = None  # for relations and directions: 与经济增长同步, 同比下降


@dataclass(frozen=True)
class Task:
    """A task paragraph: the short heading that opens it and the body under it."""

    heading: str
    heading_span: Span
    span: Span


@dataclass(frozen=True)
class Section:
    """A work area, such as (一)全力增强经济发展动能…, numbered from 1."""

    ordinal: int
    title: str
    title_span: Span
    span: Span
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class Plan:
    """What the extractor found in one report."""

    text: str
    title: str | None
    region: str | None
    year: int | None
    sections: tuple[Section, ...]
    targets: tuple[Target, ...]
    warnings: tuple[str, ...] = field(default=())

    def quote(self, target: Target) -> str:
        start, end = target.span
        return self.text[start:end]
