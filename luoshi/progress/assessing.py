"""Assessing stored targets: the database's rows become the tracking core's goals."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max

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
    """Every target of ``plan`` (or the ones given) assessed on ``on``, in a fixed number of queries.

    The whole plan's assessments are computed once per state of its data (a stamp
    of its figures and target history) and date, then reused by every page.
    """
    targets = list(targets) if targets is not None else list(plan.targets.for_assessment())
    verdicts = plan_verdicts(plan, on, rules)
    rows = []
    for t in targets:
        found = verdicts.get(t.pk)
        if found is None:  # a target made after the stamp was read: assess it on its own
            fresh = plan.targets.for_assessment().get(pk=t.pk)
            found = _assess_targets(plan, on, [fresh], rules)[t.pk]
        assessment, illustrative, source = found
        rows.append(Row(t, assessment, illustrative, source))
    return rows


_Verdict = tuple[Assessment, bool, str]
_CACHE: OrderedDict[tuple[object, ...], dict[int, _Verdict]] = OrderedDict()
_CACHE_SIZE = 64
_CACHE_LOCK = threading.Lock()


def plan_verdicts(plan: Plan, on: date, rules: Rules = DEFAULT_RULES) -> dict[int, _Verdict]:
    """(assessment, illustrative, source) for every target of ``plan``, by id; worked out once per
    state of the plan's figures and target history, then reused."""
    figures = Observation.objects.filter(target__plan=plan).aggregate(
        n=Count("id"), last=Max("id"), reviewed=Max("reviewed_at"))
    edits = Target.history.filter(plan_id=plan.pk).aggregate(n=Count("history_id"), last=Max("history_id"))
    key = (plan.pk, plan.sha256, plan.imported_at, on, rules, figures["n"], figures["last"], figures["reviewed"],
           edits["n"], edits["last"])
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    verdicts = _assess_targets(plan, on, list(plan.targets.for_assessment()), rules)
    with _CACHE_LOCK:  # a threaded server may fill the cache from several requests at once
        _CACHE[key] = verdicts
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return verdicts


def _assess_targets(plan: Plan, on: date, targets: list[Target], rules: Rules) -> dict[int, _Verdict]:
    observations = (Observation.objects.counted().filter(period__startswith=str(plan.year))
                    .filter(target__in=[t.pk for t in targets]) if len(targets) < 500
                    else Observation.objects.counted().filter(period__startswith=str(plan.year),
                                                              target__plan=plan))
    figures: dict[int, list[Seen]] = defaultdict(list)
    origin: dict[tuple[int, Period], tuple[bool, str]] = {}
    for target_id, period, cumulative, value, reference, illustrative, source in (
            observations.values_list(*_FIELDS)):
        figure = Seen(_period(period, cumulative), value, cumulative, reference)
        figures[target_id].append(figure)
        origin[(target_id, figure.period)] = (illustrative, source)
    verdicts = {}
    for t in targets:
        a = assess(goal_of(t), figures[t.pk], on, rules)
        illustrative, source = origin.get((t.pk, a.period), (False, "")) if a.period else (False, "")
        verdicts[t.pk] = (a, illustrative, source)
    return verdicts


@functools.lru_cache(maxsize=1024)
def _period(text: str, cumulative: bool) -> Period:
    return parse_period(text, cumulative)
