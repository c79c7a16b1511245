"""Assessing stored targets: the database's rows become the tracking core's goals."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from django.db import connection

from luoshi.extract.model import Comparator, Kind
from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation
from luoshi.tracking import Assessment, Better, Goal, Period, Rules, assess, make_goal, parse_period
from luoshi.tracking import Observation as Seen
from luoshi.tracking.rules import DEFAULT_RULES


def goal_of(target: Target) -> Goal:
    """The tracking goal for a stored target; the catalogue says which way is better."""
    indicator = target.indicator
    return _goal(target.plan.year, target.code, target.kind, target.comparator, target.value, target.value_max,
                 target.unit, target.deadline, target.baseline, target.profile, target.decrease, target.condition,
                 target.indicator_text, indicator.better if indicator else None,
                 indicator.frequency if indicator else None)


# The columns a goal is made of, read without building a model per target (see _goal).
_GOAL_COLUMNS = ("pk", "code", "kind", "comparator", "value", "value_max", "unit", "deadline", "baseline",
                 "profile", "decrease", "condition", "indicator_text", "indicator__better",
                 "indicator__frequency")


def _goal(year: int, code: str, kind: str, comparator: str, value: float | None, value_max: float | None,
          unit: str, deadline: date | None, baseline: float | None, profile: list[float] | None, decrease: bool,
          condition: str, indicator_text: str, better: str | None, frequency: str | None) -> Goal:
    return make_goal(
        code, Kind(kind), year, comparator=Comparator(comparator) if comparator else None,
        value=value, value_max=value_max, unit=unit or None, deadline=deadline, baseline=baseline,
        profile=tuple(profile) if profile else None, decrease=decrease, condition=condition or None,
        better=Better(better) if better and better != "higher" and kind in (Kind.GROWTH, Kind.LEVEL) else None,
        frequency=frequency, indicator=indicator_text)


@dataclass(frozen=True)
class Row:
    """A stored target, its assessment, and whether the figure it rests on is illustrative."""

    target: Target
    assessment: Assessment
    illustrative: bool
    source: str


_FIELDS = ("target_id", "period", "cumulative", "value", "reference", "illustrative", "source")
_Verdict = tuple[Assessment, bool, str]
V = TypeVar("V")
SMALL = 60  # up to this many targets (one target's page, a unit's) are assessed alone on a cache miss


def assess_plan(plan: Plan, on: date, targets: Iterable[Target] | None = None,
                rules: Rules = DEFAULT_RULES) -> list[Row]:
    """Every target of ``plan`` (or the ones given, each loaded once by the caller) assessed on ``on``,
    in a fixed number of queries. The plan's text is never read with its targets."""
    if targets is None:
        targets = plan.targets.for_assessment()
    targets = list(targets)
    for t in targets:
        if t.plan_id == plan.pk:
            t.plan = plan  # what goal_of and the pages read of the plan, without a join or a query per target
    found = verdicts(plan, on, [t.pk for t in targets], rules)
    return [Row(t, *found[t.pk]) for t in targets]


def verdicts(plan: Plan, on: date, pks: list[int] | None = None, rules: Rules = DEFAULT_RULES) -> dict[int, _Verdict]:
    """(assessment, illustrative, source) by target id for the targets ``pks`` (default: all) of ``plan``.

    From the plan's cached assessments when the data has not changed since; else a few
    targets are assessed on their own and many make the whole plan be worked out (once).
    """
    if pks is not None and len(pks) <= SMALL:
        cached = _cached(_key(plan, on, rules))
        if cached is None or any(pk not in cached for pk in pks):
            return _assess(plan, on, rules, pks)
        return {pk: cached[pk] for pk in pks}
    found = plan_verdicts(plan, on, rules)
    missing = [pk for pk in pks or () if pk not in found]
    if missing:  # a target made after the data version was read
        found = {**found, **_assess(plan, on, rules, missing)}
    return found


