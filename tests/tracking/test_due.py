"""The reporting calendar's rules, by hand: due dates, states as of a day, 报送及时率."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.tracking.due import (
    DueState,
    Rule,
    Schedule,
    Submission,
    Tally,
    Timeliness,
    due_date,
    period_ends,
    period_label,
    schedule_for,
    standing,
    state_of,
    timeliness_of,
)


def test_it_makes_a_month_due_by_the_tenth_of_the_next() -> None:
    assert due_date(2024, 6, Schedule()) == date(2024, 7, 10)
    assert due_date(2024, 12, Schedule()) == date(2025, 1, 10)


def test_it_takes_a_day_past_a_months_end_as_its_last_day() -> None:
    assert due_date(2024, 1, Schedule(due_day=31)) == date(2024, 2, 29)
    assert due_date(2024, 3, Schedule("quarter", 31, 1)) == date(2024, 4, 30)
    assert due_date(2024, 12, Schedule("year", 20, 2)) == date(2025, 2, 20)
    assert due_date(2024, 6, Schedule(due_day=25, lag_months=0)) == date(2024, 6, 25)


def test_it_names_periods_as_the_form_writes_them() -> None:
    assert period_ends(2024, "quarter") == [3, 6, 9, 12]
    assert [period_label(2024, m, f) for m, f in ((6, "month"), (6, "quarter"), (12, "year"))] == [
        "2024-06", "2024Q2", "2024"]


def test_it_takes_the_nearest_rule_and_never_reports_more_often_than_published() -> None:
    assert schedule_for(None) == Schedule("month", 10, 1)
    assert schedule_for("quarter") == Schedule("quarter", 10, 1)
    assert schedule_for("month", plan=Rule("quarter", 15)) == Schedule("quarter", 15, 1)
    assert schedule_for("year", plan=Rule("quarter")) == Schedule("year", 10, 1)
    # a rule for the indicator or the target says exactly what the office wants
    assert schedule_for("quarter", plan=Rule(due_day=15), indicator=Rule("month")) == Schedule("month", 15, 1)
    assert schedule_for("month", plan=Rule(due_day=15), indicator=Rule(due_day=20),
                        target=Rule(due_day=5, lag_months=2)) == Schedule("month", 5, 2)


def test_it_refuses_an_impossible_schedule() -> None:
    with pytest.raises(ValueError, match="due day 32"):
        Schedule(due_day=32)
    with pytest.raises(ValueError, match="weekly"):
        Schedule("weekly")


DUE = date(2024, 7, 10)


@pytest.mark.parametrize(("on", "expected"), [
    (date(2024, 7, 6), DueState.NOT_YET_DUE),
    (date(2024, 7, 7), DueState.DUE_SOON),
    (date(2024, 7, 10), DueState.DUE_SOON),
    (date(2024, 7, 11), DueState.OVERDUE),
])
def test_it_moves_an_unreported_item_from_not_yet_due_to_overdue(on: date, expected: DueState) -> None:
    assert state_of(DUE, None, False, on, soon_days=3) == expected


def test_it_tells_on_time_from_late_and_approved() -> None:
    assert state_of(DUE, date(2024, 7, 10), False, date(2024, 7, 20)) == DueState.SUBMITTED_ON_TIME
    assert state_of(DUE, date(2024, 7, 11), False, date(2024, 7, 20)) == DueState.SUBMITTED_LATE
    assert state_of(DUE, date(2024, 7, 11), True, date(2024, 7, 20)) == DueState.APPROVED


def test_it_reads_submissions_as_they_stood_on_the_day() -> None:
    figures = [Submission(date(2024, 7, 5), "returned", date(2024, 7, 6)),
               Submission(date(2024, 7, 12), "approved", date(2024, 7, 14))]
    assert standing(figures, date(2024, 7, 5)) == (date(2024, 7, 5), False, False)  # not yet returned
    assert standing(figures, date(2024, 7, 8)) == (None, False, True)  # returned, nothing since
    assert standing(figures, date(2024, 7, 13)) == (date(2024, 7, 12), False, False)  # waiting for approval
    assert standing(figures, date(2024, 7, 14)) == (date(2024, 7, 12), True, False)
    assert standing([Submission(date(2024, 7, 5), "withdrawn")], date(2024, 7, 20)) == (None, False, False)
    assert standing([Submission(date(2024, 7, 5), "approved")], date(2024, 7, 5)) == (date(2024, 7, 5), True, False)


def test_it_keeps_the_first_day_of_a_figure_its_reporter_corrected() -> None:
    corrected = [Submission(date(2024, 7, 9), "replaced"), Submission(date(2024, 7, 12), "submitted")]
    assert standing(corrected, date(2024, 7, 20)) == (date(2024, 7, 9), False, False)
    corrected_then_returned = [Submission(date(2024, 7, 9), "replaced"),
                               Submission(date(2024, 7, 12), "returned", date(2024, 7, 13))]
    assert standing(corrected_then_returned, date(2024, 7, 20)) == (None, False, True)


def test_it_counts_an_item_for_timeliness_only_once_its_due_day_is_over() -> None:
    assert timeliness_of(DUE, date(2024, 7, 1), date(2024, 7, 10)) is None
    assert timeliness_of(DUE, date(2024, 7, 1), date(2024, 7, 11)) == Timeliness.ON_TIME
    assert timeliness_of(DUE, date(2024, 7, 12), date(2024, 7, 20)) == Timeliness.LATE
    assert timeliness_of(DUE, date(2024, 7, 12), date(2024, 7, 11)) == Timeliness.MISSING
    assert timeliness_of(DUE, None, date(2024, 7, 11)) == Timeliness.MISSING


def test_it_writes_a_tally_as_the_bulletin_does() -> None:
    tally = Tally()
    for t in (Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING, None):
        tally.add(t)
    assert (tally.due, tally.rate) == (4, 50.0)
    assert tally.words() == "应报4项：按时2项、逾期1项、未报1项，及时率50.0%"
    assert Tally().rate is None and Tally().words() == "尚无到期报送"


@given(st.integers(2000, 2100), st.integers(1, 12), st.sampled_from(["month", "quarter", "year"]),
       st.integers(1, 31), st.integers(0, 12))
def test_it_never_makes_a_figure_due_before_its_periods_last_month(
        year: int, month: int, frequency: str, day: int, lag: int) -> None:
    due = due_date(year, month, Schedule(frequency, day, lag))
    assert (due.year, due.month) >= (year, month)
    assert (due.year - year) * 12 + due.month - month == lag
