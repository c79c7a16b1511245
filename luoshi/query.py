"""A page's query parameters, read once and safely: whatever is typed after ``?``, a page gets a value it
can use or None — never an exception (``?unit=abc``, ``?section=²``, ``?year=0`` and 20-digit ids were 500s)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

ASCII_DIGITS = re.compile(r"[0-9]{1,9}")  # str.isdigit() accepts ² and ٣, int() does not; 9 digits fit any id column
LARGEST_ID = 2**31 - 1  # an id in a URL above this is no row of ours (and overflows SQLite's integers)


def number(params: Mapping[str, str], name: str, low: int = 0, high: int = 999_999_999) -> int | None:
    """``params[name]`` as a whole number within [low, high], else None."""
    text = (params.get(name) or "").strip()
    if not ASCII_DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def numbers(values: Iterable[str]) -> list[int]:
    """The whole numbers among ``values`` (e.g. request.POST.getlist("task")); the rest are dropped."""
    return [int(v) for v in (v.strip() for v in values) if ASCII_DIGITS.fullmatch(v)]


def choice(params: Mapping[str, str], name: str, allowed: Iterable[str]) -> str | None:
    """``params[name]`` when it is one of ``allowed``, else None."""
    text = params.get(name) or ""
    return text if text in set(allowed) else None


def day(params: Mapping[str, str], name: str) -> date | None:
    """``params[name]`` as an ISO date (2024-06-30) between the years 1900 and 2999, else None."""
    try:
        found = date.fromisoformat((params.get(name) or "").strip())
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2999 else None


def year(params: Mapping[str, str], name: str = "year") -> int | None:
    return number(params, name, 1900, 2999)
