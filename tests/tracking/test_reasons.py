"""The words of an assessment: made once where many targets share them, still the same for each target."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extract.model import Comparator, Kind
from luoshi.tracking import Assessment, Better, Goal, Observation, Period, Rules, assess, make_goal
from luoshi.tracking.due import Submission
from luoshi.tracking.words import Words

numbers = st.one_of(st.floats(-1e4, 1e4, allow_nan=False), st.integers(-50, 3000).map(float), st.just(0.0),
                    st.just(-0.0))
goals = st.builds(
    make_goal, st.text("abc", min_size=1, max_size=3), st.sampled_from(Kind), st.just(2024),
    comparator=st.none() | st.sampled_from(Comparator), value=st.none() | numbers,
    value_max=st.none() | numbers, unit=st.sampled_from([None, "%", "亿元", "百分点", "个", "‰"]),
    deadline=st.none() | st.dates(date(2024, 1, 1), date(2024, 12, 31)), baseline=st.none() | numbers,
    profile=st.none() | st.tuples(*[st.floats(0, 3)] * 12), decrease=st.booleans(),
    condition=st.sampled_from([None, "与经济增长同步", "高于全省平均", "下降", "上升"]),
    better=st.none() | st.sampled_from(Better), frequency=st.sampled_from([None, "month", "quarter", "year"]))
periods = st.one_of(st.builds(lambda last: Period(2024, 1, last), st.integers(1, 12)),
                    st.builds(lambda m: Period(2024, m, m), st.integers(1, 12)),
                    st.builds(lambda q: Period(2024, 3 * q - 2, 3 * q), st.integers(1, 4)),
                    st.just(Period(2023, 1, 12)))
figures = st.lists(st.builds(Observation, periods, numbers, st.booleans(), st.none() | numbers), max_size=8)
days = st.dates(date(2023, 12, 1), date(2025, 2, 1))
rules = st.sampled_from([Rules(), Rules(at_risk_band=10, tolerance=0.5, about_band=-0.0), Rules(grace_band=2)])


def spoken(a: Assessment) -> tuple[object, ...]:
    """Everything an assessment says, its reason in Chinese and in (pretend) English."""
    assert isinstance(a.reason, Words)
    return (*dataclasses.astuple(a), a.reason.said(lambda t: "EN:" + t))


@settings(max_examples=60)
@given(st.lists(st.tuples(goals, figures), min_size=1, max_size=5), days, rules)
def test_it_says_the_same_of_each_target_whatever_was_assessed_before(plan: list[tuple[Goal, list[Observation]]],
                                                                      on: date, rule: Rules) -> None:
    forwards = [spoken(assess(g, seen, on, rule)) for g, seen in plan]
    backwards = [spoken(assess(g, seen, on, rule)) for g, seen in reversed(plan)]
    assert forwards == backwards[::-1]


@given(goals, figures, days, rules)
def test_its_reason_is_its_words_said_again(goal: Goal, seen: list[Observation], on: date, rule: Rules) -> None:
    a = assess(goal, seen, on, rule)
    assert isinstance(a.reason, Words)
    assert a.reason.said(lambda template: template) == a.reason  # every shared part keeps its own template


def test_it_writes_minus_zero_as_it_is_even_when_zero_was_written_first() -> None:
    plus, minus = (make_goal("g", Kind.GROWTH, 2024, comparator=Comparator.AT_LEAST, value=v, unit="%")
                   for v in (0.0, -0.0))
    figure = [Observation(Period(2024, 1, 6), 1.0)]
    assert "不低于0%" in assess(plus, figure, date(2024, 7, 30)).reason
    assert "不低于-0%" in assess(minus, figure, date(2024, 7, 30)).reason


@pytest.mark.parametrize("cls", [Goal, Observation, Assessment, Submission])
def test_its_values_are_made_as_frozen_dataclasses_are(cls: type) -> None:
    fields = dataclasses.fields(cls)
    given_values = {f.name: f"{f.name}!" for f in fields}
    made = cls(**given_values)
    assert dataclasses.asdict(made) == given_values
    assert made == cls(*given_values.values()) and hash(made) == hash(cls(*given_values.values()))
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    least = cls(*(f"{f.name}!" for f in fields if f.name not in defaults))
    assert {k: getattr(least, k) for k in defaults} == defaults
    assert dataclasses.replace(made, **{fields[0].name: "other"}) != made
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(fields[0].name, "changed")
    with pytest.raises(TypeError):
        cls()
