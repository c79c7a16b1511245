"""Reporting periods as offices write them: 2024-05, 2024Q2, 2024H1, 2024."""

from __future__ import annotations

import functools
import re

from luoshi.tracking.model import Period

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})\s*[Qq]([1-4])")
_HALF = re.compile(r"(\d{4})\s*[Hh]([12])")
_YEAR = re.compile(r"(\d{4})")


class BadPeriod(ValueError):
    """Not a period: write 2024-05 (a month), 2024Q2 (a quarter), 2024H1 (a half) or 2024 (a year)."""


@functools.lru_cache(maxsize=4096)
def parse_period(text: str, cumulative: bool = True) -> Period:
    """The months ``text`` covers; cumulative figures run from January (2024Q2 -> Jan-Jun). Read once per
    text: a case or a file repeats the same few periods for every target."""
    text = text.strip()
    if m := _MONTH.fullmatch(text):
        year, last = int(m.group(1)), int(m.group(2))
        if not 1 <= last <= 12:
            raise BadPeriod(f"{text!r}: month {last} is not 1-12")
        return Period(year, 1 if cumulative else last, last)
    if m := _QUARTER.fullmatch(text):
        year, q = int(m.group(1)), int(m.group(2))
        return Period(year, 1 if cumulative else 3 * q - 2, 3 * q)
    if m := _HALF.fullmatch(text):
        year, h = int(m.group(1)), int(m.group(2))
        return Period(year, 1 if cumulative else 6 * h - 5, 6 * h)
    if m := _YEAR.fullmatch(text):
        return Period(int(m.group(1)), 1, 12)
    raise BadPeriod(f"{text!r} is not a period: write 2024-05, 2024Q2, 2024H1 or 2024")


def canonical(text: str) -> str:
    """The one form a period is stored in: 2024-06, 2024Q2, 2024H1 or 2024.

    ``2024-6``, ``2024q2`` and ``2024 Q2`` are the same periods as ``2024-06`` and
    ``2024Q2``; anything that is not a period raises :class:`BadPeriod`.
    """
    text = text.strip()
    if m := _MONTH.fullmatch(text):
        parse_period(text)
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if m := _QUARTER.fullmatch(text):
        return f"{m.group(1)}Q{m.group(2)}"
    if m := _HALF.fullmatch(text):
        return f"{m.group(1)}H{m.group(2)}"
    if _YEAR.fullmatch(text):
        return text
    raise BadPeriod(f"{text!r} is not a period: write 2024-05, 2024Q2, 2024H1 or 2024")
