"""Assessments as records (JSON) and as a table a person reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from luoshi.tracking.figures import say_number, say_percent
from luoshi.tracking.model import STATUS_LABELS, Assessment, Status

LIGHTS = {"green": "●绿", "yellow": "●黄", "red": "●红", "blue": "●蓝", "grey": "○灰"}


def record(a: Assessment) -> dict[str, Any]:
    """One assessment with the fields docs/tracking.md lists."""
    return {
        "id": a.goal,
        "status": a.status.value,
        "expected": _round(a.expected),
        "actual": _round(a.actual),
        "completion": _round(a.completion),
        "elapsed": _round(a.elapsed),
        "forecast": _round(a.forecast),
        "forecast_status": a.forecast_status.value if a.forecast_status else None,
        "period": str(a.period) if a.period else None,
        "margin": _round(a.margin),
        "reason": a.reason,
    }


def label(status: Status) -> str:
    """达到序时进度 (●绿): the status as a 通报 names it, with its light."""
    words, colour = STATUS_LABELS[status]
    return f"{LIGHTS[colour]} {words}"


def as_json(assessments: Iterable[Assessment]) -> str:
    return json.dumps([record(a) for a in assessments], ensure_ascii=False, indent=2) + "\n"


def as_table(assessments: Iterable[Assessment], names: dict[str, str] | None = None) -> str:
    """One block per target: code and name, light and status, the figures, the reason."""
    names = names or {}
    lines = []
    for a in assessments:
        head = f"{a.goal} {names.get(a.goal, '')}".rstrip()
        lines.append(f"{head}  {label(a.status)}")
        figures = [f"实际 {say_number(a.actual)}", f"应达 {say_number(a.expected)}",
                   f"完成率 {say_percent(a.completion)}", f"序时进度 {say_percent(a.elapsed)}"]
        if a.forecast is not None:
            verdict = STATUS_LABELS[a.forecast_status][0] if a.forecast_status else "—"
            figures.append(f"年末预计 {say_number(a.forecast)}（{verdict}）")
        lines.append("    " + " · ".join(figures))
        lines.append(f"    {a.reason}")
    return "\n".join(lines) + "\n"


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)
