"""The tracking rules: a goal, its observations and a date in; an assessment with its reasons out.

Chinese offices rate progress against 序时进度, the share of the year elapsed
(research/anchors.md §5, §8). Every threshold lives in :class:`Rules`. Every
assessment says, in words, the inputs, what was expected, the gap and the rule,
so that a person can check any light by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from luoshi.extract.model import Comparator, Kind
from luoshi.tracking.model import Assessment, Better, Goal, Observation, Period, Rules, Status
from luoshi.tracking.trajectory import elapsed_share

GE, GT, ABOUT, LE, EQ = (Comparator.AT_LEAST, Comparator.ABOVE, Comparator.ABOUT,
                         Comparator.AT_MOST, Comparator.REACH)
_WORDS = {GE: "不低于", GT: "高于", ABOUT: "左右", LE: "不高于", EQ: "达到"}
_RELATION_WORDS = {GE: "不低于对照数", GT: "高于对照数", ABOUT: "与对照数同步", LE: "不高于对照数",
                   EQ: "达到对照数"}
_BAND_RULE = "累计完成率不低于序时进度为达到序时进度，落后{band}个百分点以内为略低于序时进度，更多为滞后"


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
    usable = [o for o in observations if o.period.year == goal.year and o.period.end <= on]
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
            return _empty(goal, on, Status.NO_DATA, period,
                          f"{period}有本项数值{_n(actual)}，但缺少对照指标的数值，无法比较")
        comparator = goal.comparator or ABOUT
        return _standing(goal, period, actual, reference, comparator, on, rules,
                         f"{period}本项{_n(actual)}{goal.unit or ''}，对照指标{_n(reference)}")
    if goal.kind == Kind.DIRECTION:
        base = reference if reference is not None else (goal.baseline if period.is_year else None)
        if base is None:
            return _empty(goal, on, Status.NO_DATA, period,
                          f"{period}数值{_n(actual)}，但缺少上年同期数，无法判断升降")
        comparator = GE if goal.better == Better.HIGHER else LE
        return _standing(goal, period, actual, base, comparator, on, rules,
                         f"{period}为{_n(actual)}，上年同期{_n(base)}", strict=True)
    if goal.value is None:
        return _empty(goal, on, Status.NO_DATA, period, "目标没有数值，无法比较")
    if goal.kind == Kind.CHANGE and goal.baseline is not None:
        change = actual - goal.baseline
        return _standing(goal, period, change, goal.value, goal.comparator or EQ, on, rules,
                         f"{period}为{_n(actual)}，基期{_n(goal.baseline)}，变动{_n(change)}个百分点")
    return _standing(goal, period, actual, goal.value, goal.comparator or EQ, on, rules,
                     f"{period}{'增长' if goal.kind == Kind.GROWTH else '为'}{_n(actual)}{_unit(goal)}")


# -- figures ---------------------------------------------------------------------


def _figure(goal: Goal, observations: list[Observation]) -> tuple[Period, float, float | None] | None:
    """The latest figure that describes the year so far: (period, value, reference)."""
    if not observations:
        return None
    latest: dict[Period, Observation] = {}
    for o in observations:
        latest[o.period] = o  # revisions come later in the list and win
    cumulative = [o for p, o in latest.items() if o.cumulative or p.first == 1]
    best = max(cumulative, key=lambda o: o.period.last, default=None)
    if goal.kind == Kind.LEVEL and goal.accumulates:
        summed = _sum_of_parts([o for o in latest.values() if not o.cumulative and o.period.first > 1],
                               best)
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
    first_end = {"quarter": date(goal.year, 3, 31), "year": date(goal.year, 12, 31)}.get(
        goal.frequency or "month", date(goal.year, 1, 31))
    due = first_end + timedelta(days=rules.publication_lag_days)
    if on < due:
        return _empty(goal, on, Status.NOT_DUE, None,
                      f"首个{_FREQUENCY_WORDS.get(goal.frequency or 'month', '月度')}数据应于"
                      f"{due.isoformat()}前后发布，尚未到报送期")
    return _empty(goal, on, Status.NO_DATA, None, f"数据应于{due.isoformat()}前后发布，至今没有报送")


_FREQUENCY_WORDS = {"month": "月度", "quarter": "季度", "year": "年度"}


# -- the rules by kind ------------------------------------------------------------


def _cumulative(goal: Goal, period: Period, actual: float, on: date, rules: Rules) -> Assessment:
    """Amounts and counts that build up over the year, rated against 序时进度."""
    target = goal.value
    if target is None or target == 0:
        return _empty(goal, on, Status.NO_DATA, period, "目标值为空或为零，无法计算完成率")
    share = elapsed_share(period.last, goal.profile)
    elapsed = share * 100
    completion = actual / target * 100
    expected = target * share
    final = period.is_year
    comparator = goal.comparator or EQ
    lower = comparator == LE or goal.better == Better.LOWER
    basis = (f"{period}累计{_n(actual)}{goal.unit or ''}，为目标{_n(target)}{goal.unit or ''}的"
             f"{completion:.1f}%；序时进度{elapsed:.1f}%"
             + ("（按上年各月占比）" if goal.profile else f"（{period.last}/12个月）"))
    forecast = actual / share if share > 0 else None
    forecast_status = None
    if forecast is not None:
        forecast_status = Status.ACHIEVED if _meets(forecast, target, comparator, goal, rules) else Status.MISSED
    if final or (_meets(actual, target, comparator, goal, rules) and not lower):
        met = _meets(actual, target, comparator, goal, rules)
        status = Status.ACHIEVED if met else Status.MISSED
        verdict = "已完成目标" if met else "未完成目标"
        reason = f"{basis}。全年{verdict}（{_WORDS[comparator]}{_n(target)}），差额{_n(actual - target)}"
        return Assessment(goal.id, on, status, expected, actual, completion, elapsed, forecast,
                          forecast_status, reason, period, actual - target if final else None)
    if lower:
        gap = completion - elapsed  # spending faster than the year is a risk for a cap
        words = f"超出序时进度{gap:.1f}个百分点" if gap > 0 else f"低于序时进度{-gap:.1f}个百分点"
    else:
        gap = elapsed - completion
        words = f"落后序时进度{gap:.1f}个百分点" if gap > 0 else f"超序时进度{-gap:.1f}个百分点"
    if lower and actual > target:
        status = Status.BEHIND
    elif gap <= rules.grace_band:
        status = Status.ON_TRACK
    elif gap <= rules.at_risk_band:
        status = Status.AT_RISK
    else:
        status = Status.BEHIND
    rule = _BAND_RULE.format(band=_n(rules.at_risk_band))
    reason = f"{basis}；{words}。规则：{rule}"
    return Assessment(goal.id, on, status, expected, actual, completion, elapsed, forecast,
                      forecast_status, reason, period)


def _standing(goal: Goal, period: Period, actual: float, target: float, comparator: Comparator,
              on: date, rules: Rules, basis: str, strict: bool = False) -> Assessment:
    """Growth rates, rates and shares, changes, relations, directions: the latest figure as it stands."""
    final = period.is_year
    met = _meets(actual, target, comparator, goal, rules, strict)
    elapsed = elapsed_share(period.last, None) * 100
    completion = actual / target * 100 if target else None
    if goal.kind in (Kind.RELATION, Kind.DIRECTION):
        aim = _RELATION_WORDS[comparator] + ("（±" + _n(rules.about_band) + "）" if comparator == ABOUT else "")
    else:
        value = _n(target) + (f"—{_n(goal.value_max)}" if goal.value_max is not None else "")
        aim = f"{value}{_unit(goal)}左右" if comparator == ABOUT else f"{_WORDS[comparator]}{value}{_unit(goal)}"
    if final:
        status = Status.ACHIEVED if met else Status.MISSED
        reason = f"{basis}；目标{aim}。全年{'已完成' if met else '未完成'}，差额{_n(actual - target)}"
        return Assessment(goal.id, on, status, target, actual, completion, elapsed, actual,
                          status, reason, period, actual - target)
    shortfall = _shortfall(actual, target, comparator, goal, rules)
    if met:
        status, words = Status.ON_TRACK, "符合目标要求"
    elif strict:
        status, words = Status.BEHIND, "方向与目标相反"
    elif shortfall <= rules.tolerance:
        status, words = Status.AT_RISK, f"差{_n(shortfall)}个百分点，在容差{_n(rules.tolerance)}以内"
    else:
        status, words = Status.BEHIND, f"差{_n(shortfall)}个百分点，超过容差{_n(rules.tolerance)}"
    reason = (f"{basis}；目标{aim}；{words}。规则：按最新累计数与目标比较，"
              f"未达目标{_n(rules.tolerance)}个百分点以内为略低，更多为滞后；全年按当前水平预计")
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
                          f"{latest.period}报告已完成；时限{deadline.isoformat()}", latest.period)
    if latest is None:
        status = Status.NO_DATA if on > deadline else Status.NOT_DUE
        words = "已过时限，未报告完成情况" if on > deadline else "未报告进展，时限未到"
        return _empty(goal, on, status, None, f"{words}（时限{deadline.isoformat()}）")
    done = f"{latest.period}报告尚未完成（进度{latest.value * 100:.0f}%）"
    if on > deadline:
        status = Status.MISSED if year_over else Status.BEHIND
        words = f"已超过时限{(on - deadline).days}天"
    elif (deadline - on).days <= rules.warning_days:
        status, words = Status.AT_RISK, f"距时限仅{(deadline - on).days}天（提醒期{rules.warning_days}天）"
    else:
        status, words = Status.ON_TRACK, f"距时限还有{(deadline - on).days}天"
    return Assessment(goal.id, on, status, 1, latest.value, latest.value * 100, elapsed, None, None,
                      f"{done}；时限{deadline.isoformat()}，{words}", latest.period)


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


def _empty(goal: Goal, on: date, status: Status, period: Period | None, reason: str) -> Assessment:
    elapsed = elapsed_share(on.month if on.year == goal.year else (12 if on.year > goal.year else 0))
    return Assessment(goal.id, on, status, None, None, None, elapsed * 100, None, None, reason, period)


def _n(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.4f}".rstrip("0").rstrip(".") if abs(x) < 1e12 else f"{x:.4g}"


def _unit(goal: Goal) -> str:
    return "个百分点" if goal.unit == "百分点" else (goal.unit or "")
