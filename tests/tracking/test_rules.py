"""Every tracking rule against examples worked by hand; dates are given, never "today"."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract.model import Comparator, Kind
from luoshi.tracking import Better, Observation, Rules, Status, assess, make_goal, parse_period

GE, GT, ABOUT, LE, EQ = (Comparator.AT_LEAST, Comparator.ABOVE, Comparator.ABOUT,
                         Comparator.AT_MOST, Comparator.REACH)
JUNE = date(2024, 6, 30)
YEAR_END = date(2024, 12, 31)


def seen(period: str, value: float, cumulative: bool = True,
         reference: float | None = None) -> Observation:
    return Observation(parse_period(period, cumulative), value, cumulative, reference)


INVESTMENT = make_goal("fai", Kind.LEVEL, 2024, comparator=EQ, value=2700, unit="亿元")


@pytest.mark.parametrize(("ytd", "status"), [
    (1620, Status.ON_TRACK),  # 60% done, 50% of the year gone
    (1350, Status.ON_TRACK),  # exactly on 序时进度
    (1080, Status.AT_RISK),  # 40%: 10 points behind
    (540, Status.AT_RISK),  # 20%: 30 points behind, the edge of yellow
    (539, Status.BEHIND),  # just past 30 points behind
    (2700, Status.ACHIEVED),  # the whole year's target done by June
])
def test_it_rates_a_cumulative_amount_against_the_share_of_the_year_gone(ytd: float,
                                                                        status: Status) -> None:
    a = assess(INVESTMENT, [seen("2024-06", ytd)], JUNE)
    assert a.status == status
    assert (a.elapsed, a.expected) == (50.0, 1350.0)
    assert a.completion == pytest.approx(ytd / 2700 * 100)


def test_it_says_how_it_reached_its_verdict() -> None:
    a = assess(INVESTMENT, [seen("2024-06", 1080)], JUNE)
    assert a.reason.startswith("2024年1-6月累计1,080亿元，为目标2,700亿元的40.0%；序时进度50.0%（6/12个月）；"
                               "落后序时进度10.0个百分点")
    assert (a.forecast, a.forecast_status) == (2160, Status.MISSED)


def test_it_follows_last_years_seasonal_profile_when_given_one() -> None:
    # last year, 12 of 20 parts of the work were done in the first four months
    goal = make_goal("fai", Kind.LEVEL, 2024, comparator=EQ, value=1200, unit="亿元",
                     profile=(3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1))
    a = assess(goal, [seen("2024-04", 500)], date(2024, 4, 30))
    assert (a.elapsed, a.expected, a.status) == (60.0, 720, Status.AT_RISK)  # 41.7% done
    assert "（按上年各月占比）" in a.reason
    linear = assess(INVESTMENT, [seen("2024-04", 2700 * 500 / 1200)], date(2024, 4, 30))
    assert linear.status == Status.ON_TRACK  # the same work is ahead of a straight line


def test_it_judges_the_year_with_the_annual_figure_and_gives_the_margin() -> None:
    a = assess(INVESTMENT, [seen("2024-06", 1620), seen("2024", 2600)], YEAR_END)
    assert (a.status, a.margin, str(a.period)) == (Status.MISSED, -100, "2024年")


def test_it_lets_a_grace_band_count_a_small_lag_as_on_track() -> None:
    a = assess(INVESTMENT, [seen("2024-06", 1215)], JUNE, Rules(grace_band=10))
    assert a.status == Status.ON_TRACK


def test_it_adds_up_figures_reported_month_by_month() -> None:
    months = [seen(f"2024-0{m}", 300, cumulative=False) for m in (1, 2, 3)]
    a = assess(INVESTMENT, months, date(2024, 3, 31))
    assert (a.actual, str(a.period), a.status) == (900, "2024年1-3月", Status.ON_TRACK)


def test_it_reads_quarters_and_lets_the_last_revision_win() -> None:
    a = assess(INVESTMENT, [seen("2024Q2", 1000), seen("2024Q2", 1400)], JUNE)
    assert (a.actual, a.status) == (1400, Status.ON_TRACK)


def test_it_ignores_figures_of_periods_that_end_after_the_date() -> None:
    a = assess(INVESTMENT, [seen("2024-05", 1200), seen("2024-07", 2000)], JUNE)
    assert (a.actual, str(a.period)) == (1200, "2024年1-5月")


def test_it_warns_when_a_cap_is_being_used_up_faster_than_the_year() -> None:
    cap = make_goal("energy", Kind.LEVEL, 2024, comparator=LE, value=1800, unit="万吨标煤")
    assert assess(cap, [seen("2024-06", 850)], JUNE).status == Status.ON_TRACK
    assert assess(cap, [seen("2024-06", 1000)], JUNE).status == Status.AT_RISK
    assert assess(cap, [seen("2024-06", 1900)], JUNE).status == Status.BEHIND
    assert assess(cap, [seen("2024", 1750)], YEAR_END).status == Status.ACHIEVED


@pytest.mark.parametrize(("comparator", "target", "ytd", "status"), [
    (GE, 10, 10.0, Status.ON_TRACK),
    (GE, 10, 9.2, Status.AT_RISK),  # 0.8 points short: within the 1-point tolerance
    (GE, 10, 8.9, Status.BEHIND),
    (GT, 10, 10.0, Status.AT_RISK),  # 突破 needs strictly more
    (ABOUT, 6, 5.5, Status.ON_TRACK),  # 左右: within half a point
    (ABOUT, 6, 7.2, Status.ON_TRACK),  # above "about" is better for growth
    (ABOUT, 6, 5.4, Status.AT_RISK),
    (ABOUT, 6, 4.4, Status.BEHIND),
    (EQ, 6, 6.0, Status.ON_TRACK),
])
def test_it_compares_growth_so_far_with_the_target_rate(comparator: Comparator, target: float,
                                                        ytd: float, status: Status) -> None:
    goal = make_goal("g", Kind.GROWTH, 2024, comparator=comparator, value=target, unit="%")
    assert assess(goal, [seen("2024-06", ytd)], JUNE).status == status


def test_it_gives_the_year_end_verdict_for_growth_with_the_margin() -> None:
    gdp = make_goal("gdp", Kind.GROWTH, 2024, comparator=ABOUT, value=6, unit="%")
    a = assess(gdp, [seen("2024", 6.3)], YEAR_END)
    assert (a.status, a.margin) == (Status.ACHIEVED, pytest.approx(0.3))
    fai = make_goal("fai", Kind.GROWTH, 2024, comparator=GE, value=10, unit="%")
    b = assess(fai, [seen("2024", 5.3)], YEAR_END)
    assert (b.status, b.margin) == (Status.MISSED, pytest.approx(-4.7))


@pytest.mark.parametrize(("latest", "status"), [(4.8, Status.ON_TRACK), (5.0, Status.ON_TRACK),
                                                (5.6, Status.AT_RISK), (6.5, Status.BEHIND)])
def test_it_reads_a_rate_with_a_ceiling_as_lower_is_better(latest: float, status: Status) -> None:
    unemployment = make_goal("u", Kind.LEVEL, 2024, comparator=LE, value=5, unit="%")
    assert not unemployment.accumulates
    assert assess(unemployment, [seen("2024-06", latest)], JUNE).status == status


def test_it_can_read_左右_strictly_when_too_high_is_as_bad_as_too_low() -> None:
    cpi = make_goal("cpi", Kind.GROWTH, 2024, comparator=ABOUT, value=3, unit="%", better=Better.CLOSER)
    assert assess(cpi, [seen("2024-06", 3.4)], JUNE).status == Status.ON_TRACK
    assert assess(cpi, [seen("2024-06", 4.0)], JUNE).status == Status.AT_RISK
    assert assess(cpi, [seen("2024", 0.2)], YEAR_END).status == Status.MISSED


def test_it_tracks_a_fall_as_negative_growth() -> None:
    energy = make_goal("e", Kind.GROWTH, 2024, comparator=EQ, value=3, unit="%", decrease=True)
    assert assess(energy, [seen("2024-06", -3.5)], JUNE).status == Status.ON_TRACK
    assert assess(energy, [seen("2024-06", -2.5)], JUNE).status == Status.AT_RISK
    assert assess(energy, [seen("2024-06", 0.5)], JUNE).status == Status.BEHIND
    cut = make_goal("c", Kind.GROWTH, 2024, comparator=GE, value=5, unit="%", decrease=True)
    assert assess(cut, [seen("2024", -5.2)], YEAR_END).status == Status.ACHIEVED


def test_it_measures_a_change_in_points_from_the_baseline() -> None:
    share = make_goal("s", Kind.CHANGE, 2024, comparator=GE, value=2, unit="百分点", baseline=50)
    a = assess(share, [seen("2024-06", 51.5)], JUNE)
    assert (a.actual, a.status) == (1.5, Status.AT_RISK)
    assert assess(share, [seen("2024", 52.1)], YEAR_END).status == Status.ACHIEVED


def test_it_compares_a_relation_with_the_other_indicator() -> None:
    incomes = make_goal("inc", Kind.RELATION, 2024, condition="与经济增长同步")
    assert incomes.comparator == ABOUT
    assert assess(incomes, [seen("2024", 5.0, reference=6.3)], YEAR_END).status == Status.MISSED
    assert assess(incomes, [seen("2024", 6.0, reference=6.3)], YEAR_END).status == Status.ACHIEVED
    loans = make_goal("loans", Kind.RELATION, 2024, condition="不低于各项贷款增速")
    assert assess(loans, [seen("2024-06", 9.8, reference=9.9)], JUNE).status == Status.AT_RISK
    no_reference = assess(incomes, [seen("2024-06", 5.0)], JUNE)
    assert no_reference.status == Status.NO_DATA


def test_it_compares_a_direction_with_the_same_period_last_year() -> None:
    accidents = make_goal("acc", Kind.DIRECTION, 2024, condition="同比下降")
    assert assess(accidents, [seen("2024-06", 80, reference=90)], JUNE).status == Status.ON_TRACK
    assert assess(accidents, [seen("2024-06", 95, reference=90)], JUNE).status == Status.BEHIND
    assert assess(accidents, [seen("2024", 170, reference=180)], YEAR_END).status == Status.ACHIEVED


MILESTONE = make_goal("m", Kind.MILESTONE, 2024, deadline=date(2024, 10, 31))


@pytest.mark.parametrize(("on", "progress", "status"), [
    (date(2024, 6, 30), None, Status.NOT_DUE),
    (date(2024, 6, 30), 0.5, Status.ON_TRACK),
    (date(2024, 10, 15), 0.8, Status.AT_RISK),  # 16 days left, inside the 30-day warning
    (date(2024, 11, 5), 0.8, Status.BEHIND),  # overdue
    (date(2024, 11, 5), None, Status.NO_DATA),  # overdue and never reported: grey, not red
    (YEAR_END, 0.9, Status.MISSED),
    (date(2024, 9, 30), 1, Status.ACHIEVED),
])
def test_it_checks_a_milestone_against_its_deadline(on: date, progress: float | None,
                                                    status: Status) -> None:
    observations = [] if progress is None else [seen("2024-06", progress)]
    assert assess(MILESTONE, observations, on).status == status


def test_it_says_not_due_before_the_first_figure_is_published_and_no_data_after() -> None:
    assert assess(INVESTMENT, [], date(2024, 2, 10)).status == Status.NOT_DUE
    assert assess(INVESTMENT, [], date(2024, 3, 1)).status == Status.NO_DATA
    annual = make_goal("a", Kind.LEVEL, 2024, value=90, unit="%", frequency="year")
    assert assess(annual, [], YEAR_END).status == Status.NOT_DUE
    assert assess(annual, [], date(2025, 1, 31)).status == Status.NO_DATA


def test_it_treats_a_range_as_reaching_its_lower_end() -> None:
    goal = make_goal("g", Kind.GROWTH, 2024, comparator=EQ, value=5, value_max=6, unit="%")
    assert assess(goal, [seen("2024", 5.4)], YEAR_END).status == Status.ACHIEVED
    assert "达到5—6" in assess(goal, [seen("2024", 4.4)], YEAR_END).reason

