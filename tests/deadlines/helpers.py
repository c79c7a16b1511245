"""Figures reported on a given day, as the calendar's tests need them."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from luoshi.plans.models import Plan
from luoshi.progress.models import Observation

LOCAL = ZoneInfo("Asia/Shanghai")


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LOCAL)


def reported(plan: Plan, code: str, period: str, day: date, status: str = "approved",
             decided: date | None = None, value: float = 1.0, **kwargs: object) -> Observation:
    """A figure for ``code`` and ``period`` reported on ``day`` (and approved or returned on ``decided``)."""
    o = Observation.objects.create(target=plan.targets.get(code=code), period=period, value=value, status=status,
                                   **kwargs)
    decided = decided or (day if status != "submitted" else None)
    Observation.objects.filter(pk=o.pk).update(reported_at=at(day), reviewed_at=at(decided, 17) if decided else None)
    o.refresh_from_db()
    return o
