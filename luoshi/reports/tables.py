"""The rows of what the office sends out, built once; each file format only lays them out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language, gettext

from luoshi.outcomes.judging import judge
from luoshi.outcomes.models import Outcome
from luoshi.plans.models import Plan, Target
from luoshi.progress.assessing import PlanCache, assess_plan, goal_of, plan_key
from luoshi.progress.board import leads_of
from luoshi.reports.files import Number
from luoshi.tracking import Status
from luoshi.tracking.rules import partly_met
from luoshi.units.models import Assignment

CHINESE_NUMERALS = "〇一二三四五六七八九十"


def ordinal(n: int) -> str:
    return CHINESE_NUMERALS[n] if n <= 10 else f"十{CHINESE_NUMERALS[n - 10]}" if n < 20 else str(n)


@dataclass(frozen=True)
class BreakdownRow:
    """One line of the 重点任务分解表."""

    number: str  # 序号
    area: str  # 工作方面
    task: str  # 工作任务
    targets: str  # 量化目标, in words
    lead: str  # 牵头单位
    co: str  # 责任单位
    deadline: str  # 完成时限


BREAKDOWN_COLUMNS = ("序号", "工作任务", "量化目标", "牵头单位", "责任单位", "完成时限")


def breakdown(plan: Plan) -> list[BreakdownRow]:
    """The task breakdown table: the main targets one by one, then one row per task with its targets."""
    targets = list(plan.targets.select_related("section", "task").order_by("section__ordinal", "id"))
    task_units = {(a.task_id, a.role): a.unit.name for a in Assignment.objects.filter(
        task__section__plan=plan, target__isnull=True).select_related("unit")}
    leads = {pk: unit.name for pk, unit in leads_of(plan).items()}
    cos: dict[int, list[str]] = defaultdict(list)
    for a in Assignment.objects.filter(target__plan=plan, role=Assignment.Role.CO).select_related("unit"):
        cos[a.target_id].append(a.unit.name)
    year_end = f"{plan.year}年12月底"
    rows: list[BreakdownRow] = []
    main = [t for t in targets if t.section.ordinal == 0]
    for n, t in enumerate(main, 1):
        rows.append(BreakdownRow(f"{n}", "主要预期目标", t.indicator_text, t.in_words(), leads.get(t.pk, ""),
                                 "、".join(cos.get(t.pk, [])), _deadline(t.deadline, year_end)))
    by_task: dict[tuple[int, int], list[Target]] = defaultdict(list)
    for t in targets:
        if t.section.ordinal:
            by_task[(t.section.ordinal, t.task.ordinal if t.task else 0)].append(t)
    for (section, task_no), group in sorted(by_task.items()):
        first = group[0]
        task = first.task
        lead_names = list(dict.fromkeys(
            ([task_units[(task.pk, "lead")]] if task and (task.pk, "lead") in task_units else [])
            + [leads[t.pk] for t in group if t.pk in leads]))
        co_names = list(dict.fromkeys(
            ([task_units[(task.pk, "co")]] if task and (task.pk, "co") in task_units else [])
            + [n for t in group for n in cos.get(t.pk, [])]))
        co_names = [n for n in co_names if n not in lead_names[:1]] + lead_names[1:]
        deadlines = [t.deadline for t in group if t.deadline]
        rows.append(BreakdownRow(
            f"{section}.{task_no}", f"（{ordinal(section)}）{first.section.title}",
            task.heading if task else "（未归入任务的目标）", "；".join(t.in_words() for t in group),
            lead_names[0] if lead_names else "", "、".join(dict.fromkeys(co_names)),
            _deadline(max(deadlines), year_end) if deadlines and len(deadlines) == len(group) else year_end))
    return rows


def _deadline(d: date | None, year_end: str) -> str:
    return f"{d.year}年{d.month}月{d.day}日前" if d else year_end


@dataclass(frozen=True)
class EvaluationRow:
    """A target's year-end verdict and what it rests on."""

    code: str
    area: str
    target: str
    lead: str
    verdict: str  # 已完成 / 部分完成 / 未完成 / 仅有相关结果 / 无结果
    actual: Number | None
    margin: Number | None
    source: str  # the source named: a report and the words it used, or a statistics page
    status: Status
    quote: str = ""  # the result as the source words it
    link: str = ""  # the source's address, when it has one

    @property
    def judged(self) -> bool:
        return self.verdict in (ACHIEVED, PARTLY, MISSED)


EVALUATION_COLUMNS = ("编号", "工作方面", "目标", "牵头单位", "评定", "全年实际", "差额", "来源")
ACHIEVED, PARTLY, MISSED, RELATED_ONLY, NO_OUTCOME = "已完成", "部分完成", "未完成", "仅有相关结果", "无结果"
VERDICTS = (ACHIEVED, PARTLY, MISSED, RELATED_ONLY, NO_OUTCOME)


Counts = list[tuple[str, int]]  # (verdict, how many), most first


@dataclass(frozen=True)
class Evaluation:
    plan: Plan
    year: int
    rows: list[EvaluationRow]
    by_section: list[tuple[str, Counts]]
    by_unit: list[tuple[str, Counts]]
    totals: Counts


