"""How each target is doing: goals and observations and a date in, assessments out.

Pure Python: no Django, no I/O. The rules are in :mod:`luoshi.tracking.rules`,
their thresholds in :class:`Rules`, and docs/tracking.md explains them.
"""

from __future__ import annotations

from luoshi.tracking.goals import goal_from_target, make_goal
from luoshi.tracking.model import (
    STATUS_LABELS,
    Assessment,
    Better,
    Goal,
    Observation,
    Period,
    Rules,
    Status,
)
from luoshi.tracking.periods import BadPeriod, parse_period
from luoshi.tracking.rules import assess

__all__ = ["STATUS_LABELS", "Assessment", "BadPeriod", "Better", "Goal", "Observation", "Period",
           "Rules", "Status", "assess", "goal_from_target", "make_goal", "parse_period"]
