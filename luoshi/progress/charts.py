"""The target chart, drawn as SVG on the server: actual against the trajectory, and the forecast.

No chart library and no script: the page stays light, prints well and works offline.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from luoshi.tracking import Assessment, Goal, Observation
from luoshi.tracking.figures import say_number
from luoshi.tracking.trajectory import elapsed_share

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    trajectory: str  # SVG points
    actual: str
    dots: list[tuple[float, float, str]]  # x, y, label
    forecast: str
    target_y: float | None
    band: tuple[float, float] | None  # top and height of the 左右 band
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    baseline_y: float
    caption: str


def target_chart(goal: Goal, observations: list[Observation], assessment: Assessment,
                 about_band: float = 0.5) -> Chart | None:
    """The chart for one goal, or None when there is nothing numeric to draw."""
    points = sorted(((o.period.last, o.value) for o in observations if o.period.year == goal.year
                     and (o.cumulative or o.period.first == 1)), key=lambda p: p[0])
    latest: dict[int, float] = dict(points)  # a revision of a month replaces it
    if goal.value is None and not latest:
        return None
    cumulative = goal.accumulates and goal.value is not None
    months = list(range(0, 13))
    if cumulative:
        assert goal.value is not None
        path = [(m, goal.value * elapsed_share(m, goal.profile)) for m in months]
    else:
        path = []
    values = [v for _, v in latest.items()] + [v for _, v in path]
    if goal.value is not None:
        values.append(goal.value)
    if assessment.forecast is not None:
        values.append(assessment.forecast)
    low = min([0.0, *values]) if cumulative else min(values) - abs(min(values)) * 0.2 - 1
    high = max(values) * 1.1 if values else 1.0
    if high <= low:
        high = low + 1

    def x(month: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * month / 12

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low))

    def line(pairs: list[tuple[float, float]]) -> str:
        return " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in pairs)

    actual = sorted(latest.items())
    forecast = ""
    if assessment.forecast is not None and actual and actual[-1][0] < 12:
        forecast = line([actual[-1], (12, assessment.forecast)])
    band = None
    if goal.value is not None and not cumulative and goal.comparator is not None and goal.comparator.value == "≈":
        band = (y(goal.value + about_band), y(goal.value - about_band) - y(goal.value + about_band))
    step = (high - low) / 4
    y_ticks = [(y(low + step * i), _short(low + step * i)) for i in range(5)]
    caption = (gettext("累计完成与序时进度（虚线为年末预计）") if cumulative else
               gettext("累计数值与目标（虚线为年末预计）"))
    months = [(x(m), gettext("%(month)s月") % {"month": m}) for m in range(1, 13)]
    return Chart(WIDTH, HEIGHT, line(path), line(actual), [(x(m), y(v), _short(v)) for m, v in actual],
                 forecast, y(goal.value) if goal.value is not None and not cumulative else
                 (y(goal.value) if goal.value is not None else None), band,
                 months, y_ticks, y(max(low, 0) if cumulative else low), caption)


def _short(v: float) -> str:
    return say_number(v, 1 if abs(v) < 1e6 else 0)
