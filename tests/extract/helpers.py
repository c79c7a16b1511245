from __future__ import annotations

from luoshi.extract import Target, extract_plan


def targets(text: str) -> list[Target]:
    """The targets found in ``text``, checked to quote the text they came from."""
    plan = extract_plan(text)
    for t in plan.targets:
        assert 0 <= t.span[0] < t.span[1] <= len(text)
    return list(plan.targets)


def brief(t: Target) -> tuple[object, ...]:
    """A target as (indicator, kind, comparator, value, unit), the fields most tests check."""
    return (t.indicator, t.kind.value, t.comparator.value if t.comparator else None,
            t.value, t.unit)


def numeric(text: str) -> list[tuple[object, ...]]:
    return [brief(t) for t in targets(text) if t.kind.numeric]
