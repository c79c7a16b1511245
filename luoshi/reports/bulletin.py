"""The monthly 督查通报: where the plan stands for a period, as the office writes it up.

Its structure follows the published bulletins (research/anchors.md §5): the overall situation
against 序时进度, the main economic indicators, the quantified tasks, the milestones, laggards named
by lead unit with their own explanations, and the tables once, as attachments (附件). The body is a
list of ``Part``s made by the functions in ``PARTS``; another part (e.g. 报送及时率) is one more
function ``(plan, on, rows) -> Part | None`` added to that list. docx, pdf and xlsx only lay out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from luoshi.plans.models import Plan
from luoshi.progress.assessing import assess_plan, goal_of
from luoshi.progress.board import leads_of
from luoshi.progress.models import Observation
from luoshi.reports.files import Cell, Column, Number, Shaded
from luoshi.tracking import STATUS_LABELS, Status, parse_period
from luoshi.tracking.figures import say_percent

LIGHT_WORDS = {"green": "绿", "yellow": "黄", "red": "红", "blue": "蓝", "grey": "灰"}
LIGHT_COLOURS = {"green": "2F9E44", "yellow": "E0A800", "red": "D92D20", "blue": "2563EB", "grey": "98A2B3"}
# The lights as the ground of a status cell in the files the office prints: pale, so that the black words
# on them stay legible, in grey print too (where the words, 滞后（红）, carry the light).
CELL_COLOURS = {"green": "D5ECD9", "yellow": "F9EDC2", "red": "F7D4D1", "blue": "D3E0FB", "grey": "E5E8ED"}
COLUMNS = (Column("编号", 8, centred=True), Column("目标", 44), Column("牵头单位", 22), Column("实际", 16),
           Column("完成率", 9), Column("序时进度", 9), Column("状态", 24, centred=True))
GOOD = (Status.ON_TRACK, Status.ACHIEVED)
LAGGING = (Status.BEHIND, Status.MISSED)


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
    problems: str = ""  # the lead unit's own words, from its latest report
    next_steps: str = ""

    @property
    def light(self) -> str:
        return STATUS_LABELS[self.status][1]

    @property
    def label(self) -> str:
        return f"{STATUS_LABELS[self.status][0]}（{LIGHT_WORDS[self.light]}）"

    def cells(self) -> tuple[Cell, ...]:
        return (self.code, self.target, self.lead, self.actual or "—", self.completion or "—", self.elapsed,
                Shaded(self.label, CELL_COLOURS[self.light]))

    @property
    def line(self) -> str:
        """The row in a sentence, for the text of the bulletin."""
        return (f"{self.code} {self.target}：实际{self.actual or '—'}，完成率{self.completion or '—'}，"
                f"序时进度{self.elapsed}，{STATUS_LABELS[self.status][0]}。")


@dataclass(frozen=True)
class Part:
    """A numbered part of the text (一、…); its ``subparts`` are numbered （一）… under it."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    subparts: list[Part] = field(default_factory=list)


@dataclass(frozen=True)
class Attachment:
    title: str  # 主要经济指标完成情况
    rows: list[BulletinRow]


@dataclass(frozen=True)
class Letterhead:
    """What the office sets once per plan (``BulletinSettings``) and the number a bulletin is issued
    under; a draft has no number."""

    issuer: str = "督查室"  # 发文机关
    reference: str = ""  # 发文字号: 金政督〔2024〕7号
    recipients: str = ""  # 主送
    copies: str = ""  # 抄送
    signature: str = ""  # 署名
    printer: str = ""  # 印发机关
    dated: date | None = None  # 成文日期 (and 印发日期)


@dataclass(frozen=True)
class Bulletin:
    plan: Plan
    period: str
    on: date
    title: str
    summary: list[str]  # the paragraphs of 一、总体情况: generated, or as the office edited them
    generated_summary: list[str]
    counts: list[tuple[Status, int]]
    parts: list[Part]  # 二、… onwards
    attachments: list[Attachment]
    laggards: list[tuple[str, list[BulletinRow]]]  # by lead unit
    illustrative: bool
    letterhead: Letterhead = field(default_factory=Letterhead)

    @property
    def bars(self) -> list[tuple[str, str, int, str]]:
        """(status words, light colour, count, share of all targets as a CSS width) for the chart."""
        total = sum(n for _, n in self.counts) or 1
        return [(STATUS_LABELS[s][0], LIGHT_COLOURS[STATUS_LABELS[s][1]], n, f"{100 * n / total:.2f}%")
                for s, n in self.counts]

    @property
    def body(self) -> list[Part]:
        """Every numbered part of the text, 一、总体情况 first."""
        return [Part("总体情况", self.summary), *self.parts]


