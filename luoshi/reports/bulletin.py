"""The monthly 督查通报: where the plan stands for a period, as the office writes it up.

Its structure follows the published bulletins (research/anchors.md §5): the overall
situation against 序时进度, the main economic indicators, the quantified tasks, the
milestones, laggards named by lead unit, and the same tables as attachments (附件).
The rows are built here once; docx, pdf and xlsx only lay them out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from luoshi.plans.models import Plan
from luoshi.progress.assessing import assess_plan, goal_of
from luoshi.progress.board import leads_of
from luoshi.reports.files import Cell, Column, Number, Shaded
from luoshi.tracking import STATUS_LABELS, Status, parse_period

LIGHT_WORDS = {"green": "绿", "yellow": "黄", "red": "红", "blue": "蓝", "grey": "灰"}
LIGHT_COLOURS = {"green": "2F9E44", "yellow": "E0A800", "red": "D92D20", "blue": "2563EB", "grey": "98A2B3"}
COLUMNS = (Column("编号", 8, centred=True), Column("目标", 44), Column("牵头单位", 22), Column("实际", 16),
           Column("完成率", 9), Column("序时进度", 9), Column("状态", 24, centred=True))


@dataclass(frozen=True)
class BulletinRow:
    code: str
    target: str
    lead: str
    actual: Number | None
    completion: Number | None
    elapsed: Number
    status: Status
    illustrative: bool

    @property
    def light(self) -> str:
        return STATUS_LABELS[self.status][1]

    @property
    def label(self) -> str:
        return f"{STATUS_LABELS[self.status][0]}（{LIGHT_WORDS[self.light]}）"

    def cells(self) -> tuple[Cell, ...]:
        return (self.code, self.target, self.lead, self.actual or "—", self.completion or "—", self.elapsed,
                Shaded(self.label, LIGHT_COLOURS[self.light]))


@dataclass(frozen=True)
class Bulletin:
    plan: Plan
    period: str
    on: date
    title: str
    summary: list[str]  # the paragraphs of 总体情况
    counts: list[tuple[Status, int]]
    indicators: list[BulletinRow]  # 附件1 主要经济指标
    quantified: list[BulletinRow]  # 附件2 量化指标任务
    milestones: list[BulletinRow]  # 附件3 节点目标
    laggards: list[tuple[str, list[BulletinRow]]]  # by lead unit
    illustrative: bool

    @property
    def bars(self) -> list[tuple[str, str, int, str]]:
        """(status words, light colour, count, share of all targets as a CSS width) for the chart."""
        total = sum(n for _, n in self.counts) or 1
        return [(STATUS_LABELS[s][0], LIGHT_COLOURS[STATUS_LABELS[s][1]], n, f"{100 * n / total:.2f}%")
                for s, n in self.counts]

    @property
    def attachments(self) -> list[tuple[str, list[BulletinRow]]]:
        return [("附件1 主要经济指标完成情况", self.indicators), ("附件2 量化指标任务完成情况", self.quantified),
                ("附件3 节点目标完成情况", self.milestones)]


def _share(percent: float) -> Number:
    """A percentage as a share with one decimal, rounded here so that every file shows the same digit
    (Python and the office suites round 42.15 differently)."""
    return Number(round(percent, 1) / 100, 1, percent=True)


def bulletin(plan: Plan, period: str) -> Bulletin:
    """The bulletin for ``plan`` at the end of ``period`` (2024-06, 2024Q2, 2024H1)."""
    on = parse_period(period).end
    leads = {pk: unit.name for pk, unit in leads_of(plan).items()}
    indicators, quantified, milestones = [], [], []
    ahead = 0
    for row in assess_plan(plan, on):
        t, a = row.target, row.assessment
        if (a.status == Status.ON_TRACK and a.completion is not None and a.completion > a.elapsed
                and goal_of(t).accumulates):
            ahead += 1  # an amount done faster than the year: 超序时进度
        actual = None if a.actual is None else Number.of(
            a.actual, "个百分点" if t.unit == "百分点" else t.unit, note="（示例）" if row.illustrative else "")
        line = BulletinRow(
            t.code, t.in_words(), leads.get(t.pk, ""), actual,
            None if a.completion is None else _share(a.completion), _share(a.elapsed), a.status, row.illustrative)
        if t.kind == "milestone":
            milestones.append(line)
        elif t.section.ordinal == 0 or (t.indicator_id is not None and t.kind in ("growth", "relation")):
            indicators.append(line)
        else:
            quantified.append(line)
    every = indicators + quantified + milestones
    counts = Counter(r.status for r in every)
    by_unit: dict[str, list[BulletinRow]] = defaultdict(list)
    for r in every:
        if r.status in (Status.BEHIND, Status.MISSED):
            by_unit[r.lead or "（未分派）"].append(r)
    laggards = sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rated = sum(n for s, n in counts.items() if s not in (Status.NO_DATA, Status.NOT_DUE))
    good = counts[Status.ON_TRACK] + counts[Status.ACHIEVED]
    share = f"{100 * good / rated:.1f}%" if rated else "—"
    summary = [
        f"截至{on.year}年{on.month}月底，{plan.region}{plan.year}年政府工作报告确定的{len(every)}个目标中，"
        f"有数据可评估的{rated}个：达到或超过序时进度{counts[Status.ON_TRACK]}个（其中超序时进度{ahead}个），"
        f"已提前完成{counts[Status.ACHIEVED]}个，"
        f"略低于序时进度{counts[Status.AT_RISK]}个，明显滞后{counts[Status.BEHIND]}个"
        + (f"，未完成{counts[Status.MISSED]}个" if counts[Status.MISSED] else "")
        + f"；达标率{share}。另有{counts[Status.NO_DATA]}个目标应报未报，{counts[Status.NOT_DUE]}个未到报送期。",
        f"主要经济指标{len(indicators)}项，达到序时进度或已完成"
        f"{sum(1 for r in indicators if r.status in (Status.ON_TRACK, Status.ACHIEVED))}项；"
        f"量化指标任务{len(quantified)}项，达到序时进度或已完成"
        f"{sum(1 for r in quantified if r.status in (Status.ON_TRACK, Status.ACHIEVED))}项；"
        f"节点目标{len(milestones)}项，已完成{sum(1 for r in milestones if r.status == Status.ACHIEVED)}项。",
    ]
    if laggards:
        summary.append("明显滞后的目标涉及" + "、".join(f"{unit}（{len(rows)}项）" for unit, rows in laggards)
                       + "，请相关牵头单位分析原因、加快推进，并在下期报送中说明整改措施。")
    title = f"关于{plan.region}{plan.year}年政府工作报告目标任务{on.month}月份推进情况的通报"
    return Bulletin(plan, period, on, title, summary, [(s, counts[s]) for s in STATUS_LABELS if counts[s]],
                    indicators, quantified, milestones, laggards, any(r.illustrative for r in every))
