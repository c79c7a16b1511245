"""Deadlines as reports write them: 10月底前, 6月30日前, 上半年, 三季度末, 年底前."""

from __future__ import annotations

import calendar
import re
from datetime import date

from luoshi.extract.numbers import chinese_numeral

_MONTH = r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
_ANY_DATE_WORD = re.compile(r"月|季度|半年|年中|年底|年内|年末")
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_MONTH + r"月" + r"([0-9]{1,2})日(?:前|之前|以前)"), "day"),
    (re.compile(_MONTH + r"月(?:底|末|份)(?:前|之前|以前)?"), "month-end"),
    (re.compile(_MONTH + r"月(?:前|之前|以前)"), "before-month"),
    (re.compile(r"(?:第)?([一二三四1-4])季度(?:末|底)?(?:前)?"), "quarter"),
    (re.compile(r"上半年|年中"), "half"),
    (re.compile(r"年底前|年底|年末|下半年"), "year-end"),
)


def deadline_in(clause: str, year: int | None) -> date | None:
    """The first deadline stated in ``clause``, in ``year``; None when there is none or no year.

    年内 (within the year) is no deadline: every target of the plan is for the year.
    """
    if year is None or not 1 <= year <= 9999 or not _ANY_DATE_WORD.search(clause):
        return None
    for pattern, shape in _PATTERNS:
        m = pattern.search(clause)
        if m is None:
            continue
        found = _resolve(m, shape, year)
        if found is not None:
            return found
    return None


def _resolve(m: re.Match[str], shape: str, year: int) -> date | None:
    if shape in ("half",):
        return date(year, 6, 30)
    if shape == "year-end":
        return date(year, 12, 31)
    number = _int(m.group(1))
    if number is None:
        return None
    if shape == "quarter":
        month = 3 * number if 1 <= number <= 4 else 0
        return _month_end(year, month)
    if shape == "month-end":
        return _month_end(year, number)
    if shape == "before-month":
        return _month_end(year, number - 1) if number > 1 else None
    day = _int(m.group(2))
    if day is None or not 1 <= number <= 12:
        return None
    try:
        return date(year, number, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _int(written: str) -> int | None:
    return int(written) if written.isdecimal() and written.isascii() else chinese_numeral(written)


def without_deadline(clause: str) -> str:
    """``clause`` with its deadline phrases removed: 项目10月底前全部开工 -> 项目全部开工."""
    for pattern, _ in _PATTERNS:
        clause = pattern.sub("", clause)
    return clause
