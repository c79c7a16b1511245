"""Assessing stored targets: the database's rows become the tracking core's goals."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from luoshi.extract.model import Comparator, Kind
from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation
from luoshi.tracking import Assessment, Better, Goal, Period, Rules, assess, make_goal, parse_period
from luoshi.tracking import Observation as Seen
from luoshi.tracking.rules import DEFAULT_RULES


def goal_of(target: Target) -> Goal:
    """The tracking goal for a stored target; the catalogue says which way is better."""
    better = None
    frequency = None
    if target.indicator is not None:
        frequency = target.indicator.frequency
        if target.indicator.better != "higher" and target.kind in (Kind.GROWTH, Kind.LEVEL):
            better = Better(target.indicator.better)
    return make_goal(
        target.code, Kind(target.kind), target.plan.year,
        comparator=Comparator(target.comparator) if target.comparator else None,
        value=target.value, value_max=target.value_max, unit=target.unit or None,
        deadline=target.deadline, baseline=target.baseline,
        profile=tuple(target.profile) if target.profile else None, decrease=target.decrease,
        condition=target.condition or None, better=better, frequency=frequency,
        indicator=target.indicator_text)


@dataclass(frozen=True)
class Row:
    """A stored target, its assessment, and whether the figure it rests on is illustrative."""

    target: Target
    assessment: Assessment
    illustrative: bool
    source: str


_FIELDS = ("target_id", "period", "cumulative", "value", "reference", "illustrative", "source")


def assess_plan(plan: Plan, on: date, targets: Iterable[Target] | None = None,
                rules: Rules = DEFAULT_RULES) -> list[Row]:
    """Every target of ``plan`` (or the ones given) assessed on ``on``, in two queries."""
    observations = Observation.objects.counted().filter(period__startswith=str(plan.year))
    if targets is None:
        targets = plan.targets.for_assessment()
        observations = observations.filter(target__plan=plan)
    else:
        targets = list(targets)
        observations = observations.filter(target__in=[t.pk for t in targets])
    figures: dict[int, list[Seen]] = defaultdict(list)
    origin: dict[tuple[int, Period], tuple[bool, str]] = {}
    for target_id, period, cumulative, value, reference, illustrative, source in (
            observations.values_list(*_FIELDS)):
        figure = Seen(_period(period, cumulative), value, cumulative, reference)
        figures[target_id].append(figure)
        origin[(target_id, figure.period)] = (illustrative, source)
    rows = []
    for t in targets:
        a = assess(goal_of(t), figures[t.pk], on, rules)
        illustrative, source = origin.get((t.pk, a.period), (False, "")) if a.period else (False, "")
        rows.append(Row(t, a, illustrative, source))
    return rows


@functools.lru_cache(maxsize=1024)
def _period(text: str, cumulative: bool) -> Period:
    return parse_period(text, cumulative)
