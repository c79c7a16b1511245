"""The tracking rules: a goal, its observations and a date in; an assessment with its reasons out.

Chinese offices rate progress against 序时进度, the share of the year elapsed
(research/anchors.md §5, §8). Every threshold lives in :class:`Rules`. Every
assessment says, in words, the inputs, what was expected, the gap and the rule,
so that a person can check any light by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta

from luoshi.extract.model import Comparator, Kind
from luoshi.tracking.figures import say_number, say_percent
from luoshi.tracking.model import Assessment, Better, Goal, Observation, Period, Rules, Status
from luoshi.tracking.trajectory import elapsed_share
from luoshi.tracking.words import Words, period_words, words

GE, GT, ABOUT, LE, EQ = (Comparator.AT_LEAST, Comparator.ABOVE, Comparator.ABOUT,
                         Comparator.AT_MOST, Comparator.REACH)


def _aim(comparator: Comparator, value: str) -> Words:
    """不低于800亿元, 6%左右: what the target asks, in words."""
    if comparator == GE:
        return words("不低于%(value)s", value=value)
    if comparator == GT:
        return words("高于%(value)s", value=value)
    if comparator == ABOUT:
        return words("%(value)s左右", value=value)
    if comparator == LE:
        return words("不高于%(value)s", value=value)
    return words("达到%(value)s", value=value)


def _relation_aim(comparator: Comparator) -> Words:
    if comparator == GE:
        return words("不低于对照数")
    if comparator == GT:
        return words("高于对照数")
    if comparator == ABOUT:
        return words("与对照数同步")
    if comparator == LE:
        return words("不高于对照数")
    return words("达到对照数")


DEFAULT_RULES = Rules()


def partly_met(goal: Goal, assessment: Assessment, rules: Rules = DEFAULT_RULES) -> bool:
    """A year missed by a little (部分完成): an amount that reached ``partly_share`` percent of its
    target, or a growth, rate or change short by no more than ``tolerance`` points. Milestones,
    relations and directions are met or not."""
    if assessment.status != Status.MISSED or assessment.margin is None:
        return False
    if goal.kind in (Kind.MILESTONE, Kind.RELATION, Kind.DIRECTION):
        return False
    if goal.kind == Kind.LEVEL and goal.accumulates:
        return assessment.completion is not None and rules.partly_share <= assessment.completion < 100
    return abs(assessment.margin) <= rules.tolerance


def assess(goal: Goal, observations: Iterable[Observation], on: date,
           rules: Rules = DEFAULT_RULES) -> Assessment:
    """Where ``goal`` stands on ``on``, from the figures of periods that ended by then.

    Observations of other years, or of periods ending after ``on``, are ignored;
    for one period the last observation given wins (revisions come last).
    Never raises on a goal it cannot judge: it says so in the reason.
    """
    year = goal.year
    usable = [o for o in observations if (p := o.period).year == year and p.end <= on]
    if goal.kind == Kind.MILESTONE:
        return _milestone(goal, usable, on, rules)
    figure = _figure(goal, usable)
    if figure is None:
        return _missing(goal, usable, on, rules)
    period, actual, reference = figure
    if goal.kind == Kind.LEVEL and goal.accumulates:
        return _cumulative(goal, period, actual, on, rules)
    if goal.kind == Kind.RELATION:
        if reference is None:
            return _empty(goal, on, Status.NO_DATA, period, words(
                "%(period)s有本项数值%(actual)s，但缺少对照指标的数值，无法比较", period=_period(period),
                actual=_n(actual)))
        comparator = goal.comparator or ABOUT
        return _standing(goal, period, actual, reference, comparator, on, rules, words(
            "%(period)s本项%(actual)s%(unit)s，对照指标%(reference)s", period=_period(period), actual=_n(actual),
            unit=goal.unit or "", reference=_n(reference)))
    if goal.kind == Kind.DIRECTION:
        base = reference if reference is not None else (goal.baseline if period.is_year else None)
        if base is None:
            return _empty(goal, on, Status.NO_DATA, period, words(
                "%(period)s数值%(actual)s，但缺少上年同期数，无法判断升降", period=_period(period), actual=_n(actual)))
        comparator = GE if goal.better == Better.HIGHER else LE
        return _standing(goal, period, actual, base, comparator, on, rules, words(
            "%(period)s为%(actual)s，上年同期%(base)s", period=_period(period), actual=_n(actual), base=_n(base)),
            strict=True)
    if goal.value is None:
        return _empty(goal, on, Status.NO_DATA, period, words("目标没有数值，无法比较"))
    if goal.kind == Kind.CHANGE and goal.baseline is not None:
        change = actual - goal.baseline
        return _standing(goal, period, change, goal.value, goal.comparator or EQ, on, rules, words(
            "%(period)s为%(actual)s，基期%(baseline)s，变动%(change)s个百分点", period=_period(period),
            actual=_n(actual), baseline=_n(goal.baseline), change=_n(change)))
    said = (words("%(period)s增长%(actual)s%(unit)s", period=_period(period), actual=_n(actual), unit=_unit(goal))
            if goal.kind == Kind.GROWTH else
            words("%(period)s为%(actual)s%(unit)s", period=_period(period), actual=_n(actual), unit=_unit(goal)))
    return _standing(goal, period, actual, goal.value, goal.comparator or EQ, on, rules, said)


# -- figures ---------------------------------------------------------------------


def _figure(goal: Goal, observations: list[Observation]) -> tuple[Period, float, float | None] | None:
    """The latest figure that describes the year so far: (period, value, reference), from figures of the
    goal's year."""
    if not observations:
        return None
    # One figure per period, all of the goal's year (keyed by their months: a Period hashes slowly); revisions
    # come later in the list and win.
    latest = {(o.period.first, o.period.last): o for o in observations}
    best, furthest = None, 0  # the first of the cumulative figures that reach furthest into the year
    for (first, last), o in latest.items():
        if (o.cumulative or first == 1) and (best is None or last > furthest):
            best, furthest = o, last
    if goal.kind == Kind.LEVEL and goal.accumulates:
        parts = [o for o in latest.values() if not o.cumulative and o.period.first > 1]
        summed = _sum_of_parts(parts, best) if parts else None
        if summed is not None:
            return summed
    if best is not None:
        return best.period, best.value, best.reference
    # Only figures for single months or quarters: the newest describes the period itself.
    newest = max(latest.values(), key=lambda o: o.period.last)
    return newest.period, newest.value, newest.reference


