"""Reading a government work report (政府工作报告) into a structured plan.

Pure Python: no Django, no I/O. ``extract_plan(text)`` never raises; what it
could not read is reported in ``Plan.warnings``.
"""

from __future__ import annotations

from luoshi.extract.clean import paragraphs
from luoshi.extract.model import Comparator, Kind, Plan, Section, Span, Target, Task
from luoshi.extract.outline import outline
from luoshi.extract.targets import find_targets

__all__ = ["Comparator", "Kind", "Plan", "Section", "Span", "Target", "Task", "extract_plan"]


def extract_plan(text: str) -> Plan:
    """The plan stated in ``text``: title, region, year, sections, tasks and targets.

    Deterministic and linear in the length of the text. Every span indexes
    ``text`` itself. Never raises on any input.
    """
    shape = outline(paragraphs(text))
    targets = [t for block in shape.blocks for t in find_targets(block, shape.year)]
    warnings = list(shape.warnings)
    if shape.year is None:
        warnings.append("无法确定计划年份，完成时限留空")
    if not targets:
        warnings.append("没有找到任何目标")
    return Plan(text=text, title=shape.title, region=shape.region, year=shape.year,
                sections=shape.sections, targets=tuple(targets), warnings=tuple(warnings))
