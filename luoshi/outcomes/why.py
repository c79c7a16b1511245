"""Why the reader matched an outcome to a target, in the page's language.

The pure reader (luoshi.extract.outcomes) says it in Chinese, from a few fixed phrases (目录指标相同：…,
指标名称相近（80%）, …，但结果是增速，目标是总量或水平, …；另有更贴近的结果或目标). Here each phrase is
said again through gettext; a reason in any other words is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext

CLOSER = "；另有更贴近的结果或目标"
Phrases = list[tuple[re.Pattern[str], Callable[[dict[str, str]], str]]]
_HOW: Phrases = [
    (re.compile(r"目录指标相同：(?P<name>.+)"), lambda m: gettext("目录指标相同：%(name)s") % m),
    (re.compile(r"结果复述了节点目标的名称（(?P<share>[\d.]+%)）"),
     lambda m: gettext("结果复述了节点目标的名称（%(share)s）") % m),
    (re.compile(r"指标名称相同"), lambda m: gettext("指标名称相同")),
    (re.compile(r"指标名称相近（(?P<share>[\d.]+%)）"), lambda m: gettext("指标名称相近（%(share)s）") % m),
]
_BUT: Phrases = [  # the 口径 words (未说明, 新增, 累计, 建设) have English in scripts/english.py
    (re.compile(r"口径不同（结果：(?P<outcome>未说明|新增|累计|建设)，目标：(?P<target>未说明|新增|累计|建设)）"),
     lambda m: gettext("口径不同（结果：%(outcome)s，目标：%(target)s）") % {
         "outcome": gettext(m["outcome"]), "target": gettext(m["target"])}),
    (re.compile(r"结果是增速，目标是总量或水平"), lambda m: gettext("结果是增速，目标是总量或水平")),
    (re.compile(r"结果是总量或水平，目标是增速"), lambda m: gettext("结果是总量或水平，目标是增速")),
    (re.compile(r"单位不同（结果(?P<outcome>.*)，目标(?P<target>.*)）"),
     lambda m: gettext("单位不同（结果%(outcome)s，目标%(target)s）") % {
         side: gettext("无") if unit == "无" else unit for side, unit in m.items()}),
]


def said(why: str) -> str:
    """``why`` in the page's language, or as it is when it is not in the reader's usual words."""
    closer = why.endswith(CLOSER)
    head, _, but = why.removesuffix(CLOSER).partition("，但")
    parts = [_say(head, _HOW)]
    if but:
        parts.append(_say(but, _BUT))
    if None in parts:
        return why
    words = parts[0] if not but else gettext("%(how)s，但%(but)s") % {"how": parts[0], "but": parts[1]}
    return words + (gettext("；另有更贴近的结果或目标") if closer else "")


def _say(text: str, phrases: Phrases) -> str | None:
    for pattern, say in phrases:
        if m := pattern.fullmatch(text):
            return say(m.groupdict())
    return None
