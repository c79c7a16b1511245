"""Confirmed outcomes as the tracking core's year figures: a target judged on what was published."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext

from luoshi.extract.model import Kind
from luoshi.extract.outcomes import Fit, OutcomeKind, scaled
from luoshi.outcomes.models import Outcome
from luoshi.plans.models import Plan, Target
from luoshi.progress.assessing import goal_of
from luoshi.tracking import Assessment, Rules, assess, parse_period
from luoshi.tracking import Observation as Seen
from luoshi.tracking.rules import DEFAULT_RULES


@dataclass(frozen=True)
class Judged:
    """A target's year judged on a confirmed outcome (when one decides it), and the related ones."""

    assessment: Assessment | None
    outcome: Outcome | None
    related: list[Outcome]
    note: str  # why a confirmed outcome could not decide the target, or ""


def confirmed_by_target(plan: Plan) -> dict[int, list[Outcome]]:
    found: dict[int, list[Outcome]] = defaultdict(list)
    for o in Outcome.objects.confirmed().filter(target__plan=plan).order_by("decided_at", "id"):
        found[o.target_id].append(o)
    return found


def judge(plan: Plan, year: int, targets: list[Target], rules: Rules = DEFAULT_RULES) -> dict[int, Judged]:
    """For every target with a confirmed outcome: its year-end assessment on the outcome of the same
    indicator (the latest confirmed), and the related outcomes, which never decide anything."""
    outcomes = confirmed_by_target(plan)
    growth = _economic_growth(plan, outcomes)
    judged = {}
    for t in targets:
        found = outcomes.get(t.pk)
        if not found:
            continue
        same = [o for o in found if o.fit == Fit.SAME]
        related = [o for o in found if o.fit != Fit.SAME]
        assessment, note, used = None, "", None
        if same:
            used = same[-1]
            figure, note = figure_of(used, t, year, growth)
            if figure is not None:
                assessment = assess(goal_of(t), [figure], date(year, 12, 31), rules)
        judged[t.pk] = Judged(assessment, used, related, note)
    return judged


def figure_of(o: Outcome, t: Target, year: int, growth: float | None) -> tuple[Seen | None, str]:
    """The year's figure ``o`` gives for ``t``, in ``t``'s unit; or None and why not."""
    period = parse_period(str(year))
    kind = Kind(t.kind)
    if kind == Kind.MILESTONE:
        return (Seen(period, 1.0), "") if o.kind == OutcomeKind.DONE else (None, gettext("节点目标需要是否完成的结果"))
    if o.value is None:
        return None, gettext("结果没有数值")
    value = -o.value if o.decrease else o.value
    if kind == Kind.RELATION:
        if growth is None:
            return None, gettext("缺少同年地区生产总值增速的结果，无法比较是否同步")
        return Seen(period, value, reference=growth), ""
    if kind == Kind.DIRECTION:  # 下降22.8%: this year is 77.2 where last year was 100
        return Seen(period, 100 + value, reference=100.0), ""
    if kind in (Kind.LEVEL, Kind.CHANGE):
        have, want = scaled(1.0, o.unit), scaled(1.0, t.unit or None)
        if have is None or want is None:
            return None, gettext("单位无法换算")
        value = value * have / want
    return Seen(period, value), ""


def _economic_growth(plan: Plan, outcomes: dict[int, list[Outcome]]) -> float | None:
    """The year's GDP growth as confirmed, the other side of 与经济增长同步 (whichever targets are judged)."""
    gdp = plan.targets.filter(kind=Kind.GROWTH, indicator__name="地区生产总值").order_by("section__ordinal", "id")
    for pk in gdp.values_list("pk", flat=True):
        same = [o for o in outcomes.get(pk, []) if o.fit == Fit.SAME and o.value is not None]
        if same:
            return same[-1].value
    return None