@dataclass(frozen=True)
class Figures:
    """What the parts are made from: every row by kind, and the laggards by lead unit."""

    plan: Plan
    on: date
    indicators: list[BulletinRow]
    quantified: list[BulletinRow]
    milestones: list[BulletinRow]
    laggards: list[tuple[str, list[BulletinRow]]]

    @property
    def every(self) -> list[BulletinRow]:
        return self.indicators + self.quantified + self.milestones


def _kind_part(title: str, rows: list[BulletinRow], attachment: int, words: str) -> Part:
    good = sum(1 for r in rows if r.status in GOOD)
    lagging = [r for r in rows if r.status in LAGGING]
    text = f"{words}{len(rows)}项，达到序时进度或已完成{good}项"
    text += f"，明显滞后{len(lagging)}项（{'、'.join(r.code for r in lagging)}）" if lagging else ""
    return Part(title, [f"{text}。具体情况见附件{attachment}。"])


def indicators_part(f: Figures) -> Part | None:
    return _kind_part("主要经济指标", f.indicators, 1, "主要经济指标")


def quantified_part(f: Figures) -> Part | None:
    return _kind_part("量化指标任务", f.quantified, 2, "量化指标任务")


def milestones_part(f: Figures) -> Part | None:
    done = sum(1 for r in f.milestones if r.status == Status.ACHIEVED)
    return Part("节点目标", [f"节点目标{len(f.milestones)}项，已完成{done}项。具体情况见附件3。"])


def laggards_part(f: Figures) -> Part | None:
    """Each lead unit with its lagging targets, and what the unit itself said about them."""
    if not f.laggards:
        return Part("滞后目标", ["本期没有明显滞后的目标。"])
    units = []
    for unit, rows in f.laggards:
        paragraphs = []
        for r in rows:
            paragraphs.append(r.line)
            if r.problems:
                paragraphs.append(f"存在问题：{r.problems}")
            if r.next_steps:
                paragraphs.append(f"下一步措施：{r.next_steps}")
        units.append(Part(f"{unit}（{len(rows)}项）", paragraphs))
    return Part("滞后目标及原因（按牵头单位）", ["以下目标明显滞后于序时进度，请牵头单位分析原因、加快推进，"
                                           "并在下期报送中说明整改成效。"], units)


def timeliness_part(f: Figures) -> Part | None:
    """报送及时率 by unit, from the reporting calendar (luoshi/deadlines)."""
    from luoshi.deadlines.timeliness import bulletin_paragraphs

    return Part("报送及时率", bulletin_paragraphs(f.plan, f.on))


# The parts after 一、总体情况, in order. Each takes the figures and gives a Part, or None to leave it out.
PARTS: list[Callable[[Figures], Part | None]] = [indicators_part, quantified_part, milestones_part, laggards_part,
                                                 timeliness_part]


def bulletin(plan: Plan, period: str, summary: list[str] | None = None,
             letterhead: Letterhead | None = None) -> Bulletin:
    """The bulletin for ``plan`` at the end of ``period`` (2024-06, 2024Q2, 2024H1); ``summary``
    replaces the generated paragraphs of 总体情况 (the office's edit)."""
    on = parse_period(period).end
    figures, counts, ahead = _figures(plan, on)
    generated = _summary(figures, counts, ahead)
    title = f"关于{plan.region}{plan.year}年政府工作报告目标任务{on.month}月份推进情况的通报"
    parts = [p for make in PARTS if (p := make(figures)) is not None]
    attachments = [Attachment("主要经济指标完成情况", figures.indicators),
                   Attachment("量化指标任务完成情况", figures.quantified),
                   Attachment("节点目标完成情况", figures.milestones)]
    return Bulletin(plan, period, on, title, summary or generated, generated,
                    [(s, counts[s]) for s in STATUS_LABELS if counts[s]], parts, attachments, figures.laggards,
                    any(r.illustrative for r in figures.every), letterhead or Letterhead())


