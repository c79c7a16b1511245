"""A plan as records (the jsonl contract), as JSON, and as an outline a person reads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from luoshi.extract.model import Comparator, Kind, Plan, Target

KIND_WORDS = {
    Kind.GROWTH: "增速", Kind.LEVEL: "数值", Kind.CHANGE: "变动", Kind.RELATION: "关系",
    Kind.DIRECTION: "方向", Kind.MILESTONE: "节点",
}
_SECTION_NUMERALS = "〇一二三四五六七八九十"


def record(plan: Plan, target: Target) -> dict[str, Any]:
    """One target as the jsonl contract has it (see docs/extract.md)."""
    return {
        "section": target.section,
        "task": target.task,
        "indicator": target.indicator,
        "kind": target.kind.value,
        "comparator": target.comparator.value if target.comparator else None,
        "value": target.value,
        "value_max": target.value_max,
        "unit": target.unit,
        "deadline": target.deadline.isoformat() if target.deadline else None,
        "aspirational": target.aspirational,
        "span": list(target.span),
        "quote": plan.quote(target),
    }


def codes(plan: Plan) -> Iterator[tuple[str, Target]]:
    """Each target with its human code, section.task.n (0 for "no task"), in document order."""
    task_numbers = {(s.ordinal, t.heading): n
                    for s in plan.sections for n, t in enumerate(s.tasks, 1)}
    counters: dict[tuple[int, int], int] = {}
    for target in plan.targets:
        task = task_numbers.get((target.section, target.task or ""), 0)
        key = (target.section, task)
        counters[key] = counters.get(key, 0) + 1
        yield f"{target.section}.{task}.{counters[key]}", target


def as_jsonl(plan: Plan) -> str:
    return "".join(json.dumps(record(plan, t), ensure_ascii=False) + "\n" for t in plan.targets)


def document(plan: Plan) -> dict[str, Any]:
    """The whole plan as data: the facts a database import or a demo needs, without the text."""
    return {
        "title": plan.title,
        "region": plan.region,
        "year": plan.year,
        "sha256": hashlib.sha256(plan.text.encode("utf-8")).hexdigest(),
        "sections": [
            {"ordinal": s.ordinal, "title": s.title, "span": list(s.span),
             "tasks": [{"heading": t.heading, "span": list(t.span)} for t in s.tasks]}
            for s in plan.sections
        ],
        "targets": [{"code": code, **record(plan, t), "decrease": t.decrease, "condition": t.condition}
                    for code, t in codes(plan)],
        "warnings": list(plan.warnings),
    }


def as_json(plan: Plan) -> str:
    return json.dumps(document(plan), ensure_ascii=False, indent=2) + "\n"


def describe(target: Target) -> str:
    """The target in words, the way a breakdown table writes it: 固定资产投资增长10%以上."""
    if target.kind in (Kind.RELATION, Kind.DIRECTION, Kind.MILESTONE) or target.value is None:
        text = target.indicator + (target.condition or "")
    else:
        value = _figure(target.value)
        if target.value_max is not None:
            value += "—" + _figure(target.value_max)
        value += "个百分点" if target.unit == "百分点" else (target.unit or "")
        comparator = target.comparator or Comparator.REACH
        if target.kind == Kind.LEVEL:
            verb = ""
            shape = _LEVEL_SHAPES[comparator]
        else:
            rise, fall = ("增长", "下降") if target.kind == Kind.GROWTH else ("提高", "降低")
            verb = fall if target.decrease else rise
            shape = _CHANGE_SHAPES[comparator]
        text = target.indicator + verb + shape.format(value)
    if target.aspirational and not text.startswith(("力争", "争取", "争创")):
        text = "力争" + text
    if target.deadline:
        text += f"（{target.deadline.month}月{target.deadline.day}日前）"
    return text


_LEVEL_SHAPES = {
    Comparator.AT_LEAST: "{}以上", Comparator.ABOVE: "突破{}", Comparator.ABOUT: "{}左右",
    Comparator.AT_MOST: "控制在{}以内", Comparator.REACH: "达到{}",
}
_CHANGE_SHAPES = _LEVEL_SHAPES | {Comparator.ABOVE: "超过{}", Comparator.REACH: "{}"}


def as_table(plan: Plan) -> str:
    """The plan as an outline: sections, tasks and each target with its code and words."""
    lines = [plan.title or "（未识别标题）"]
    facts = [f for f in (plan.region, f"{plan.year}年" if plan.year else None) if f]
    numeric = sum(1 for t in plan.targets if t.kind.numeric)
    tasks = sum(len(s.tasks) for s in plan.sections)
    lines.append(" · ".join([*facts, f"{len(plan.sections)}个方面", f"{tasks}项任务",
                             f"{len(plan.targets)}个目标（量化{numeric}个）"]))
    by_code = list(codes(plan))
    titles = {0: "总体要求和主要预期目标"} | {s.ordinal: s.title for s in plan.sections}
    task_names = {(s.ordinal, n): t.heading for s in plan.sections for n, t in enumerate(s.tasks, 1)}
    shown_section, shown_task = -1, -1
    for code, target in by_code:
        section, task, _ = (int(x) for x in code.split("."))
        if section != shown_section:
            lines.append("")
            lines.append(f"{_ordinal(section)} {titles.get(section, '')}")
            shown_section, shown_task = section, -1
        if task != shown_task and task:
            lines.append(f"  {section}.{task} {task_names.get((section, task), '')}")
            shown_task = task
        lines.append(f"    {code:<8} {describe(target)}   「{plan.quote(target)}」")
    for warning in plan.warnings:
        lines.append(f"注意: {warning}")
    return "\n".join(lines) + "\n"


def _figure(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e15 else str(x)


def _ordinal(n: int) -> str:
    if n <= 10:
        return f"({_SECTION_NUMERALS[n]})"
    if n < 20:
        return f"(十{_SECTION_NUMERALS[n - 10]})"
    return f"({n})"