def _sum_of_parts(parts: list[Observation],
                  start: Observation | None) -> tuple[Period, float, float | None] | None:
    """Year-to-date from figures of separate months or quarters, added up while they run on."""
    total = start.value if start else 0.0
    last = start.period.last if start else 0
    year = start.period.year if start else (parts[0].period.year if parts else 0)
    joined = False
    for part in sorted(parts, key=lambda o: o.period.first):
        if part.period.first == last + 1:
            total += part.value
            last = part.period.last
            joined = True
    if not joined:
        return None
    return Period(year, 1, last), total, None


def _missing(goal: Goal, observations: list[Observation], on: date, rules: Rules) -> Assessment:
    due, not_due, no_data = _first_due(goal.year, goal.frequency or "month", rules.publication_lag_days)
    if on < due:
        return _empty(goal, on, Status.NOT_DUE, None, not_due)
    return _empty(goal, on, Status.NO_DATA, None, no_data)


@functools.lru_cache(maxsize=256)
def _first_due(year: int, frequency: str, lag_days: int) -> tuple[date, Words, Words]:
    """When the first figure of ``year`` reported at ``frequency`` is due, and what is said of a target
    without one before then and after (the same for every such target of a plan)."""
    first_end = {"quarter": date(year, 3, 31), "year": date(year, 12, 31)}.get(frequency, date(year, 1, 31))
    due = first_end + timedelta(days=lag_days)
    said = {"quarter": words("季度"), "year": words("年度")}.get(frequency, words("月度"))
    return (due, words("首个%(frequency)s数据应于%(due)s前后发布，尚未到报送期", frequency=said, due=due.isoformat()),
            words("数据应于%(due)s前后发布，至今没有报送", due=due.isoformat()))


