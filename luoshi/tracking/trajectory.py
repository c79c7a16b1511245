"""序时进度: how much of a year's target should be done by the end of a month."""

from __future__ import annotations

from collections.abc import Sequence


def elapsed_share(month: int, profile: Sequence[float] | None = None) -> float:
    """The share (0..1) of the year's work expected by the end of ``month``.

    Linear (month / 12) unless ``profile`` gives twelve monthly weights, such as
    last year's monthly shares, in which case it is their cumulative share.
    """
    month = max(0, min(12, month))
    if profile is None or len(profile) != 12 or sum(profile) <= 0 or min(profile) < 0:
        return month / 12
    return sum(profile[:month]) / sum(profile)
