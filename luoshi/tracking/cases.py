"""A tracking case as data (the CASE.json of `luoshi assess --input`): goals, observations, a date.

The format is documented in docs/tracking.md. Reading it never touches a file;
a bad field raises :class:`BadCase` naming where it is and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from luoshi.extract.model import Comparator, Kind
from luoshi.tracking.goals import make_goal
from luoshi.tracking.model import Better, Goal, Observation
from luoshi.tracking.periods import BadPeriod, parse_period


class BadCase(ValueError):
    """A field of the case is missing or wrong; the message says which and why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Case:
    on: date
    goals: tuple[Goal, ...]
    observations: dict[str, tuple[Observation, ...]]


def read_case(data: Any) -> Case:
    """The case described by ``data`` (parsed JSON)."""
    if not isinstance(data, dict):
        raise BadCase("(top)", "must be an object with on, year, targets and observations")
    on = _date(data.get("on"), "on", required=True)
    assert on is not None
    year = data.get("year", on.year)
    if not isinstance(year, int) or isinstance(year, bool):
        raise BadCase("year", f"must be a whole number such as 2024, not {year!r}")
    goals = [_goal(t, f"targets[{i}]", year) for i, t in enumerate(_list(data, "targets"))]
    ids = {g.id for g in goals}
    if len(ids) != len(goals):
        raise BadCase("targets", "two targets have the same id")
    observed: dict[str, list[Observation]] = {g.id: [] for g in goals}
    for i, o in enumerate(_list(data, "observations")):
        where = f"observations[{i}]"
        if not isinstance(o, dict):
            raise BadCase(where, "must be an object")
        target = str(o.get("target"))
        if target not in observed:
            raise BadCase(f"{where}.target", f"no target has the id {o.get('target')!r}")
        cumulative = o.get("cumulative", True)
        if not isinstance(cumulative, bool):
            raise BadCase(f"{where}.cumulative", f"must be true or false, not {cumulative!r}")
        try:
            period = parse_period(str(o.get("period", "")), cumulative)
        except BadPeriod as e:
            raise BadCase(f"{where}.period", str(e)) from None
        value = _number(o.get("value"), f"{where}.value", required=True)
        assert value is not None
        reference = _number(o.get("reference"), f"{where}.reference")
        observed[target].append(Observation(period, value, cumulative, reference))
    return Case(on, tuple(goals), {k: tuple(v) for k, v in observed.items()})


def _goal(t: Any, where: str, year: int) -> Goal:
    if not isinstance(t, dict):
        raise BadCase(where, "must be an object")
    if "id" not in t:
        raise BadCase(f"{where}.id", "is missing")
    kind = _choice(t.get("kind"), Kind, f"{where}.kind", required=True)
    comparator = _choice(t.get("comparator"), Comparator, f"{where}.comparator")
    better = _choice(t.get("better"), Better, f"{where}.better")
    profile = t.get("profile")
    if profile is not None:
        if not isinstance(profile, list) or len(profile) != 12:
            raise BadCase(f"{where}.profile", "must be a list of 12 monthly shares")
        profile = tuple(_number(x, f"{where}.profile[{i}]", required=True) for i, x in enumerate(profile))
    frequency = t.get("frequency")
    if frequency not in (None, "month", "quarter", "year"):
        raise BadCase(f"{where}.frequency", f"must be month, quarter or year, not {frequency!r}")
    accumulates = t.get("accumulates")
    if accumulates is not None and not isinstance(accumulates, bool):
        raise BadCase(f"{where}.accumulates", "must be true or false")
    return make_goal(
        str(t["id"]), kind, year, comparator=comparator,
        value=_number(t.get("value"), f"{where}.value"),
        value_max=_number(t.get("value_max"), f"{where}.value_max"),
        unit=t.get("unit"), deadline=_date(t.get("deadline"), f"{where}.deadline"),
        baseline=_number(t.get("baseline"), f"{where}.baseline"), profile=profile,
        decrease=bool(t.get("decrease", False)), condition=t.get("condition"), better=better,
        accumulates=accumulates, frequency=frequency, indicator=str(t.get("indicator", "")),
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise BadCase(key, "must be a list")
    return value


def _number(x: Any, where: str, required: bool = False) -> float | None:
    if x is None:
        if required:
            raise BadCase(where, "is missing: a number is needed")
        return None
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise BadCase(where, f"must be a number, not {x!r}")
    return float(x)


def _date(x: Any, where: str, required: bool = False) -> date | None:
    if x is None:
        if required:
            raise BadCase(where, "is missing: a date such as 2024-06-30 is needed")
        return None
    try:
        return date.fromisoformat(str(x))
    except ValueError:
        raise BadCase(where, f"must be a date such as 2024-06-30, not {x!r}") from None


def _choice(x: Any, choices: Any, where: str, required: bool = False) -> Any:
    if x is None:
        if required:
            raise BadCase(where, "is missing")
        return None
    try:
        return choices(x)
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise BadCase(where, f"must be one of {allowed}, not {x!r}") from None
