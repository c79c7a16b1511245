"""Assessing stored targets: the database's rows become the tracking core's goals."""

from __future__ import annotations

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


def seen(observation: Observation) -> Seen:
    return Seen(parse_period(observation.period, observation.cumulative), observation.value,
                observation.cumulative, observation.reference)


@dataclass(frozen=True)
class Row:
    """A stored target, its assessment, and whether the figure it rests on is illustrative."""

    target: Target
    assessment: Assessment
    illustrative: bool
    source: str


def assess_plan(plan: Plan, on: date, targets: Iterable[Target] | None = None,
                rules: Rules = DEFAULT_RULES) -> list[Row]:
    """Every target of ``plan`` (or the ones given) assessed on ``on``, in two queries."""
    observations = Observation.objects.counted()
    if targets is None:
        targets = plan.targets.for_assessment()
        observations = observations.filter(target__plan=plan)
    else:
        targets = list(targets)
        observations = observations.filter(target__in=[t.pk for t in targets])
    figures: dict[int, list[Seen]] = defaultdict(list)
    origin: dict[tuple[int, Period], Observation] = {}
    for o in observations:
        figure = seen(o)
        figures[o.target_id].append(figure)
        origin[(o.target_id, figure.period)] = o
    rows = []
    for t in targets:
        a = assess(goal_of(t), figures[t.pk], on, rules)
        used = origin.get((t.pk, a.period)) if a.period else None
        rows.append(Row(t, a, bool(used and used.illustrative), used.source if used else ""))
    return rows