# -- the rules by kind ------------------------------------------------------------


def _cumulative(goal: Goal, period: Period, actual: float, on: date, rules: Rules) -> Assessment:
    """Amounts and counts that build up over the year, rated against 序时进度."""
    target = goal.value
    if target is None or target == 0:
        return _empty(goal, on, Status.NO_DATA, period, words("目标值为空或为零，无法计算完成率"))
    share = elapsed_share(period.last, goal.profile)
    elapsed = share * 100
    completion = actual / target * 100
    expected = target * share
    final = period.is_year
    comparator = goal.comparator or EQ
    lower = comparator == LE or goal.better == Better.LOWER
    months = words("（按上年各月占比）") if goal.profile else _months(period.last)
    target_said = _known(target)
    done = words("%(period)s累计%(actual)s%(unit)s，为目标%(target)s%(unit)s的%(completion)s", period=_period(period),
                 actual=_n(actual), unit=goal.unit or "", target=target_said, completion=say_percent(completion))
    basis = words("%(done)s；序时进度%(elapsed)s%(months)s", done=done, months=months,
                  elapsed=_linear_elapsed(period.last) if goal.profile is None else say_percent(elapsed))
    forecast = actual / share if share > 0 else None
    forecast_status = None
    if forecast is not None:
        forecast_status = Status.ACHIEVED if _meets(forecast, target, comparator, goal, rules) else Status.MISSED
    met = _meets(actual, target, comparator, goal, rules)
    if final or (met and not lower):
        status = Status.ACHIEVED if met else Status.MISSED
        reason = words("%(basis)s。全年已完成目标（%(aim)s），差额%(margin)s" if met else
                       "%(basis)s。全年未完成目标（%(aim)s），差额%(margin)s",
                       basis=basis, aim=_said_aim(comparator, target_said), margin=_n(actual - target))
        return Assessment(goal.id, on, status, expected, actual, completion, elapsed, forecast,
                          forecast_status, reason, period, actual - target if final else None)
    if lower:
        gap = completion - elapsed  # spending faster than the year is a risk for a cap
        pace = (words("超出序时进度%(gap)s个百分点", gap=_points(gap)) if gap > 0 else
                words("低于序时进度%(gap)s个百分点", gap=_points(-gap)))
    else:
        gap = elapsed - completion
        pace = (words("落后序时进度%(gap)s个百分点", gap=_points(gap)) if gap > 0 else
                words("超序时进度%(gap)s个百分点", gap=_points(-gap)))
    if lower and actual > target:
        status = Status.BEHIND
    elif gap <= rules.grace_band:
        status = Status.ON_TRACK
    elif gap <= rules.at_risk_band:
        status = Status.AT_RISK
    else:
        status = Status.BEHIND
    reason = words("%(basis)s；%(pace)s。规则：%(rule)s", basis=basis, pace=pace,
                   rule=_cumulative_rule(_known(rules.at_risk_band)))
    return Assessment(goal.id, on, status, expected, actual, completion, elapsed, forecast,
                      forecast_status, reason, period)


