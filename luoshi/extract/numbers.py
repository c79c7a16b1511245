"""Numbers and quantities as reports write them: 2700亿元, 两万亩, 5%—6%, 3.2万套(间)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}

# The magnitude words that stay in the unit as written (2700亿元 -> 2700, 亿元).
MAGNITUDES = ("万亿", "亿", "千万", "百万", "万")

BASE_UNITS = (
    "%", "‰", "个百分点", "百分点", "倍",
    "元", "美元", "欧元", "元/人", "元/吨",
    "亩", "公顷", "平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "米",
    "吨标准煤", "吨标煤", "吨", "公斤", "千克", "斤",
    "千瓦时", "千瓦", "兆瓦", "微克/立方米",
    "人次", "人", "名", "位", "户", "家", "个", "项", "列", "标箱", "件", "所", "宗",
    "条", "套(间)", "套", "间", "座", "台", "辆", "艘", "架", "张", "处", "场", "次",
    "批", "只", "头", "株", "床", "张床位", "栋", "幢", "公里", "岁", "天", "小时",
    "个工作日", "班", "趟", "部", "本",
    # more measure words of the genre: 1000万羽, 72.8万担, 5亿棒, 30万方, 100万剂, 10万载重吨
    "场次", "款", "种", "羽", "担", "棒", "方", "剂", "载重吨", "标准箱", "头只", "度", "篇", "份", "盏",
    "根", "块", "片", "对", "颗", "匹", "门", "道", "副", "孔", "眼", "口", "支", "把", "筐", "袋", "瓶",
    "桶", "罐", "箱", "包", "亩次", "万千瓦", "兆瓦时", "吉瓦", "标方", "立方", "升", "毫升",
)
# Units that count things: a number with one of these may stand before its noun
# ("组织100个以上团组"); amounts of money or area may not.
COUNT_UNITS = frozenset(("个", "家", "项", "所", "宗", "条", "座", "台", "辆", "名", "位",
                         "人", "户", "处", "场", "批", "只", "张", "部", "本", "艘", "架"))

_UNIT_RE = re.compile(
    "(?:" + "|".join(MAGNITUDES) + ")?"
    + "(?:" + "|".join(re.escape(u) for u in sorted(set(BASE_UNITS), key=len, reverse=True)) + ")"
)
# A magnitude with no measure word after it is a unit too: 带动7.9万群众 (万), 1000万以上.
_BARE_MAGNITUDE = re.compile("(?:" + "|".join(MAGNITUDES) + ")(?![0-9])")
_MAGNITUDE_ALONE = ("万亿", "亿", "万")
_THRESHOLD_VERBS = ("突破", "超过", "迈上", "跨越", "达到", "跃上", "站上", "迈过")
# A ratio is written with no unit: 城乡居民收入倍差缩小至1.86以内, 基尼系数控制在0.4.
_RATIO_BEFORE = re.compile(
    r"(?:倍差|系数|比值|收入比)(?:缩小至|缩小到|缩小为|降至|降到|降低至|控制在|保持在|稳定在|达到|为)$"
)
_LIST_JOINS = ("、", "和", "及", ",", "，")
_NUMBER_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9.])|[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+")
_RANGE_SEP = re.compile(r"(?:%|‰)?(?:-|—|–|~|至|到)+(?=[0-9])")
_MAX_DIGITS = 15


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, found at ``[start, end)`` of a cleaned string."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    chinese: bool  # written in Chinese numerals (两万亩), not digits


def chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral such as 一千二百 or 两万 or 二〇二四; None if it is not one."""
    if not text or len(text) > 16 or not any(c in _CN_DIGITS or c in _CN_SMALL for c in text):
        return None
    if all(c in _CN_DIGITS for c in text):
        if len(text) == 1:
            return _CN_DIGITS[text]
        if "两" in text or not ("〇" in text or "零" in text or len(text) >= 4):
            return None  # 三四个 means "three or four", not 34
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total = 0  # completed 亿 and 万 groups
    group = 0  # the group being read, below 万
    digit: int | None = None
    last_small = 10_000
    last_big = 10**9
    for c in text:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0:
                return None  # two digits in a row: 三四 is not a number
            digit = _CN_DIGITS[c] if _CN_DIGITS[c] != 0 else None
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_small:
                return None
            group += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
        else:
            big = _CN_BIG[c]
            group += digit or 0
            if big >= last_big or group == 0:
                return None
            total += group * big
            group, digit = 0, None
            last_small = 10_000
            last_big = big
    return total + group + (digit or 0)


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number in ``text[start:end]`` that is followed by a unit, left to right."""
    end = len(text) if end is None else end
    found = []
    pos = start
    while pos < end:
        m = _NUMBER_RE.search(text, pos, end)
        if m is None:
            break
        pos = m.end()
        q = _quantity_at(text, m, end)
        if q is not None:
            found.append(q)
            pos = q.end
    # 16.8万、2.5万和2.3万人: a magnitude alone in a list takes the unit written after the last item
    for n in range(len(found) - 2, -1, -1):
        q, after = found[n], found[n + 1]
        if (q.unit in MAGNITUDES and after.unit.startswith(q.unit) and after.unit != q.unit
                and text[q.end:after.start] in _LIST_JOINS):
            found[n] = replace(q, unit=after.unit)
    return found


def _quantity_at(text: str, m: re.Match[str], end: int) -> Quantity | None:
    raw = m.group()
    chinese = not raw[0].isascii()
    magnitude = ""
    if raw in _MAGNITUDE_ALONE and text.endswith(_THRESHOLD_VERBS, 0, m.start()):
        # 突破万亿大关: one 万亿, with no digit written
        unit_m = _UNIT_RE.match(text, m.end(), end)
        unit_end = unit_m.end() if unit_m else m.end()
        return Quantity(m.start(), unit_end, 1, None, raw + (unit_m.group() if unit_m else ""), True)
    if chinese:
        # 两万亩: the 万 belongs to the unit, as in 2万亩.
        while raw and raw[-1] in "万亿" and chinese_numeral(raw[:-1]) is not None:
            magnitude = raw[-1] + magnitude
            raw = raw[:-1]
        value = chinese_numeral(raw)
        if value is None:
            return None
        number: float = value
    else:
        digits = raw.replace(",", "")
        if len(digits) > _MAX_DIGITS:
            return None
        number = float(digits)
    pos = m.end()
    value_max = None
    sep = _RANGE_SEP.match(text, pos, end) if not chinese else None
    if sep is not None:
        second = _NUMBER_RE.match(text, sep.end(), end)
        if second is not None and second.group()[0].isascii() and len(second.group()) <= _MAX_DIGITS:
            value_max = float(second.group().replace(",", ""))
            pos = second.end()
    unit_m = _UNIT_RE.match(text, pos, end) or _BARE_MAGNITUDE.match(text, pos, end)
    if unit_m is None:
        if not chinese and _RATIO_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return Quantity(m.start(), pos, number, value_max, "", chinese)  # 收入倍差缩小至1.86
        return None
    unit = magnitude + unit_m.group()
    if magnitude and unit_m.group().startswith(MAGNITUDES):
        return None  # 两万万: not a unit anyone writes
    if value_max is not None and value_max <= number:
        value_max = None
    return Quantity(m.start(), unit_m.end(), number, value_max, unit, chinese)