def evaluation(plan: Plan, year: int) -> Evaluation:
    """Every target judged at year end: on a confirmed outcome of the same indicator (from the next
    year's report), else on the year's approved figure (published statistics, the office's own), with
    the source named; achieved, partly or missed with the margin. A target with only a related outcome
    says so and is not judged."""
    rows = list(_evaluation_rows(plan, year).values())
    by_section: dict[str, Counter[str]] = {}
    by_unit: dict[str, Counter[str]] = {}
    for r in rows:
        by_section.setdefault(r.area, Counter())[r.verdict] += 1
        by_unit.setdefault(r.lead or gettext("（未分派）"), Counter())[r.verdict] += 1
    return Evaluation(plan, year, rows, [(k, c.most_common()) for k, c in by_section.items()],
                      [(k, c.most_common()) for k, c in sorted(by_unit.items())],
                      Counter(r.verdict for r in rows).most_common())


_ROWS: PlanCache[dict[int, EvaluationRow]] = PlanCache()


def _evaluation_rows(plan: Plan, year: int) -> dict[int, EvaluationRow]:
    """Each target's year-end row by target id, in the plan's order: worked out once per data version,
    then brought up to date target by target."""
    key = plan_key(plan, "evaluation", year, get_language())
    if key is None:
        return _rows_by_target(plan, year)
    return _ROWS.get_or_compute(key, lambda: _rows_by_target(plan, year),
                                lambda old, touched: _brought_up_to_date(plan, year, old, touched))


def _rows_by_target(plan: Plan, year: int, only: set[int] | None = None) -> dict[int, EvaluationRow]:
    targets = plan.targets.for_assessment()
    targets = list(targets if only is None else targets.filter(pk__in=only))
    leads = {pk: unit.name for pk, unit in leads_of(plan).items()}
    return dict(zip([t.pk for t in targets], judged_rows(plan, year, targets, leads), strict=True))


def _brought_up_to_date(plan: Plan, year: int, old: dict[int, EvaluationRow],
                        touched: set[int]) -> dict[int, EvaluationRow] | None:
    """``old`` (the rows) with the targets ``touched`` since judged again; None when it cannot (a new
    target: its place is the plan's order)."""
    if Outcome.objects.confirmed().filter(target__in=touched).exists():
        return None  # a target's outcome can decide another's (GDP growth for 与经济增长同步)
    fresh = _rows_by_target(plan, year, touched)
    if fresh.keys() - old.keys():
        return None
    return {pk: fresh[pk] if pk in touched else row for pk, row in old.items() if pk not in touched or pk in fresh}


def judged_rows(plan: Plan, year: int, targets: Iterable[Target] | None = None,
                leads: dict[int, str] | None = None) -> list[EvaluationRow]:
    """The year-end rows of ``targets`` (default: every target of ``plan``, loaded for assessment)."""
    leads = leads or {}
    assessed = assess_plan(plan, date(year, 12, 31), targets)
    judged = judge(plan, year, [row.target for row in assessed])
    rows = []
    points = gettext("个百分点")  # a margin in percentage points, in the page's language
    for row in assessed:
        t = row.target
        found = judged.get(t.pk)
        a = row.assessment
        source, link, quote = row.source, row.source if row.source.startswith("http") else "", ""
        if found is not None and found.assessment is not None:
            a = found.assessment
            assert found.outcome is not None
            quote = found.outcome.quote
            source, link = f"{found.outcome.source}「{quote}」", ""
        final = a.period is not None and a.period.is_year and a.status in (Status.ACHIEVED, Status.MISSED)
        if final:
            verdict = ACHIEVED if a.status == Status.ACHIEVED else PARTLY if partly_met(goal_of(t), a) else MISSED
            margin = None if a.margin is None else Number.of(
                a.margin, points if t.unit in ("%", "百分点") else t.unit, signed=True)
            rows.append(EvaluationRow(t.code, t.section.title, t.in_words(), leads.get(t.pk, ""), verdict,
                                      Number.of(a.actual, points if t.unit == "百分点" else t.unit)
                                      if a.actual is not None else None, margin, source,
                                      Status.AT_RISK if verdict == PARTLY else a.status, quote, link))
            continue
        related = found.related if found is not None else []
        if related:
            words = "；".join(f"「{o.quote}」" for o in related)
            said = {"source": related[0].source, "quotes": words, "note": found.note if found is not None else ""}
            source = (gettext("相关指标，不计入评定（%(note)s）：%(source)s%(quotes)s") if said["note"]
                      else gettext("相关指标，不计入评定：%(source)s%(quotes)s")) % said
            rows.append(EvaluationRow(t.code, t.section.title, t.in_words(), leads.get(t.pk, ""), RELATED_ONLY,
                                      None, None, source, Status.NO_DATA, words))
            continue
        rows.append(EvaluationRow(t.code, t.section.title, t.in_words(), leads.get(t.pk, ""), NO_OUTCOME,
                                  None, None, found.note if found is not None else "", Status.NO_DATA))
    return rows