def _standing(goal: Goal, period: Period, actual: float, target: float, comparator: Comparator,
              on: date, rules: Rules, basis: Words, strict: bool = False) -> Assessment:
    """Growth rates, rates and shares, changes, relations, directions: the latest figure as it stands."""
    final = period.is_year
    met = _meets(actual, target, comparator, goal, rules, strict)
    elapsed = elapsed_share(period.last, None) * 100
    completion = actual / target * 100 if target else None
    if goal.kind in (Kind.RELATION, Kind.DIRECTION):
        aim = _compared_aim(comparator, _known(rules.about_band) if comparator == ABOUT else "")
    else:
        value = _known(target) + (f"—{_known(goal.value_max)}" if goal.value_max is not None else "")
        aim = _unit_aim(comparator, value, goal.unit)
    if final:
        status = Status.ACHIEVED if met else Status.MISSED
        reason = words("%(basis)s；目标%(aim)s。全年已完成，差额%(margin)s" if met else
                       "%(basis)s；目标%(aim)s。全年未完成，差额%(margin)s",
                       basis=basis, aim=aim, margin=_n(actual - target))
        return Assessment(goal.id, on, status, target, actual, completion, elapsed, actual,
                          status, reason, period, actual - target)
    shortfall = _shortfall(actual, target, comparator, goal, rules)
    tolerance = _known(rules.tolerance)
    rule = _standing_rule(tolerance)
    if met:
        status, gap = Status.ON_TRACK, words("符合目标要求")
    elif strict:
        status, gap = Status.BEHIND, words("方向与目标相反")
    elif shortfall <= rules.tolerance:
        status, gap = Status.AT_RISK, words("差%(gap)s个百分点，在容差%(tolerance)s以内", gap=_n(shortfall),
                                            tolerance=tolerance)
    else:
        status, gap = Status.BEHIND, words("差%(gap)s个百分点，超过容差%(tolerance)s", gap=_n(shortfall),
                                           tolerance=tolerance)
    reason = words("%(basis)s；目标%(aim)s；%(gap)s。规则：%(rule)s", basis=basis, aim=aim, gap=gap, rule=rule)
    forecast_status = Status.ACHIEVED if met else Status.MISSED
    return Assessment(goal.id, on, status, target, actual, completion, elapsed, actual,
                      forecast_status, reason, period)


def _milestone(goal: Goal, observations: list[Observation], on: date, rules: Rules) -> Assessment:
    """Done or not done by the deadline (year end when none); overdue is behind."""
    deadline = goal.deadline or date(goal.year, 12, 31)
    latest = max(observations, key=lambda o: o.period.last, default=None)
    elapsed = elapsed_share(on.month if on.year == goal.year else 12, None) * 100
    year_over = on >= date(goal.year, 12, 31)
    if latest is not None and latest.value >= 1:
        return Assessment(goal.id, on, Status.ACHIEVED, 1, 1, 100, elapsed, 1, Status.ACHIEVED,
                          _reported_done(latest.period, deadline), latest.period)
    if latest is None:
        status = Status.NO_DATA if on > deadline else Status.NOT_DUE
        return _empty(goal, on, status, None, _unreported(on > deadline, deadline))
    done = words("%(period)s报告尚未完成（进度%(progress)s%%）", period=_period(latest.period),
                 progress=say_number(latest.value * 100, 0))
    if on > deadline:
        status = Status.MISSED if year_over else Status.BEHIND
        said = words("已超过时限%(days)s天", days=(on - deadline).days)
    elif (deadline - on).days <= rules.warning_days:
        status, said = Status.AT_RISK, words("距时限仅%(days)s天（提醒期%(warning)s天）", days=(deadline - on).days,
                                            warning=rules.warning_days)
    else:
        status, said = Status.ON_TRACK, words("距时限还有%(days)s天", days=(deadline - on).days)
    return Assessment(goal.id, on, status, 1, latest.value, latest.value * 100, elapsed, None, None, words(
        "%(done)s；时限%(deadline)s，%(said)s", done=done, deadline=deadline.isoformat(), said=said), latest.period)


@functools.lru_cache(maxsize=1024)
def _reported_done(period: Period, deadline: date) -> Words:
    return words("%(period)s报告已完成；时限%(deadline)s", period=_period(period), deadline=deadline.isoformat())


@functools.lru_cache(maxsize=1024)
def _unreported(overdue: bool, deadline: date) -> Words:
    said = words("已过时限，未报告完成情况") if overdue else words("未报告进展，时限未到")
    return words("%(said)s（时限%(deadline)s）", said=said, deadline=deadline.isoformat())


# -- comparisons ------------------------------------------------------------------


def _direction(comparator: Comparator, goal: Goal) -> Better:
    if comparator in (GE, GT):
        return Better.HIGHER
    if comparator == LE:
        return Better.LOWER
    return goal.better


