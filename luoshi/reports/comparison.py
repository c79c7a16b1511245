"""Targets of several plans side by side, on the canonical indicators: what was raised, lowered,
added or dropped from one year to the next, what each year achieved, and how regions compare."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext

from luoshi.plans.models import Plan, Target
from luoshi.reports.tables import EvaluationRow, judged_rows
from luoshi.tracking import Status
from luoshi.tracking.figures import say_number

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
    outcome: EvaluationRow | None = None  # the year's verdict, when an outcome judged it
    after_miss: bool = False  # the year before missed this indicator's target

    @property
    def result(self) -> str:
        """The year's outcome as written: 6.3%, 7719.2亿元, 已完成 for a milestone."""
        row = self.outcome
        if row is None:
            return ""
        if row.actual is None or self.target.kind == "milestone":
            return row.verdict
        return str(row.actual)

    @property
    def actual(self) -> float | None:
        """The year's outcome in the base unit, for the chart."""
        row = self.outcome
        if row is None or row.actual is None or self.target.kind not in ("growth", "level", "change"):
            return None
        shown = row.actual.value * 100 if row.actual.percent else row.actual.value
        return base_value(shown, self.target.unit)[0]


@dataclass(frozen=True)
class Line:
    indicator: str
    kind: str
    cells: list[Cell | None]  # one per plan, None where the plan has no such target
    dropped: list[str]  # plans (slugs) in which the indicator was dropped

    @functools.cached_property
    def chart(self) -> LineChart | None:
        return line_chart(self)

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
    """The plans' targets by canonical indicator and kind, plans ordered by region then year, each
    with its year's outcome as the year-end evaluation judged it."""
    plans = sorted(plans, key=lambda p: (p.region, p.year))
    first: dict[tuple[str, str, int], int] = {}  # the first of a kind in a plan stands for it
    for pk, plan_id, name, kind in (Target.objects.filter(plan__in=plans, indicator__isnull=False)
                                    .order_by("plan_id", "section__ordinal", "id")
                                    .values_list("pk", "plan_id", "indicator__name", "kind")):
        first.setdefault((name, kind, plan_id), pk)
    chosen = {t.pk: t for t in Target.objects.filter(pk__in=first.values()).for_assessment()}
    by_id = {plan.pk: plan for plan in plans}
    found: dict[tuple[str, str], dict[int, Target]] = defaultdict(dict)
    for (name, kind, plan_id), pk in first.items():
        found[(name, kind)][plan_id] = chosen[pk]
        chosen[pk].plan = by_id[plan_id]  # the plan in hand, not one query per target that loads its text again
    verdicts = {(plan.pk, row.code): row for plan in plans  # judged: only the targets shown, not whole plans
                for row in judged_rows(plan, plan.year, [t for t in chosen.values() if t.plan_id == plan.pk])
                if row.judged}
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
            earlier = cells[-1] if n and cells and cells[-1] is not None and before is not None else None
            missed = earlier is not None and earlier.outcome is not None and earlier.outcome.status != Status.ACHIEVED
            cells.append(Cell(target, target.in_words(), value, _change(before, target, plans, n),
                              verdicts.get((plan.pk, target.code)), missed))
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


WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 360, 150, 48, 16, 14, 30


@dataclass(frozen=True)
class LineChart:
    """Targets (dashed, hollow) and outcomes (solid, filled) of one indicator across the plans."""

    width: int
    height: int
    targets: str  # SVG points
    outcomes: str
    target_dots: list[tuple[float, float, str]]  # x, y, label
    outcome_dots: list[tuple[float, float, str]]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    caption: str


def line_chart(line: Line) -> LineChart | None:
    """The chart of one line: None when fewer than two plans give it a number in the same unit."""
    units = {c.target.unit and base_value(1, c.target.unit)[1] for c in line.cells if c is not None}
    wanted = [(n, c) for n, c in enumerate(line.cells) if c is not None and c.value is not None]
    if len(units) != 1 or len(wanted) < 2:
        return None
    values = [c.value for _, c in wanted if c.value is not None] + [c.actual for _, c in wanted if c.actual is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
    low, high = (0.0 if low >= 0 and low - pad < 0 else low - pad), high + pad
    columns = max(len(line.cells) - 1, 1)

    def x(n: int) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * n / columns

    def y(v: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - low) / (high - low))

    targets = [(x(n), y(c.value), c.words) for n, c in wanted if c.value is not None]
    outcomes = [(x(n), y(c.actual), c.result) for n, c in wanted if c.actual is not None]
    step = (high - low) / 3
    unit = next(c.target.unit for _, c in wanted)
    scale = base_value(1, unit)[0] or 1
    return LineChart(
        WIDTH, HEIGHT, " ".join(f"{a:.1f},{b:.1f}" for a, b, _ in targets),
        " ".join(f"{a:.1f},{b:.1f}" for a, b, _ in outcomes), targets, outcomes,
        [(x(n), str(c.target.plan.year) if c is not None else "") for n, c in enumerate(line.cells)],
        [(y(low + step * i), _short((low + step * i) / scale))
                                                       for i in range(4)],
        gettext("%(indicator)s：目标与结果（%(unit)s）") % {"indicator": line.indicator,
                                                      "unit": unit or gettext("无单位")})


def _short(v: float) -> str:
    return say_number(v, 1)


def table(result: Comparison) -> tuple[list[str], list[list[str]]]:
    """The comparison as rows for a spreadsheet: per indicator, each plan's target, result and verdict."""
    columns = ["指标", "类型"]
    for p in result.plans:
        columns += [f"{p.region}{p.year} 目标", f"{p.region}{p.year} 结果", f"{p.region}{p.year} 评定及来源"]
    rows = []
    for line in result.lines:
        row = [line.indicator, line.kind]
        for cell in line.cells:
            if cell is None:
                row += ["—", "", ""]
                continue
            target = (cell.words + (f"（{cell.change}）" if cell.change else "")
                      + ("（上年未完成）" if cell.after_miss else ""))
            verdict = f"{cell.outcome.verdict}；{cell.outcome.source}" if cell.outcome else "无结果"
            row += [target, cell.result, verdict]
        rows.append(row)
    return columns, rows
