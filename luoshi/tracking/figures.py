"""Reported numbers, read once: what a figure may be for a goal, and why not.

Pure Python. Every way a figure reaches luoshi (the form, an upload, the API) reads
it with :func:`read_number` and checks it with :func:`check_figure`, so the same
value is refused everywhere with the same reason.
"""

from __future__ import annotations

import math
import re

from luoshi.extract.model import Kind
from luoshi.tracking.model import Goal, Period
from luoshi.tracking.words import words

LARGEST = 1e15
"""No figure a government reports comes near this (全国GDP is about 1.3e6 亿元); 1e308 is a typo or an attack."""

_SHARE_UNITS = frozenset(("%", "‰"))
_GROUPING = re.compile(r"(?<=\d)[,，](?=\d{3}(\D|$))")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


class BadFigure(ValueError):
    """Not a figure this target can have; the message (:class:`~luoshi.tracking.words.Words`) says why, in
    Chinese, for the person who typed it, and can be said in English."""


def read_number(raw: object) -> float:
    """The number in a cell or a form field: 1,234.5 and full-width digits are read; units and words are not.

    Raises :class:`BadFigure` for anything else, including ``inf``, ``nan`` and values beyond :data:`LARGEST`.
    """
    if isinstance(raw, bool):
        raise BadFigure(words("“%(raw)s”不是数字", raw=raw))
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = _GROUPING.sub("", raw.strip().translate(_FULL_WIDTH))
        if text.lower().lstrip("+-") in ("inf", "infinity", "nan"):
            raise BadFigure(words("“%(raw)s”不是有限的数值（无穷大或非数），只填实际的数字", raw=text))
        if not _NUMBER.fullmatch(text):
            raise BadFigure(words("“%(raw)s”不是数字：只填数字，不带单位和“约”“超”等字", raw=raw.strip()[:40]))
        value = float(text)
    else:
        raise BadFigure(words("“%(raw)s”不是数字", raw=str(raw)[:40]))
    if not math.isfinite(value) or abs(value) > LARGEST:
        raise BadFigure(words("“%(raw)s”超出了任何统计数的范围", raw=str(raw).strip()[:40]))
    return value


def check_figure(goal: Goal, value: float, reference: float | None = None) -> None:
    """Raise :class:`BadFigure` when ``value`` (and the ``reference`` figure) cannot be true for ``goal``.

    A growth cannot fall below −100 %, a share or rate cannot be negative, a milestone is
    done (1), not done (0) or a share of the way in between.
    """
    for name, x in ((words("数值"), value), (words("对照数"), reference)):
        if x is not None and (not math.isfinite(x) or abs(x) > LARGEST):
            raise BadFigure(words("%(name)s超出了任何统计数的范围", name=name))
    if goal.kind == Kind.MILESTONE and not 0 <= value <= 1:
        raise BadFigure(words("节点类目标只能填 1（已完成）、0（未开始）或 0 到 1 之间的进度，不能填 %(value)s",
                              value=say_number(value)))
    if goal.kind == Kind.GROWTH or (goal.kind == Kind.DIRECTION and goal.unit == "%"):
        for name, x in ((words("增速"), value), (words("对照数"), reference)):
            if x is not None and x < -100:
                raise BadFigure(words("%(name)s %(value)s%% 低于 −100%%：比上年减少不会超过全部", name=name,
                                      value=say_number(x)))
    if goal.kind == Kind.LEVEL and (goal.unit or "") in _SHARE_UNITS and value < 0:
        raise BadFigure(words("比率或占比不能为负数（填了 %(value)s%(unit)s）", value=say_number(value),
                              unit=goal.unit or ""))


def needs_reference(goal: Goal, period: Period) -> bool:
    """Whether a figure for ``goal`` and ``period`` means nothing without the figure it is compared with
    (对照数): always for a relation (高于全省平均), for a direction unless a year's figure meets a known baseline."""
    if goal.kind == Kind.RELATION:
        return True
    return goal.kind == Kind.DIRECTION and not (period.is_year and goal.baseline is not None)


def decimals(x: float, most: int = 2) -> int:
    """How many decimals ``x`` needs once rounded to ``most``: 450.0 → 0, 5.25 → 2, 719.1999999999998 → 1."""
    if most > 0 and 1e-9 * max(1.0, abs(x)) < 0.4 * 10.0 ** -most:  # the tolerance is below the last place:
        return len(f"{x:.{most}f}".rstrip("0").partition(".")[2])  # the written digits say it (every reason
    rounded = round(x, most)                                        # of every assessment comes here)
    return next(d for d in range(most + 1) if abs(round(x, d) - rounded) < 1e-9 * max(1.0, abs(x)))


def say_number(x: float | None, most: int = 2, *, fixed: bool = False, signed: bool = False) -> str:
    """A figure as luoshi writes it everywhere (pages, files, bulletins, reasons, messages): thousands
    grouped, at most ``most`` decimals and no trailing zeros (exactly ``most`` when ``fixed``), ``+``
    before a positive change when ``signed``; "—" for no figure. Never scientific notation."""
    if x is None:
        return "—"
    if not signed:  # the reasons of every target come here
        if fixed:
            return f"{x:,.{most}f}"
        if most > 0 and 1e-9 * max(1.0, abs(x)) < 0.4 * 10.0 ** -most:
            # as decimals(): written to ``most`` places, the trailing zeros are the decimals not needed
            return f"{x:,.{most}f}".rstrip("0").rstrip(".")
    places = most if fixed else decimals(x, most)
    sign = "+" if signed and round(x, places) else ""
    return f"{x:{sign},.{places}f}"


def say_percent(x: float | None) -> str:
    """A completion rate or 序时进度 in percent: one decimal, always (50.0%)."""
    return "—" if x is None else say_number(x, 1, fixed=True) + "%"
