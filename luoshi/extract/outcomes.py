"""Results a report states for the year before, and the plan's targets they answer.

A 政府工作报告 opens with a review of the past year (一、2024年工作回顾) full of
results: 地区生产总值增长6.3%, 新认定国家高新技术企业432家, 居全省首位,
入选国家知识产权强市建设示范城市. :func:`read_outcomes` finds them, with the words
they came from; :func:`propose_matches` pairs them with last year's targets by
indicator. Nothing here decides that a target was met: a person confirms each
pair, and a pair whose indicator or measure differs is proposed as *related*,
never as the same.

Pure Python: no Django, no I/O, never raises on any input.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from luoshi.extract.clean import Paragraph, paragraphs
from luoshi.extract.model import Comparator, Kind, Span, Target
from luoshi.extract.numbers import COUNT_UNITS, quantities
from luoshi.extract.outline import Block, outline
from luoshi.extract.targets import find_targets


class OutcomeKind(StrEnum):
    """What sort of result a statement gives."""

    GROWTH = "growth"  # 增长6.3%, 下降22.8% (decrease)
    LEVEL = "level"  # an amount, a rate or a share: 6925.5亿元, 4.3%
    CHANGE = "change"  # by an amount: 高于全省0.8个百分点
    COUNT = "count"  # things made or added: 新增省重点实验室4家
    RANK = "rank"  # a place in a ranking: 居全省首位 (1), 居全省前3 (3)
    DONE = "done"  # a yes/no result: 入选…试点, 建成…, 全部开工


KIND_LABELS = {OutcomeKind.GROWTH: "增速", OutcomeKind.LEVEL: "总量或水平", OutcomeKind.CHANGE: "变化",
               OutcomeKind.COUNT: "数量", OutcomeKind.RANK: "排名", OutcomeKind.DONE: "是否完成"}


@dataclass(frozen=True)
class Outcome:
    """One stated result. ``span`` indexes the original text; ``value`` is None for a yes/no result."""

    indicator: str
    kind: OutcomeKind
    value: float | None
    unit: str | None
    span: Span
    comparator: Comparator | None = None  # 超/突破 (>), 近/约 (≈), 以下 (<=); None: as stated
    decrease: bool = False  # 下降22.8%: the value is a fall


@dataclass(frozen=True)
class Review:
    """What :func:`read_outcomes` found: the outcomes in text order, and where the review lies."""

    text: str
    outcomes: tuple[Outcome, ...]
    span: Span | None
    warnings: tuple[str, ...] = ()

    def quote(self, outcome: Outcome) -> str:
        return self.text[outcome.span[0]:outcome.span[1]]


def read_outcomes(text: str) -> Review:
    """Every result stated in the review part of ``text`` (the part before the plan begins).

    Linear in the length of the text; never raises.
    """
    shape = outline(paragraphs(text))
    blocks = [b for b in shape.blocks if b.review]
    if not blocks:
        return Review(text, (), None, ("没有找到回顾上一年工作的部分（例如“一、2024年工作回顾”），没有读取结果",))
    found: list[Outcome] = []
    for block in blocks:
        found.extend(_outcomes_of(block))
    span = (blocks[0].paragraph.whole[0], blocks[-1].paragraph.whole[1])
    found.sort(key=lambda o: (o.span[0], o.span[1]))
    return Review(text, tuple(found), span)


# -- reading one paragraph of the review ------------------------------------------

_RANK = re.compile(
    r"(?:连续[0-9一二三四五六七八九十]+(?:个)?(?:年|个月|个季度|季度|月))?"
    r"(?:稳居|保持|位居|居|位列|列|排名|排)"
    r"(全省|全国地级市|全国|全市|全国城市|长三角)?"
    r"(?:第([0-9一二三四五六七八九十]+)(?:位|名)?|前([0-9一二三四五六七八九十]+)(?:位|名)?|(首位|第一|榜首))"
)
_TOP_N = re.compile(r"(?:入围|跻身|进入)([\u4e00-\u9fff]{2,16}?)前([0-9]+)(强|名|位)")
_DONE = re.compile(
    r"入选|获批|获评|荣获|成功创|创成|成功获评|通过[\u4e00-\u9fff]{0,8}(?:验收|评估|评审|考核)|"
    r"列入|修编|建成(?![0-9])|全部开工|全面完成|全面建成|全覆盖|实现[\u4e00-\u9fff]{0,6}零的突破"
)
_CN_NUMBER = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SUBJECT_NOISE = re.compile(r"连续[0-9一二三四五六七八九十]+(?:个)?(?:年|个月|个季度|季度|月)|均|稳定|持续|继续")
_QUOTES = str.maketrans("", "", "“”‘’\"'「」《》")
_NOUN_STOP = re.compile(r"[,;:。、]|纳入|完成|全国推广|开工|达到|保持|获|入选|建设|实现|和(?=[0-9])")
_BEFORE_COUNT = re.compile(r"(新增|新认定|新建|建成|实施|引进|培育|打造|累计|新招引)[^,;:。]{0,24}?等$")


def _outcomes_of(block: Block) -> list[Outcome]:
    """The outcomes of one review paragraph: the extractor's reading of its figures, then what
    only a review states (ranks, counts written before their noun, yes/no results)."""
    p = block.paragraph
    plain = dataclasses.replace(block, review=False, paragraph=Paragraph(_PAST.sub(_masked, p.text), p.origin))
    found = [_won(_from_target(t), p) for t in find_targets(plain, None)]
    numbers = [o for o in found if o.kind is not OutcomeKind.DONE]
    text = p.text
    for s, e in _clauses(text, "。;"):
        clauses = _clauses(text, ",:", s, e)
        for n, (cs, ce) in enumerate(clauses):
            numbers.extend(_ranks(p, cs, ce, clauses[:n], [o for o in numbers if o.kind is not OutcomeKind.RANK]))
            numbers.extend(_counts_before_nouns(p, cs, ce, numbers))
    done = [o for o in found if o.kind is OutcomeKind.DONE]
    for s, e in _clauses(text, "。;,:"):
        if not any(_overlaps(o.span, p.span(s, e)) for o in numbers + done):
            m = _DONE.search(text, s, e)
            if m is not None:
                name = text[s:e].translate(_QUOTES)
                done.append(Outcome(_strip_connectives(name), OutcomeKind.DONE, None, None, p.span(s, e)))
    return _named([*numbers, *done], p)


_GENERIC = re.compile(r"^(?:新增)?(?:总量|总数|累计|线路|开行|总规模|规模|增速|占全省|占全国|完成投资|投资)$")
_LEADING_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:完成|实现|落地|达到|新增|开通|形成|获得|持续)")


def _named(found: list[Outcome], p: Paragraph) -> list[Outcome]:
    """总量达6160家, 累计2820家, 开行2619列: a figure named by a generic word is of the thing the
    sentence is about (the figure before it, or the sentence's subject)."""
    found.sort(key=lambda o: o.span)
    out: list[Outcome] = []
    heads: dict[int, str] = {}  # outcome index -> the head a generic name was given
    text = p.text
    for o in found:
        if _GENERIC.match(o.indicator) or len(o.indicator) <= 2:
            at = p.origin.index(o.span[0]) if o.span[0] in p.origin else 0
            start = max(text.rfind(c, 0, at) for c in "。;") + 1
            before = [b for b in out if b.span[1] <= o.span[0] and b.span[0] >= p.origin[start]
                      and b.kind is not OutcomeKind.DONE]
            word = o.indicator.removeprefix("新增")
            head = None
            if before:
                last = out.index(before[-1])
                head = heads.get(last) or _MEASURE_WORDS.sub("", before[-1].indicator) or before[-1].indicator
            elif (m := _LEADING_SUBJECT.match(text, start)) is not None:
                head = m.group(1)
            if head and not _GENERIC.match(head):
                heads[len(out)] = head
                o = dataclasses.replace(o, indicator=head + word)
        out.append(o)
    return out


# The extractor passes over sentences about past years (过去一年…); in a review every sentence is.
_PAST = re.compile(r"去年|上年|过去一年|过去五年|前年|近年来|近五年|一年来")


def _masked(m: re.Match[str]) -> str:
    return "▪" * len(m.group())


def _won(o: Outcome, p: Paragraph) -> Outcome:
    """争取用地指标4.8万亩: in a plan 争取 hedges, in a review it says what was won; it stays."""
    at = p.origin.index(o.span[0]) if o.span[0] in p.origin else -1
    if at >= 0 and p.text.startswith("争取", at) and not o.indicator.startswith("争取"):
        return dataclasses.replace(o, indicator="争取" + o.indicator)
    return o


def _from_target(t: Target) -> Outcome:
    if t.kind in (Kind.MILESTONE, Kind.RELATION, Kind.DIRECTION) or t.value is None:
        return Outcome(t.indicator, OutcomeKind.DONE, None, None, t.span)
    kind = {Kind.GROWTH: OutcomeKind.GROWTH, Kind.CHANGE: OutcomeKind.CHANGE}.get(t.kind, OutcomeKind.LEVEL)
    if kind is OutcomeKind.LEVEL and t.unit in COUNT_UNITS | {"万" + u for u in COUNT_UNITS}:
        kind = OutcomeKind.COUNT
    comparator = t.comparator if t.comparator in (Comparator.ABOVE, Comparator.ABOUT, Comparator.AT_MOST) else None
    return Outcome(t.indicator, kind, float(t.value), t.unit, t.span, comparator, t.decrease)


def _clauses(text: str, seps: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    out = []
    piece = start
    for i in range(start, end):
        if text[i] in seps:
            if i > piece:
                out.append((piece, i))
            piece = i + 1
    if end > piece:
        out.append((piece, end))
    return out


def _ranks(p: Paragraph, s: int, e: int, before: list[tuple[int, int]], known: list[Outcome]) -> list[Outcome]:
    """居全省首位, 增速居全省第2, 连续10年居全国地级市首位, 入围…前50强."""
    text = p.text
    out = []
    for m in _RANK.finditer(text, s, e):
        place = m.group(2) or m.group(3)
        value = 1 if m.group(4) else _small_number(place or "")
        if value is None:
            continue
        scope = m.group(1) or ""
        item_start = max([s] + [i + 1 for i in range(s, m.start()) if text[i] == "、"])
        subject = _SUBJECT_NOISE.sub("", text[item_start:m.start()]).translate(_QUOTES)
        subject = _strip_connectives(subject)
        if len(subject) < 3:  # 增速居全省首位: the rank of the figure just stated
            stated = [o for o in known if o.span[1] <= p.origin[m.start()] and o.span[0] >= p.origin[before[0][0]]] \
                if before else [o for o in known if p.origin[s] <= o.span[1] <= p.origin[m.start()]]
            head = stated[-1].indicator if stated else ""
            subject = head + ("增速" if subject.startswith("增速") or (stated and stated[-1].kind is OutcomeKind.GROWTH)
                              else subject)
        if not subject:
            continue
        comparator = Comparator.AT_MOST if m.group(3) else None
        out.append(Outcome(f"{subject}{scope}排名", OutcomeKind.RANK, float(value), "位",
                           p.span(item_start, m.end()), comparator))
    for m in _TOP_N.finditer(text, s, e):
        out.append(Outcome(f"{m.group(1)}排名".translate(_QUOTES), OutcomeKind.RANK, float(m.group(2)),
                           m.group(3), p.span(m.start(), m.end()), Comparator.AT_MOST))
    return out


def _counts_before_nouns(p: Paragraph, s: int, e: int, known: list[Outcome]) -> list[Outcome]:
    """新增…等6个博士学位授权点, 29个重大项目纳入…, 3件作品获…: a count written before what it counts."""
    text = p.text
    out = []
    for q in quantities(text, s, e):
        if q.unit not in COUNT_UNITS or q.chinese:
            continue
        at = p.origin[q.start]
        if any(o.span[0] <= at < o.span[1] and o.value == q.value for o in known):
            continue
        if q.start > 0 and text[q.start - 1] in "第前":
            continue
        stop = _NOUN_STOP.search(text, q.end, e)
        noun = text[q.end:stop.start() if stop else e].translate(_QUOTES)
        if len(noun) < 2 or noun.startswith(("季度", "月", "年", "天", "小时")) or not all(
                "\u4e00" <= c <= "\u9fff" or c in "()（）" for c in noun):
            continue
        verb = _BEFORE_COUNT.search(text, s, q.start)
        indicator = (verb.group(1) if verb else "") + noun
        start = verb.start() if verb else q.start
        out.append(Outcome(indicator, OutcomeKind.COUNT, float(q.value), q.unit,
                           p.span(start, stop.start() if stop else e)))
    return out


def _small_number(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    if len(written) == 1:
        return _CN_NUMBER.get(written)
    if written.startswith("十") and len(written) == 2:
        return 10 + _CN_NUMBER.get(written[1], 0)
    return None


_CONNECTIVES = re.compile(r"^(?:其中|并|同时|全年|全市|一年来|我们|成功|实现)+")


def _strip_connectives(name: str) -> str:
    m = _CONNECTIVES.match(name)
    return name[m.end():] if m and m.end() < len(name) else name


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# -- matching outcomes to the plan's targets ----------------------------------------


class Fit(StrEnum):
    """How an outcome answers a target."""

    SAME = "same"  # the same indicator, measured the same way: it decides the target
    RELATED = "related"  # a close indicator, or the same one measured differently: shown, never counted


FIT_LABELS = {Fit.SAME: "同一指标", Fit.RELATED: "相关指标（不计入评定）"}


@dataclass(frozen=True)
class Promise:
    """A target of the plan, as the matcher needs it."""

    key: str  # the target's code
    indicator: str
    kind: Kind
    unit: str | None
    value: float | None
    canonical: str | None = None  # the catalogue entry the target points to


@dataclass(frozen=True)
class Match:
    outcome: Outcome
    key: str
    fit: Fit
    why: str  # in words, for the person who confirms


_MEASURE_WORDS = re.compile(r"^(?:新增|新认定|新招引|新建|建成|实施|完成|打造|培育|引进|累计|争创|争取|创成|入选|获批|"
                            r"带动|推动|全部|确保|力争|年内)+")
_RATE_UNITS = frozenset(("%", "‰", "百分点"))


def propose_matches(outcomes: Iterable[Outcome], promises: Iterable[Promise],
                    canonical: Callable[[str], str | None]) -> list[Match]:
    """The outcomes that answer each target, in the targets' order. A target gets at most one
    outcome of the same indicator and measure, and an outcome is the same-indicator answer only of
    the target(s) it is closest to; every other pairing is proposed as related (at most three per
    target). ``canonical`` maps an indicator's words to a catalogue entry, or None."""
    named = [(o, canonical(o.indicator)) for o in outcomes]
    judged: list[tuple[Promise, Outcome, Fit, float, str]] = []
    for promise in promises:
        for outcome, name in named:
            verdict = _judge(outcome, name, promise)
            if verdict is not None:
                judged.append((promise, outcome, *verdict))
    best_for_outcome: dict[int, float] = {}
    for _, outcome, fit, score, _ in judged:
        if fit is Fit.SAME:
            best_for_outcome[id(outcome)] = max(best_for_outcome.get(id(outcome), 0.0), score)
    best_for_target: dict[str, tuple[float, int]] = {}
    for promise, outcome, fit, score, _ in judged:
        if fit is Fit.SAME and score >= best_for_outcome[id(outcome)] and (
                promise.key not in best_for_target or score > best_for_target[promise.key][0]):
            best_for_target[promise.key] = (score, id(outcome))
    matches: list[Match] = []
    related: dict[str, int] = {}
    for promise, outcome, fit, score, why in judged:
        chosen = best_for_target.get(promise.key)
        if fit is Fit.SAME and chosen == (score, id(outcome)):
            matches.append(Match(outcome, promise.key, Fit.SAME, why))
            continue
        if fit is Fit.SAME:
            why = f"{why}；另有更贴近的结果或目标"
        if related.get(promise.key, 0) < 3:
            related[promise.key] = related.get(promise.key, 0) + 1
            matches.append(Match(outcome, promise.key, Fit.RELATED, why))
    return matches


def _judge(o: Outcome, o_name: str | None, t: Promise) -> tuple[Fit, float, str] | None:
    """Whether outcome ``o`` answers target ``t``: (fit, closeness, why), or None."""
    if t.canonical and o_name and t.canonical != o_name:
        return None  # two different catalogue indicators: 规上工业增加值 is not 规上工业总产值
    a, b = _core(o.indicator), _core(t.indicator)
    done = t.kind is Kind.MILESTONE
    catalogued = bool(t.canonical and t.canonical == o_name) and not done
    if min(len(a), len(b)) < 3 and not catalogued:
        return None  # 投资, 总量: too little to say what was measured
    similar = max(_similarity(a, b), _covered(b, a) if done else 0.0)
    if similar < (0.45 if done or catalogued else 0.65):
        return None
    measure = _same_measure(o, t)
    if measure is None or (not measure and not catalogued):
        return None  # another indicator measured another way: nothing to say about this target
    if catalogued:
        how = f"目录指标相同：{t.canonical}"
    elif done:
        how = f"结果复述了节点目标的名称（{similar:.0%}）"
    else:
        how = "指标名称相同" if similar == 1 else f"指标名称相近（{similar:.0%}）"
    counted = _counting(o.indicator), _counting(t.indicator)
    if counted[0] != counted[1] and not done and (o.kind is OutcomeKind.COUNT or t.kind is Kind.LEVEL) and (
            (counted[0] and counted[1]) or "新增" in counted):
        # 新增12家 does not answer 达到155家 (a stock), nor 供热管网1100公里 (a stock) 新建93公里
        words = {None: "未说明", "新增": "新增", "累计": "累计", "建设": "建设"}
        return Fit.RELATED, similar, (f"{how}，但口径不同（结果：{words[counted[0]]}，"
                                      f"目标：{words[counted[1]]}）")
    if measure and similar >= (0.6 if done else 0.5 if catalogued else 0.75):
        return Fit.SAME, similar + _closeness(o, t), how
    reason = how if measure else f"{how}，但{_measure_words(o, t)}"
    return Fit.RELATED, similar, reason


def _same_measure(o: Outcome, t: Promise) -> bool | None:
    """True when ``o`` measures what ``t`` asks for; False when it measures it differently
    (a growth for a level); None when it cannot speak to it at all (a rank, a count of other things)."""
    if t.kind is Kind.MILESTONE:
        return True if o.kind is OutcomeKind.DONE else None
    if o.kind is OutcomeKind.DONE or o.kind is OutcomeKind.RANK:
        return None
    if t.kind in (Kind.RELATION, Kind.DIRECTION):
        return o.kind is OutcomeKind.GROWTH  # 与经济增长同步, 同比下降: judged on a growth rate
    if t.kind is Kind.GROWTH:
        return o.kind is OutcomeKind.GROWTH
    if o.kind is OutcomeKind.GROWTH:
        return False
    if t.kind is Kind.CHANGE:
        return o.kind is OutcomeKind.CHANGE
    return _base_unit(o.unit) == _base_unit(t.unit)


def _measure_words(o: Outcome, t: Promise) -> str:
    if o.kind is OutcomeKind.GROWTH:
        return "结果是增速，目标是总量或水平"
    if t.kind is Kind.GROWTH:
        return "结果是总量或水平，目标是增速"
    return f"单位不同（结果{o.unit or '无'}，目标{t.unit or '无'}）"


_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4))


def _base_unit(unit: str | None) -> str:
    u = (unit or "").replace("（", "(").replace("）", ")").replace("个百分点", "百分点").replace("标准煤", "标煤")
    for word, _ in _MAGNITUDES:
        if u.startswith(word) and len(u) > len(word) and u != "万元户":
            return u[len(word):]
    return u


def scaled(value: float | None, unit: str | None) -> float | None:
    """2700亿元 -> 2.7e11: figures written with different magnitude words become comparable."""
    if value is None:
        return None
    u = (unit or "").replace("个百分点", "百分点")
    for word, factor in _MAGNITUDES:
        if u.startswith(word) and len(u) > len(word) and u != "万元户":
            return value * factor
    return value


def _closeness(o: Outcome, t: Promise) -> float:
    """A small bonus for a figure of the target's size: the result for 新增300家 is not 累计2820家."""
    a, b = scaled(o.value, o.unit), scaled(t.value, t.unit)
    if a is None or b is None or a <= 0 or b <= 0:
        return 0.0
    ratio = a / b if a < b else b / a
    return 0.1 * ratio


# Words that say how a figure is counted. 新增 and 累计 differ; 建设 (built or being built) is not 新增.
_COUNTING = (("累计", ("累计", "总量", "总数", "总规模")),
             ("新增", ("新增", "新认定", "新招引", "新建", "建成", "落地")),
             ("建设", ("建设", "争取")))
_SYNONYMS = (("份额", "比重"), ("占比", "比重"), ("出口额", "出口"), ("亡人数", "死亡人数"), ("事故数", "事故起数"),
             ("基本养老保险", "养老保险"), ("标准煤", "标煤"), ("总投资", "投资"), ("规模以上", "规上"),
             ("规模工业", "规上工业"))
_VERBS = re.compile(r"新增|新认定|新招引|新建|建成|实施|完成|打造|培育|引进|累计|争创|争取|创成|成功创|入选|获批|获评|"
                    r"带动|推动|全部|确保|力争|年内|全市|全年|参保|实质性|^建设")
_SCOPE = re.compile(r"^(?:省级|市级|国家级|国家|全国|全省|省)")


def _counting(name: str) -> str | None:
    for word, forms in _COUNTING:
        if any(f in name for f in forms):
            return word
    return None


def _core(name: str) -> str:
    """What an indicator measures, in one spelling: no quotes, no verbs of counting, synonyms folded."""
    name = re.sub(r"[\s\"'“”‘’「」《》()（）、,，。.·]", "", name)
    for word, same in _SYNONYMS:
        name = name.replace(word, same)
    return _VERBS.sub("", name) or name


def _pairs(a: str) -> list[str]:
    return [a[i:i + 2] for i in range(len(a) - 1)]


def _covered(target: str, outcome: str) -> float:
    """The share of a milestone's character pairs that a yes/no result repeats (0 for short names):
    入选…, 获批… restate the designation inside a longer sentence."""
    if bool(_SCOPE.match(target)) and not _SCOPE.match(outcome):
        target = _SCOPE.sub("", target)
    pairs = _pairs(target)
    if len(pairs) < 5:
        return 0.0
    return sum(pair in outcome for pair in pairs) / len(pairs)


def _similarity(a: str, b: str) -> float:
    """How alike two names are: the Dice coefficient of their character pairs, with a scope word
    (省级, 国家) that only one of them writes left out."""
    if bool(_SCOPE.match(a)) != bool(_SCOPE.match(b)):
        a, b = _SCOPE.sub("", a), _SCOPE.sub("", b)
    if a == b:
        return 1.0
    pa, pb = _pairs(a), _pairs(b)
    if not pa or not pb:
        return 0.0
    rest = list(pb)
    common = 0
    for pair in pa:
        if pair in rest:
            rest.remove(pair)
            common += 1
    return 2 * common / (len(pa) + len(pb))