def data_version() -> int:
    """The number the database raises on every write that can change an assessment (see DataVersion)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM progress_dataversion WHERE id = 1")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def move_past(version: int) -> None:
    """After the database was replaced (a backup restored): a data version above ``version`` and above the
    restored one, with every target noted as changed, so that no server process takes what it worked
    out before for the restored data (nor the restored data's versions for newer ones)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO progress_dataversion (id, n) VALUES (1, %s) ON CONFLICT (id) DO UPDATE SET "
                       "n = CASE WHEN progress_dataversion.n >= excluded.n THEN progress_dataversion.n + 1 "
                       "ELSE excluded.n END", [version + 1])
        cursor.execute("INSERT INTO progress_change (version, target_id) "
                       "SELECT n, NULL FROM progress_dataversion WHERE id = 1")


def changed_since(version: int, at_most: int) -> set[int] | None:
    """The targets written after data version ``version`` (see Change), or None when a write touched
    every target (a plan, the catalogue, the calendar), more than ``at_most`` were written, or the log
    no longer reaches back that far: then everything must be worked out again."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(version) FROM progress_change")
        [(oldest,)] = cursor.fetchall()
        if oldest is None or oldest > version + 1:
            return None
        cursor.execute("SELECT DISTINCT target_id FROM progress_change WHERE version > %s LIMIT %s",
                       [version, at_most + 1])
        touched = {pk for (pk,) in cursor.fetchall()}
    return None if None in touched or len(touched) > at_most else touched  # type: ignore[return-value]


def plan_key(plan: Plan, *what: object) -> tuple[object, ...] | None:
    """A cache key for something worked out from ``plan``'s data now: (plan, *what, data version).

    None inside a transaction, whose writes may still be rolled back (or, in a test, never be
    committed): nothing worked out there is cached.
    """
    if connection.in_atomic_block:
        return None
    return (plan.pk, plan.imported_at, *what, data_version())


def _key(plan: Plan, on: date, rules: Rules) -> tuple[object, ...] | None:
    return plan_key(plan, on, rules)


class PlanCache(Generic[V]):
    """What was worked out for a plan, by key (see plan_key), least recently used first, at most
    BUDGET items in all (an entry counts its len()).

    Worked out once under concurrency: the first request for a key computes, the others wait for it.
    An entry of an older data version is dropped when the same plan's newer one arrives; until then it
    may be brought up to date: only the targets written since (see changed_since) worked out again.
    """

    BUDGET = 100_000  # e.g. target verdicts (~0.7 kB each): a 50,000-target plan on two dates

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[object, ...], V] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self.computing: dict[tuple[object, ...], threading.Event] = {}

    def get(self, key: tuple[object, ...]) -> V | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def get_or_compute(self, key: tuple[object, ...], compute: Callable[[], V],
                       update: Callable[[V, set[int]], V | None] | None = None) -> V:
        """The entry for ``key``; else ``update(entry, targets written since)`` of the newest older version
        of the same thing when there is one and it can (not None), else ``compute()``. Writes without a
        target, or to more targets than a quarter of the entry's size, leave it to ``compute()``."""
        older: tuple[V, int] | None = None
        while True:
            with self.lock:
                found = self.entries.get(key)
                if found is not None:
                    self.entries.move_to_end(key)
                    return found
                waiting = self.computing.get(key)
                if waiting is None:
                    self.computing[key] = threading.Event()
                    older = self._older(key) if update is not None else None
                    break
            waiting.wait()  # another request is working it out; if it failed, the loop tries again
        try:
            found = None
            if update is not None and older is not None:
                entry, version = older
                touched = changed_since(version, at_most=max(SMALL, len(entry) // 4))  # type: ignore[arg-type]
                if touched is not None:
                    found = update(entry, touched) if touched else entry
            if found is None:
                found = compute()
            with self.lock:
                self._put(key, found)
            return found
        finally:
            with self.lock:
                self.computing.pop(key).set()

    def _older(self, key: tuple[object, ...]) -> tuple[V, int] | None:
        versions = [k for k in self.entries if k[:-1] == key[:-1] and k[-1] < key[-1]]  # type: ignore[operator]
        if not versions:
            return None
        newest = max(versions, key=lambda k: k[-1])  # type: ignore[arg-type,return-value]
        return self.entries[newest], newest[-1]  # type: ignore[return-value]

    def _put(self, key: tuple[object, ...], found: V) -> None:
        stale = [k for k in self.entries if k[:-1] == key[:-1] and k[-1] < key[-1]]  # type: ignore[operator]
        for k in stale:  # an older data version of the same thing is never asked for again
            self.size -= len(self.entries.pop(k))  # type: ignore[arg-type]
        self.entries[key] = found
        self.size += len(found)  # type: ignore[arg-type]
        while self.size > self.BUDGET and len(self.entries) > 1:
            self.size -= len(self.entries.popitem(last=False)[1])  # type: ignore[arg-type]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


_CACHE: PlanCache[dict[int, _Verdict]] = PlanCache()


def _cached(key: tuple[object, ...] | None) -> dict[int, _Verdict] | None:
    return None if key is None else _CACHE.get(key)


def plan_verdicts(plan: Plan, on: date, rules: Rules = DEFAULT_RULES) -> dict[int, _Verdict]:
    """(assessment, illustrative, source) for every target of ``plan``, by id; worked out once per
    data version (every write bumps it, in any process), then reused."""
    key = _key(plan, on, rules)
    if key is None:
        return _assess(plan, on, rules)
    return _CACHE.get_or_compute(key, lambda: _assess(plan, on, rules),
                                 lambda old, touched: _brought_up_to_date(plan, on, rules, old, touched))


def _brought_up_to_date(plan: Plan, on: date, rules: Rules, old: dict[int, _Verdict],
                        touched: set[int]) -> dict[int, _Verdict]:
    """``old`` (the plan's verdicts) with the targets ``touched`` since worked out again: a figure written
    costs one target's assessment, not the plan's."""
    fresh = _assess(plan, on, rules, sorted(touched))  # only the plan's own targets
    return {**{pk: v for pk, v in old.items() if pk not in touched}, **fresh}


def _assess(plan: Plan, on: date, rules: Rules, pks: list[int] | None = None) -> dict[int, _Verdict]:
    """The targets ``pks`` (default: all) of ``plan`` assessed from their goals' columns and figures."""
    if pks is not None and not pks:
        return {}
    targets = plan.targets.all() if pks is None else plan.targets.filter(pk__in=pks)
    observations = Observation.objects.counted().filter(period__startswith=str(plan.year))
    observations = (observations.filter(target__plan=plan) if pks is None
                    else observations.filter(target__in=pks))
    figures: dict[int, list[Seen]] = defaultdict(list)
    origin: dict[tuple[int, Period], tuple[bool, str]] = {}
    sql, params = observations.values_list(*_FIELDS).query.sql_with_params()
    with connection.cursor() as cursor:  # plain rows: tens of thousands of figures, no converter per value
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for target_id, period, cumulative, value, reference, illustrative, source in rows:
        figure = Seen(_period(period, bool(cumulative)), value, bool(cumulative), reference)
        figures[target_id].append(figure)
        if illustrative or source:
            origin[(target_id, figure.period)] = (bool(illustrative), source)
    found = {}
    year = plan.year
    for pk, *columns in targets.values_list(*_GOAL_COLUMNS):
        a = assess(_goal(year, *columns), figures.get(pk, ()), on, rules)
        illustrative, source = origin.get((pk, a.period), (False, "")) if a.period else (False, "")
        found[pk] = (a, illustrative, source)
    return found


@functools.lru_cache(maxsize=1024)
def _period(text: str, cumulative: bool) -> Period:
    return parse_period(text, cumulative)