def _meets(actual: float, target: float, comparator: Comparator, goal: Goal, rules: Rules,
           strict: bool = False) -> bool:
    """Whether ``actual`` meets ``target`` under the comparator; = and ≈ in the good direction."""
    if comparator == GT:
        return actual > target
    if comparator == GE:
        return actual > target if strict else actual >= target
    if comparator == LE:
        return actual < target if strict else actual <= target
    better = _direction(comparator, goal)
    band = rules.about_band if comparator == ABOUT else 0.0
    if better == Better.CLOSER:
        return abs(actual - target) <= band + 1e-9
    if better == Better.LOWER:
        return actual <= target + band + 1e-9
    return actual >= target - band - 1e-9


def _shortfall(actual: float, target: float, comparator: Comparator, goal: Goal, rules: Rules) -> float:
    """How far ``actual`` is on the wrong side of what would meet the target (0 when it meets)."""
    band = rules.about_band if comparator == ABOUT else 0.0
    better = _direction(comparator, goal)
    if better == Better.CLOSER:
        return max(0.0, abs(actual - target) - band)
    if better == Better.LOWER:
        return max(0.0, actual - target - band)
    return max(0.0, target - band - actual)


def _empty(goal: Goal, on: date, status: Status, period: Period | None, reason: Words) -> Assessment:
    elapsed = elapsed_share(on.month if on.year == goal.year else (12 if on.year > goal.year else 0))
    return Assessment(goal.id, on, status, None, None, None, elapsed * 100, None, None, reason, period)


_n = say_number


def _known(x: float) -> str:
    """A number that many targets share (a target's value, a rule's threshold), written once. Zero is not
    kept: 0.0 and -0.0 are equal keys but are written "0" and "-0"."""
    return _kept_number(x) if x else say_number(x)


@functools.lru_cache(maxsize=4096)
def _kept_number(x: float) -> str:
    return say_number(x)


@functools.lru_cache(maxsize=64)
def _linear_elapsed(month: int) -> str:
    """序时进度 at the end of ``month`` in a year without a profile, as the reasons write it (50.0%)."""
    return say_percent(elapsed_share(month) * 100)


def _points(gap: float) -> str:
    return say_number(gap, 1, fixed=True)


def _unit(goal: Goal) -> str | Words:
    return _unit_said(goal.unit)


def _unit_said(unit: str | None) -> str | Words:
    return words("个百分点") if unit == "百分点" else (unit or "")


# Words that many targets of a plan share, made once. Keyed by what they say (plain str), never by a
# number: 0.0 and -0.0 are equal keys but are written "0" and "-0".


@functools.lru_cache(maxsize=4096)
def _said_aim(comparator: Comparator, value: str) -> Words:
    return _aim(comparator, value)


@functools.lru_cache(maxsize=4096)
def _unit_aim(comparator: Comparator, value: str, unit: str | None) -> Words:
    return _aim(comparator, words("%(value)s%(unit)s", value=value, unit=_unit_said(unit)))


@functools.lru_cache(maxsize=64)
def _compared_aim(comparator: Comparator, band: str) -> Words:
    """A relation's or direction's aim; ``band`` is the about band as written, for ≈ only."""
    aim = _relation_aim(comparator)
    return words("%(aim)s（±%(band)s）", aim=aim, band=band) if comparator == ABOUT else aim


@functools.lru_cache(maxsize=64)
def _months(last: int) -> Words:
    return words("（%(months)s/12个月）", months=last)


@functools.lru_cache(maxsize=64)
def _cumulative_rule(band: str) -> Words:
    return words("累计完成率不低于序时进度为达到序时进度，落后%(band)s个百分点以内为略低于序时进度，更多为滞后",
                 band=band)


@functools.lru_cache(maxsize=64)
def _standing_rule(tolerance: str) -> Words:
    return words("按最新累计数与目标比较，未达目标%(tolerance)s个百分点以内为略低，更多为滞后；全年按当前水平预计",
                 tolerance=tolerance)


_period = period_words