def _share(percent: float) -> Number:
    """A percentage as a share with one decimal, rounded here so that every file shows the same digit
    (Python and the office suites round 42.15 differently)."""
    return Number(round(percent, 1) / 100, 1, percent=True)


def _figures(plan: Plan, on: date) -> tuple[Figures, Counter[Status], int]:
    leads = {pk: unit.name for pk, unit in leads_of(plan).items()}
    assessed = list(assess_plan(plan, on))
    said = _explanations(plan, on, [r.target.pk for r in assessed if r.assessment.status in LAGGING])
    indicators, quantified, milestones = [], [], []
    ahead = 0
    for row in assessed:
        t, a = row.target, row.assessment
        if (a.status == Status.ON_TRACK and a.completion is not None and a.completion > a.elapsed
                and goal_of(t).accumulates):
            ahead += 1  # an amount done faster than the year: 超序时进度
        actual = None if a.actual is None else Number.of(
            a.actual, "个百分点" if t.unit == "百分点" else t.unit, note="（示例）" if row.illustrative else "")
        problems, next_steps = said.get(t.pk, ("", ""))
        line = BulletinRow(
            t.code, t.in_words(), leads.get(t.pk, ""), actual,
            None if a.completion is None else _share(a.completion), _share(a.elapsed), a.status, row.illustrative,
            problems, next_steps)
        if t.kind == "milestone":
            milestones.append(line)
        elif t.section.ordinal == 0 or (t.indicator_id is not None and t.kind in ("growth", "relation")):
            indicators.append(line)
        else:
            quantified.append(line)
    every = indicators + quantified + milestones
    by_unit: dict[str, list[BulletinRow]] = defaultdict(list)
    for r in every:
        if r.status in LAGGING:
            by_unit[r.lead or "（未分派）"].append(r)
    laggards = sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return (Figures(plan, on, indicators, quantified, milestones, laggards),
            Counter(r.status for r in every), ahead)


def _explanations(plan: Plan, on: date, targets: list[int]) -> dict[int, tuple[str, str]]:
    """{target: (存在问题, 下一步措施)} from each target's latest counted report up to ``on`` that says any."""
    said: dict[int, tuple[str, str]] = {}
    reports = (Observation.objects.counted().filter(target_id__in=targets)
               .exclude(problems="", next_steps="").values_list("target_id", "period", "problems", "next_steps"))
    latest: dict[int, tuple[date, str, str]] = {}
    for target, period, problems, next_steps in reports:
        try:
            end = parse_period(period).end
        except ValueError:
            continue
        if end <= on and (target not in latest or end >= latest[target][0]):
            latest[target] = (end, problems.strip(), next_steps.strip())
    for target, (_, problems, next_steps) in latest.items():
        said[target] = (problems, next_steps)
    return said


def _summary(f: Figures, counts: Counter[Status], ahead: int) -> list[str]:
    every = f.every
    rated = sum(n for s, n in counts.items() if s not in (Status.NO_DATA, Status.NOT_DUE))
    good = counts[Status.ON_TRACK] + counts[Status.ACHIEVED]
    share = say_percent(100 * good / rated) if rated else "—"
    summary = [
        f"截至{f.on.year}年{f.on.month}月底，{f.plan.region}{f.plan.year}年政府工作报告确定的{len(every)}个目标中，"
        f"有数据可评估的{rated}个：达到或超过序时进度{counts[Status.ON_TRACK]}个（其中超序时进度{ahead}个），"
        f"已提前完成{counts[Status.ACHIEVED]}个，"
        f"略低于序时进度{counts[Status.AT_RISK]}个，明显滞后{counts[Status.BEHIND]}个"
        + (f"，未完成{counts[Status.MISSED]}个" if counts[Status.MISSED] else "")
        + f"；达标率{share}。另有{counts[Status.NO_DATA]}个目标应报未报，{counts[Status.NOT_DUE]}个未到报送期。",
    ]
    if f.laggards:
        summary.append("明显滞后的目标涉及" + "、".join(f"{unit}（{len(rows)}项）" for unit, rows in f.laggards)
                       + "，请相关牵头单位分析原因、加快推进，并在下期报送中说明整改措施。")
    return summary
