"""Targets in the statements of one paragraph.

A paragraph is read sentence by sentence (。;), clause by clause (,:) and item
by item (、). Each quantity that survives the filters for names, years, class
thresholds and past results becomes a target; its indicator, comparator and
kind come from the words around it. Clauses with no quantity may still state a
relation (与经济增长同步), a direction (同比下降) or a milestone (10月底前全部开工).

All positions here are indices into the paragraph's cleaned text; spans are
mapped back to the original only when a :class:`Target` is made.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace
from datetime import date

from luoshi.extract.dates import deadline_in, without_deadline
from luoshi.extract.model import Comparator, Kind, Target
from luoshi.extract.numbers import COUNT_UNITS, Quantity, quantities
from luoshi.extract.outline import Block

GE, GT, ABOUT, LE, EQ = (Comparator.AT_LEAST, Comparator.ABOVE, Comparator.ABOUT,
                         Comparator.AT_MOST, Comparator.REACH)

_OPENERS = {"“": "”", "《": "》", "「": "」", "(": ")", "‘": "’", "[": "]", "\"": "\""}
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_LONGEST_NAME = 40

_SUFFIX = re.compile(r"及以上|以上|以下|以内|之内|左右|上下")
_SUFFIX_COMPARATOR = {"及以上": GE, "以上": GE, "以下": LE, "以内": LE, "之内": LE,
                      "左右": ABOUT, "上下": ABOUT}

# Words that may stand between an indicator and its number, read from the
# number backwards. Each sets a comparator, a kind hint, or both.
_GROWTH, _FALL, _RISE = "growth", "fall", "rise"
_LEAD_WORDS: dict[str, tuple[Comparator | None, str | None]] = {
    "突破": (GT, None), "超过": (GT, None), "超": (GT, None), "高于": (GT, None),
    "大于": (GT, None), "多于": (GT, None), "快于": (GT, None),
    "不低于": (GE, None), "不少于": (GE, None), "至少": (GE, None), "不小于": (GE, None),
    "不下于": (GE, None), "迈上": (GE, None), "跨上": (GE, None), "站上": (GE, None), "跃上": (GE, None),
    "控制在": (LE, None), "不超过": (LE, None), "不高于": (LE, None), "低于": (LE, None),
    "少于": (LE, None), "小于": (LE, None), "降至": (LE, None), "降到": (LE, None),
    "下降到": (LE, None), "下降至": (LE, None), "降低至": (LE, None), "降低到": (LE, None),
    "缩小至": (LE, None), "缩小到": (LE, None), "缩小为": (LE, None), "压减至": (LE, None), "压减到": (LE, None),
    "达到": (EQ, None), "达": (EQ, None), "保持在": (EQ, None), "保持": (EQ, None),
    "稳定在": (EQ, None), "稳定": (EQ, None), "为": (EQ, None), "放大至": (EQ, None),
    "扩大至": (EQ, None), "扩大到": (EQ, None), "提高到": (EQ, None), "提高至": (EQ, None),
    "提升到": (EQ, None), "提升至": (EQ, None), "增加到": (EQ, None), "增至": (EQ, None),
    "增加至": (EQ, None), "力争达到": (EQ, None), "拟安排": (EQ, None), "安排": (EQ, None),
    "拟按": (EQ, None), "按": (EQ, None), "完成": (EQ, None), "实现": (EQ, None),
    # qualifiers of how a figure is counted, not part of what is counted
    "实际": (None, None),
    "按可比价计算": (None, None), "按可比价": (None, None), "可比价": (None, None), "同口径": (None, None),
    "约": (ABOUT, None), "大约": (ABOUT, None),
    "增长": (None, _GROWTH), "同比增长": (None, _GROWTH), "年均增长": (None, _GROWTH),
    "增幅": (None, _GROWTH), "增速": (None, _GROWTH), "涨幅": (None, _GROWTH),
    "增长率": (None, _GROWTH),
    "下降": (None, _FALL), "降低": (None, _FALL), "减少": (None, _FALL), "压减": (None, _FALL),
    "降幅": (None, _FALL), "削减": (None, _FALL), "同比下降": (None, _FALL),
    "提高": (None, _RISE), "提升": (None, _RISE), "增加": (None, _RISE), "扩大": (None, _RISE),
}
_LONGEST_LEAD = max(map(len, _LEAD_WORDS))
# 高于城镇1.5个百分点: a comparison with a named reference between word and number.
_AGAINST = re.compile(r"(高于|低于|快于|慢于|超过|多于|少于)([\u4e00-\u9fff]{1,6})$")

_EACH = re.compile(r"[各均](?=[^各均]{0,4}$)")
_DIGIT = re.compile(r"[0-9]")
_HEDGE = re.compile(r"力争|争取|争创|争当|努力|力求")
_FILLERS = ("力争", "争取", "争创", "确保", "力促", "尽快", "努力", "力求", "带动", "推动", "促进", "全年",
            "今年", "年内", "其中", "并且", "并", "同时", "累计", "预计", "实现", "全市",
            "全省", "全县", "全区", "进一步", "持续", "积极", "大力", "加快")
_FILLER_RE = re.compile("(?:[—\\-●•◆■□★※·]+|[一二三四五六七八九十]是|从今年起|连续[两二三四五]年|"
                        + "|".join(sorted(_FILLERS, key=len, reverse=True)) + ")+")
_ACTION_VERBS = ("新建改扩建", "新改扩建", "新开工", "新增", "新建", "建成", "实施", "培育", "打造", "完成", "续建",
                 "竣工", "投产", "完工",
                 "招引", "引进", "组织", "建设", "创建", "发放", "帮扶", "供应", "开行", "落地",
                 "改造", "开工", "培训", "扶持", "认定", "盘活", "推广", "筹集", "保障", "开展")
_CONJUNCTIONS = ("以及", "和", "及", "与")
_TRAILING_CONJUNCTION = re.compile(r"(?:以及|和|及)$")
# Verbs before a count that stands before its noun: 实施143个技改项目, 推进551项重大项目.
_COUNT_VERBS = (*_ACTION_VERBS, "推进", "加快", "抓好", "推动", "支持", "带动", "吸引", "争创", "推出", "打通",
                "提升", "改建", "共建", "提供", "筛选", "新改建", "改造提升")
_CN_NUMERALS = "一二三四五六七八九十"
_RATE_UNITS = ("%", "‰", "个百分点", "百分点")
_SUBJECT_SPLIT = re.compile("、|和|及|与")
# Verbs before an amount, an area or a capacity that stands before its noun: 安排2000万元科创基金.
_AMOUNT_VERBS = ("安排", "筹集", "筹措", "设立", "投入", "统筹", "整合", "发放", "兑现", "新增", "建设", "新建",
                 "建成", "改造", "治理", "修复", "流转", "种植", "营造", "完成")
# Money, land and lengths; a capacity before a noun (建成1500吨生产线) is part of a project's name.
_AMOUNT_UNITS = ("元", "亩", "平方米", "公顷", "平方公里", "公里", "千米")
_NOUN_END = re.compile(r"用于|专项用于|支持|投向|重点")
# Verbs after a share that stands before them: 100%达标, 90%以上集中到工业领域.
_SHARE_VERBS = ("达标", "列入", "纳入", "集中", "实现", "完成", "覆盖", "用于", "投向", "参保", "接入", "享受",
                "通过", "办结", "入驻", "落实")
_PROGRAMME = re.compile(r"[一二三四五六七八九十两]年(?:行动|计划|攻坚|工程)")
_DESCRIPTORS = frozenset(("总投资", "计划总投资", "项目总投资", "概算总投资"))
_AGGREGATES = frozenset(("总量", "总数", "总规模", "存量"))
# A count described by an amount: 抓好年度投资120亿元的76个项目, 实施总投资300亿元的50个项目.
_DESCRIBED = re.compile(
    "(?:" + "|".join(_COUNT_VERBS) + r")[^,、]{0,6}?(年度投资|当年完成投资|年度计划投资|总投资)"
    r"(?:超过|达|约)?[0-9.]+(?:万亿|亿|万)?元的$"
)
_LANDMARKS = ("大关", "台阶", "关口")
_AFTER_AMOUNT = ("安排", "支持", "用于", "专项用于", "用来", "的规模")
_NAME_NEIGHBOURS = frozenset("+-/.&_#")
_QUOTE_MARKS = str.maketrans("", "", "“”‘’\"'「」")

_MEASURABLE = re.compile(
    r"(?:收入|增幅|增速|增长|率|额|量|值|指数|价格|贷款|水平|产值|总值|比重|比例|支出|投资|数|成本|"
    r"强度|浓度|能耗|排放|面积|规模|人数|起数|件数|占比|人次|花费|排名|水位|资金|资|GDP)$"
)
_RELATION = re.compile(
    r"(?:与|同|和|跟)(?:经济增长|经济发展|地区生产总值增长|GDP增长|经济增速)(?:基本)?同步$|"
    r"(?:与|同|和|跟)[\u4e00-\u9fff]{1,14}(?:持平|保持一致|基本一致)$|(?:比|较)(?:去年|上年)翻一番$|"
    r"(?:居|保持|稳居|走在|位居|进入|位于|保持在)[\u4e00-\u9fff]{0,6}(?:前列|首位|第一方阵)$|"
    r"达到(?:全国|全省|全市)(?:平均|同类城市平均)?水平$|"
    r"(?:高于|快于|不低于)[\u4e00-\u9fff]{0,8}(?:增速|增长|投资)$|"
    r"(?:普遍|继续|持续|均|总体)?(?:高于|快于|不低于|不慢于|优于|领先于|低于|不高于)"
    r"(?:全国|全省|全市|同期|各项|经济增长|地区生产总值|GDP|城镇|平均)[\u4e00-\u9fff]{0,12}$"
)
_DIRECTION = re.compile(
    r"(?:同比|持续|逐年|稳步|进一步|明显|有所|逐步)?(?:下降|减少|降低|回落)$|稳中有降$|稳中有升$|只减不增$|"
    r"(?:保持)?(?:平稳|高速|稳定|较快|快速|稳步)增长$|稳步(?:提升|提高)$|(?:持续|稳定)(?:稳定)?回升$|"
    r"持续(?:提升|改善|向好)$|稳中向好$|(?:稳定|稳步|持续)上升$|(?:实现)?[“\"]?双下降[”\"]?$"
)
_DESIGNATION = re.compile(
    r"(争创|争当|创成|成功创建|创建成为|创建|获评|获批|入选|成功申报|争取)[^,]{2,40}?"
    r"(?:城市|中心|试点|示范区|示范市|示范县|基地|景区|园区|称号|强县|强市|名城|名镇|名村|试验区|科技园|产业园|"
    r"示范项目|资质|配额|高新区|开发区|标杆|名录)$"
)
_COMPLETION = re.compile(
    r"(?:全部|全面|基本|如期|按期|实质性)*(?:开工|完工|竣工|建成|投用|投运|投产|完成|通车|开通|启用|到位|清零|"
    r"全覆盖|实现)"
)
# Verbs that make a named object a yes/no deliverable: 建成, 开工, 投产, 投入运营, 启动, 落户…
_MILESTONE_VERB = re.compile(
    r"(?:全面|全部|基本|如期|按期|尽快|实质性)?(?:建成投产|建成投用|建成投运|建成|开工建设|开工|竣工|完工|"
    r"投产达产|投产|投入运营|开园运营|投入使用|投用|投运|具备通车条件|启动建设|启动|落户|落地建设|落地|"
    r"实现零的突破|实现零突破|零的突破|零突破)"
)
_STATED = ("完成", "先行完成", "高质量完成", "圆满完成", "全面完成")  # 完成《…规划》修改
_VERB_LAST = re.compile("(?:" + _MILESTONE_VERB.pattern + ")$")
_STANDARD = re.compile(r"全覆盖|动态清零|稳定达标|全面消除|(?:完成|编制完成)[^,;]{2,40}?(?:任务|工作|整改|行动|规划)")
_LIST_END = re.compile(r"等[\u4e00-\u9fff]{0,8}$")
_RANKED = re.compile(r"前列$|首位$|第一方阵$|持平$|翻一番$|一致$|平均水平$")
_VAGUE = re.compile(r"一批|一系列|若干|各项|相关|等工作")
_ENSURED = re.compile(
    r"(?:确保.{2,40}?(?:全覆盖|零发生|不发生|零事故|如期完成|全部完成)|清零|"
    r"通过.{0,20}?(?:验收|评估|认定|评审|考核|复核))$"
)
# A rank: 进入全省前10位, 保持全国第2位 (levels), 前进5位, 提升3个位次 (changes). The verb, then
# the ranking it is in (全省同类园区), then 前 or 第 right before the number.
# 居/排/位列 (居全省第3位) mostly report a past result: a target enters, climbs into or keeps a place.
_RANK_VERB = r"(?:进入|跻身|迈入|挺进|保持|稳居|稳定在)"
_RANK_PLACE = re.compile(_RANK_VERB + r"([\u4e00-\u9fff“”\"]{0,14}?)([前第])$")
_RANK_VERB_RE = re.compile(_RANK_VERB)
_PLACE_HEAD = re.compile(r"(?:开发区|高新区|园区|新区|县|市|区)$")
_RANK_MOVE = re.compile(r"(?:前进|提升|上升|前移|进位)$")
_RANK_UNITS = ("位", "名")
_TRAILING_HEDGE = re.compile(r"(?:力争|争取|努力|确保|继续|持续|始终|稳定|要|分别|均|都)+$")
# 每个县建成1所: a figure for each unit, not the plan's own (每年 and 每万人 are the plan's).
_PER_UNIT = re.compile(r"每一?(?:个|县|市|区|村|镇|乡|条|座|所|家)")
_LATER_YEAR = re.compile(r"(?:到|至)(20[0-9][0-9])年|(20[0-9][0-9])年(?:底|末|前)")
_PAST = re.compile(r"去年|上年|过去一年|过去五年|前年|近年来|近五年|(20[0-9][0-9])年(?!底|末|前|内)")


@dataclass
class _Draft:
    """A target being built from one quantity and the words around it."""

    q: Quantity | None
    start: int
    end: int
    indicator: str
    comparator: Comparator | None = None
    lead: Comparator | None = None  # comparator written before the number
    hint: str | None = None
    prenominal: bool = False
    noun: str = ""  # the noun after a number that stands before it: 实施143个技改项目
    aspirational: bool = False


class _Reader:
    """Reads one block; holds the paragraph, its quoted regions and the plan year."""

    def __init__(self, block: Block, year: int | None) -> None:
        self.block = block
        self.text = block.paragraph.text
        self.year = year
        self.shielded = _shielded(self.text)
        self.found: list[Target] = []

    def read(self) -> list[Target]:
        if self.block.review or len(self.text) - self.block.body < 2:
            return []  # a review of past years, or too short to hold a number and its unit
        for s, e in self._split(self.block.body, len(self.text), "。!?;"):
            if self._is_past(s, e):
                continue
            self._sentence(s, e)
        return self.found

    # -- structure -------------------------------------------------------------

    def _split(self, start: int, end: int, seps: str) -> list[tuple[int, int]]:
        """``[start, end)`` cut at any of ``seps`` outside quotes and brackets, empty pieces dropped."""
        out = []
        piece = start
        for m in _separators(seps).finditer(self.text, start, end):
            i = m.start()
            if self.shielded[i]:
                continue
            if i > piece:
                out.append((piece, i))
            piece = i + 1
        if end > piece:
            out.append((piece, end))
        return out

    def _is_past(self, s: int, e: int) -> bool:
        """A sentence about another year: results of past years, or a goal for a later one."""
        for m in _PAST.finditer(self.text, s, e):
            before = self.text[max(s, m.start() - 2):m.start()]
            if before.endswith(("比", "较", "同比", "于", "与", "和")):
                continue
            if m.group(1) is None or (self.year and int(m.group(1)) < self.year):
                return True
        if self.year:
            for m in _LATER_YEAR.finditer(self.text, s, e):
                if int(m.group(1) or m.group(2)) > self.year:
                    return True  # 到2027年…突破1万亿元: a multi-year goal
        return False

    def _later(self, s: int, e: int) -> bool:
        """A clause that names a later year: 力争2025年材料产业规模突破2万亿元, in a report for 2023."""
        if not self.year or self.text.find("年", s, e) == -1:
            return False
        for m in _PAST.finditer(self.text, s, e):
            before = self.text[max(s, m.start() - 1):m.start()]
            if m.group(1) and int(m.group(1)) > self.year and before not in ("—", "-", "–", "~", "至", "到"):
                return True
        return False

    def _sentence(self, s: int, e: int) -> None:
        previous: list[_Draft] = []
        hedged = False
        for cs, ce in self._split(s, e, ",:"):
            if self._later(cs, ce):
                if quantities(self.text, cs, ce):
                    return  # a goal for the later year: it and the clauses after it (其中…)
                continue  # 为实现2035年远景目标: a purpose, the clauses after it are this year's
            if self.text.startswith("其中", cs):
                drafts = self._clause(cs, ce, previous, inherit_hedge=hedged)
            else:
                drafts = self._clause(cs, ce, previous, inherit_hedge=False)
                hedged = bool(_HEDGE.search(self.text, cs, ce))
            if drafts:
                previous = drafts

    # -- one clause ------------------------------------------------------------

    def _clause(self, s: int, e: int, previous: list[_Draft], inherit_hedge: bool) -> list[_Draft]:
        found = quantities(self.text, s, e)
        ranks = self._ranks(s, found)
        ranked = {d.q.start for d in ranks if d.q}
        per_unit = _PER_UNIT.search(self.text, s, e)
        qs = [q for q in found if q.start not in ranked and self._may_be_target(q, s)
              and not (per_unit and per_unit.start() < q.start)]
        deadline = deadline_in(self.text[s:e], self.year)
        if not qs and not ranks:
            self._non_numeric(s, e, deadline)
            return []
        drafts = (self._respectively(s, e, qs) or self._each(s, e, qs) or self._items(s, e, qs)) if qs else []
        if ranks:
            drafts = sorted(drafts + ranks, key=lambda d: d.q.start if d.q else d.start)
        if not drafts:
            # 3万吨电池前驱体项目投产: the number is part of a name; the clause may still be a milestone
            self._milestone(s, s + _filler_length(self.text[s:e]), e, deadline, bool(_HEDGE.search(self.text, s, e)))
            return []
        self._share_context(drafts, previous)
        drafts = self._paired(drafts) or [part for d in drafts for part in self._shared_by_subjects(d)]
        hedge = _HEDGE.search(self.text, s, e)
        for d in drafts:
            d.aspirational = inherit_hedge or bool(hedge and d.q and hedge.start() < d.q.start)
            self._emit(d, self._item_deadline(d, s) or deadline)
        rest = max(d.end for d in drafts) + 1
        if self.text.startswith("、", rest - 1) and not any(q.start >= rest for q in found):
            # 开工率二季度达80%、10月底前全部开工: a deliverable after the figures
            self._milestone(rest, rest + _filler_length(self.text[rest:e]), e,
                            deadline_in(self.text[rest:e], self.year) or deadline, bool(hedge))
        return drafts

    def _ranks(self, s: int, qs: list[Quantity]) -> list[_Draft]:
        """进入全省前10位, A、B保持全国第2位, 前进5位: one rank target per subject, all at the clause's start."""
        text = self.text
        drafts: list[_Draft] = []
        floor = s
        for q in qs:
            if q.unit == "个" and text.startswith("位次", q.end):
                q = replace(q, end=q.end + 2, unit="位")  # 提升3个位次
            place = _RANK_PLACE.search(text, max(floor, q.start - 20), q.start)
            while place and _RANK_VERB_RE.search(place.group(1)):
                place = _RANK_PLACE.search(text, place.start() + 1, q.start)  # 排名进入前30位: the verb nearest
            move = _RANK_MOVE.search(text, max(floor, q.start - 2), q.start)
            if q.unit not in _RANK_UNITS or (q.chinese and q.value > 100) or not (place or move):
                floor = q.end
                continue
            verb = place or move
            assert verb is not None
            scope = place.group(1).translate(_QUOTE_MARKS) if place else ""
            comparator = LE if place and place.group(2) == "前" else EQ
            names = [_TRAILING_HEDGE.sub("", name) for name, _ in self._subjects(floor, verb.start())]
            head = _PLACE_HEAD.search(names[-1]) if names else None
            if head:  # 江都、维扬开发区: the first is 江都开发区
                names = [n if _PLACE_HEAD.search(n) else n + head.group() for n in names]
            for name in [n for n in names if n] or [""]:
                ranking = "" if name.endswith(("排名", "位次")) else "排名"
                drafts.append(_Draft(q, floor, q.end, name + scope + ranking, comparator=comparator,
                                     hint=None if place else _RISE))
            floor = q.end
        return drafts

    def _item_deadline(self, d: _Draft, s: int) -> date | None:
        """开工率一季度达50%、二季度达80%: the deadline written in the target's own item, if any."""
        if d.q is None:
            return None
        item = max(s, self.text.rfind("、", s, d.q.start) + 1)
        return deadline_in(self.text[item:d.q.end], self.year)

    def _may_be_target(self, q: Quantity, clause_start: int) -> bool:
        text = self.text
        if self.shielded[q.start]:
            return False  # inside quotes or a title: a programme name such as “443”
        before = text[q.start - 1] if q.start > 0 else ""
        after = text[q.end] if q.end < len(text) else ""
        if before.isascii() and (before.isalpha() or before in _NAME_NEIGHBOURS):
            return False  # TOP330, 2+4+X, 025-84707368
        if (after in _NAME_NEIGHBOURS and after != "/") or (after.isascii() and after.isalpha()):
            return False
        if before in ("第", "前", "届") or text.startswith("届", q.end):
            return False  # ordinals, ranks and sessions (十二届四次全会)
        if q.chinese and q.value == 1 and not q.unit.startswith(("万", "亿", "千", "百")):
            return False  # 一批, 办好一件: not a number anyone checks (a target says 1个)
        suffix = _SUFFIX.match(text, q.end)
        rest = suffix.end() if suffix else q.end
        return not text.startswith("的", rest)  # 50万元以上的行政村: a class, not a target

    def _items(self, s: int, e: int, qs: list[Quantity]) -> list[_Draft]:
        """Targets of a clause read as a list of 、-separated items."""
        drafts: list[_Draft] = []
        item_start = s
        next_q = 0
        for _, i_e in self._split(s, e, "、"):
            first = next_q
            while next_q < len(qs) and qs[next_q].start < i_e:
                next_q += 1
            inside = qs[first:next_q]
            if not inside:
                continue  # a coordinated subject: it belongs to the next item
            start = item_start
            item_start = i_e + 1
            # 新增2个国家级、9个省级实验室: an item that opens with its count shares the verb before the list
            opening = self.text[start:inside[0].start]
            after_count = bool(drafts) and drafts[-1].prenominal and (
                not _has_words(_strip_conjunction(opening)) or opening.endswith(_CONJUNCTIONS))
            if after_count and opening.endswith(_CONJUNCTIONS):
                start = inside[0].start  # 18个旧城、城中村和433个老旧小区: 城中村 is of the count before
            for n, q in enumerate(inside):
                more = n + 1 < len(inside)
                draft = self._draft(q, start, inside[n + 1].start if more else i_e, more, after_count)
                after_count = False
                if draft is not None:
                    drafts.extend(self._described_amount(draft, start))
                    paired = bool(drafts) and drafts[-1].q is not None and drafts[-1].end == q.start
                    if paired and draft.prenominal and not drafts[-1].prenominal:
                        drafts[-1].indicator += draft.noun  # 搬迁2500户10048人: the households of the same noun
                    drafts.append(draft)
                    start = draft.end
                    # 2500户10048人搬迁: the people of the households counted just before, the same noun after
                    after_count = draft.prenominal or (more and inside[n + 1].start == draft.end
                                                       and q.unit.lstrip("万千") == "户"
                                                       and inside[n + 1].unit.lstrip("万千") == "人")
                    continue
                # a class threshold (10亿元以上项目30个) stays in the next indicator, and so does a bare
                # amount of the same unit just before it (推动100亿元、50亿元重特大项目: both are classes)
                last = drafts[-1] if drafts else None
                if (n == 0 and last and last.q and last.q.unit == q.unit and not last.prenominal
                        and len(last.indicator) <= 4 and _SUFFIX.sub("", self.text[last.q.end:start]) == "、"):
                    drafts.pop()
        self._spread_trailing_comparator(drafts)
        for d, later in itertools.pairwise(drafts):
            if d.prenominal and later.prenominal and d.noun.endswith("级") and "级" in later.noun:
                d.indicator += later.noun[later.noun.index("级") + 1:]  # 2个国家级、9个省级实验室
        return drafts

    def _described_amount(self, count: _Draft, start: int) -> list[_Draft]:
        """年度投资120亿元的76个项目: the year's investment in the counted projects is a target too."""
        m = _DESCRIBED.search(self.text, start, count.q.start) if count.prenominal and count.q else None
        if m is None or m.group(1) == "总投资":
            return []  # a total over several years describes the projects; it is no target of the year
        amount = quantities(self.text, m.end(1), m.end())
        if not amount:
            return []
        return [_Draft(amount[0], count.start, count.end, count.noun.rstrip("”\"") + m.group(1), comparator=EQ)]

    def _draft(self, q: Quantity, start: int, stop: int, more: bool, after_count: bool = False) -> _Draft | None:
        text = self.text
        end = q.end
        suffix_m = _SUFFIX.match(text, q.end, stop)
        suffix = _SUFFIX_COMPARATOR[suffix_m.group()] if suffix_m else None
        if suffix_m:
            end = suffix_m.end()
        noun = text[end:stop]
        prefix = _strip_conjunction(text[start:q.start])
        if more and noun.startswith(_CONJUNCTIONS):
            noun = ""  # 新建学校10所和幼儿园5所: 和 ends this item, the next one follows
        elif noun.startswith(_AFTER_AMOUNT) or noun.startswith(_LANDMARKS):
            noun = ""  # 赤字率按4%左右安排, 国债3000亿元支持以旧换新, 突破万亿大关: the words after say how
        if _has_words(noun) and q.unit in _RATE_UNITS:
            # 100%达标, 90%以上集中到工业领域: the share of what does so
            if not noun.startswith(_SHARE_VERBS):
                return None
            indicator, lead, _ = _read_lead(prefix)
            d = _Draft(q, start, stop, indicator + noun + ("率" if noun.endswith("达标") else "比例"), lead=lead)
            d.comparator = _combine(lead, suffix, q)
            return d
        if _has_words(noun):
            # The number stands before a noun: 10亿元以上制造业项目70个, 100个以上团组, 安排2亿元专项资金.
            if q.chinese or _PROGRAMME.search(noun):
                return None  # 抓好三个“一号工程”, 开展13条产业链提升三年行动: the parts of a programme
            counted = q.unit.lstrip("万亿千百") in (*COUNT_UNITS, "")  # 带动7.9万群众: 万 people
            if not (counted or (q.unit.endswith(_AMOUNT_UNITS) and prefix.endswith(_AMOUNT_VERBS))):
                return None
            if not counted:
                suffix_m = suffix = None  # 安排2亿元以上的: an amount needs its verb, a count may do with 以上
                cut = _NOUN_END.search(noun)
                noun = noun[:cut.start()] if cut else noun
            if more:
                # 实施143个技改项目和70个产能项目: the noun ends at the conjunction before the next count
                conjunction = _TRAILING_CONJUNCTION.search(noun)
                if conjunction is None:
                    return None
                stop = end + conjunction.start()
                noun = noun[:conjunction.start()]
            described = _DESCRIBED.search(prefix) if counted else None
            if suffix is None and not (after_count or prefix.endswith(_COUNT_VERBS + _AMOUNT_VERBS)
                                       or prefix.endswith("等") or described):
                return None
            if described:
                prefix = ""  # 抓好年度投资120亿元的76个重点项目: the projects are the indicator
            if prefix.endswith("等"):
                prefix = ""  # 打通A、B等24条断头路: the named examples are not the indicator
            end = stop
            noun = noun.rstrip("”\"")
        else:
            noun = ""
        indicator, lead, hint = _read_lead(prefix)
        baseline = indicator.rfind("由")
        if baseline > 0 and _DIGIT.search(indicator, baseline):
            indicator = indicator[:baseline]  # 低保标准由490元提高到520元: the baseline is not the indicator
        if indicator in _DESCRIPTORS and not noun:
            return None  # 实施十大项目,总投资245亿元: what the projects cost in all, not this year's work
        d = _Draft(q, start, end, indicator + noun.translate(_QUOTE_MARKS), lead=lead, hint=hint,
                   prenominal=bool(noun), noun=noun)
        d.comparator = _combine(lead, suffix, q)
        return d

    def _spread_trailing_comparator(self, drafts: list[_Draft]) -> None:
        """以上 closing a list covers every item of the list that has no comparator of its own."""
        if len(drafts) < 2:
            return
        last = drafts[-1]
        if last.q is None or last.comparator not in (GE, LE) or last.lead is not None:
            return
        for d in drafts[:-1]:
            if (d.q and d.lead is None and d.comparator == EQ and d.hint == last.hint
                    and _same_family(d.q.unit, last.q.unit) and not d.prenominal):
                d.comparator = last.comparator

    def _respectively(self, s: int, e: int, qs: list[Quantity]) -> list[_Draft]:
        """A、B分别增长10%、20%以上: one target per subject, values in order."""
        at = self.text.find("分别", s, e)
        if at == -1 or self.shielded[at]:
            return []
        values = [q for q in qs if q.start > at]
        subjects = self._subjects(s, at)
        if len(subjects) == 1 and len(values) == 2 and "城乡" in subjects[0][0]:
            # 城乡居民人均可支配收入分别增长6%、7.5%: urban first, then rural
            name, start = subjects[0]
            subjects = [(name.replace("城乡", "城镇", 1), start), (name.replace("城乡", "农村", 1), start)]
        if len(values) < 2 or len(subjects) != len(values):
            return []
        _, lead, hint = _read_lead(self.text[at + 2:values[0].start])
        suffix_m = _SUFFIX.match(self.text, values[-1].end, e)
        suffix = _SUFFIX_COMPARATOR[suffix_m.group()] if suffix_m else None
        end = suffix_m.end() if suffix_m else values[-1].end
        return [_Draft(q, s, end, name, lead=lead, hint=hint, comparator=_combine(lead, suffix, q))
                for (name, _), q in zip(subjects, values, strict=True)]

    def _each(self, s: int, e: int, qs: list[Quantity]) -> list[_Draft]:
        """A、B参保各10万人, A、B均达到60%: the same figure for every subject."""
        q = qs[0]
        m = _EACH.search(self.text, max(s, q.start - 5), q.start)
        if m is None or _read_lead(self.text[m.end():q.start])[0]:
            return []
        subjects = self._subjects(s, m.start())
        if len(subjects) < 2:
            return []
        _, lead, hint = _read_lead(self.text[m.end():q.start])
        suffix_m = _SUFFIX.match(self.text, q.end, e)
        suffix = _SUFFIX_COMPARATOR[suffix_m.group()] if suffix_m else None
        end = suffix_m.end() if suffix_m else q.end
        return [_Draft(q, start, end, name, lead=lead, hint=hint, comparator=_combine(lead, suffix, q))
                for name, start in subjects]

    def _subjects(self, s: int, e: int) -> list[tuple[str, int]]:
        """The coordinated subjects in ``text[s:e]``, split at 、 和 及, each with its start."""
        out = []
        for a, b in self._split(s, e, "、和及与"):
            name = _strip_fillers(self.text[a:b]).translate(_QUOTE_MARKS)
            if name:
                out.append((name, b - len(_strip_fillers(self.text[a:b]))))
        return out

    def _paired(self, drafts: list[_Draft]) -> list[_Draft]:
        """引进内资、外资增长12%和10%: as many rates as subjects, paired in order (分别 left out)."""
        if len(drafts) < 2 or any(d.indicator != drafts[0].indicator or d.q is None or d.q.unit not in _RATE_UNITS
                                  for d in drafts):
            return []
        parts = self._shared_by_subjects(drafts[0])
        if len(parts) != len(drafts):
            return []
        return [replace(d, indicator=part.indicator, hint=d.hint or drafts[0].hint)
                for d, part in zip(drafts, parts, strict=True)]

    def _shared_by_subjects(self, d: _Draft) -> list[_Draft]:
        """游客人数、旅游收入增长30%; A和B各10万人: one number shared by coordinated subjects, one draft each.

        A rate, or a figure given 各/均 (each), belongs to every subject; a count or an amount
        after a list, or a share (占), is of the total and stays one target. The head written
        once after the last subject (报销比例, 增加值) is given to the others, and so is a verb
        written before the first (新增).
        """
        each = d.indicator.endswith(("各", "均"))
        if d.q is None or d.prenominal or not (each or d.q.unit in _RATE_UNITS) or "等" in d.indicator:
            return [d]
        if not each and "占" in d.indicator:
            return [d]  # A、B、C份额占全省10%: the share of their sum
        if any(self.shielded[i] for i in range(d.start, d.q.start) if self.text[i] == "、"):
            return [d]  # “双随机、一公开”监管覆盖率: one name
        indicator = d.indicator[:-1] if each else d.indicator
        names = [n for n in _SUBJECT_SPLIT.split(indicator) if n] if each else indicator.split("、")
        if not names:
            return [d]  # 各10个: no subject written
        tail = _MEASURABLE.search(names[-1])
        if len(names) < 2 or any(len(n) < 2 for n in names) or not (each or tail):
            return [d]  # 常务会、专题会减少40%: a total of things that are not measures
        if any(_DIGIT.search(n) or _COMPLETION.search(n) or n[-1] in _CN_NUMERALS for n in names):
            return [d]  # 供水率实现全覆盖、治理率超过50%: the earlier items are clauses of their own
        head = names[-1][max(0, tail.start() - 2):] if tail and tail.start() >= 4 else ""
        verb = _verb_of(names[0]) if each else ""
        out = []
        for n, name in enumerate(names):
            if head and not _MEASURABLE.search(name):
                name += head  # 普通门诊、大病保险报销比例: 普通门诊报销比例
            if n and verb and not _verb_of(name):
                name = verb + name  # 新增技术人才和大学生各1万人: 新增大学生
            out.append(replace(d, indicator=name))
        return out

    def _share_context(self, drafts: list[_Draft], previous: list[_Draft]) -> None:
        """Fill what a list item leaves out from the items before it."""
        anchor = previous[0] if previous and self._opens_with_of_which(drafts[0]) else None
        first = drafts[0]
        if not first.indicator and previous:
            first.indicator = previous[-1].indicator
        verb = _verb_of(anchor.indicator if anchor else first.indicator)
        model = anchor.indicator if anchor else first.indicator
        model_unit = (anchor or first).q.unit if (anchor or first).q else ""
        for n, d in enumerate(drafts):
            if not d.indicator:
                # 固定资产投资2700亿元、增长10%以上: the growth is of the item before it.
                if n:
                    before = drafts[n - 1]
                    d.indicator, d.start = before.indicator, before.start
                    if d.lead is None and d.hint is None and d.q and before.q and d.q.unit == before.q.unit:
                        d.hint = before.hint  # 收入增长8%、9%: the second is a growth too
                elif previous:
                    d.indicator = previous[-1].indicator
                continue
            if n == 0 and anchor is None:
                continue
            if d.indicator in _AGGREGATES:
                # 新增专精特新企业80家、总量突破1000家: the total of what the item before counts
                d.indicator = model[len(verb):] + d.indicator
                continue
            same_measure = d.q is not None and _same_family(d.q.unit, model_unit) and d.q.unit not in ("%", "‰")
            if verb and same_measure and not d.indicator.startswith(_ACTION_VERBS) and d.hint is None:
                d.indicator = verb + d.indicator
            elif not _verb_of(d.indicator) and len(d.indicator) <= 5:
                at = model.find(d.indicator[:2], 1)
                if at > 0:
                    d.indicator = model[:at] + d.indicator

    def _opens_with_of_which(self, d: _Draft) -> bool:
        return self.text.startswith("其中", d.start)

    def _emit(self, d: _Draft, deadline: date | None) -> None:
        assert d.q is not None
        q = d.q
        kind, decrease = _kind(q.unit, d.hint)
        unit = "百分点" if q.unit in ("个百分点", "百分点") else q.unit
        start = d.start
        self.found.append(Target(
            indicator=d.indicator or "(未命名指标)", kind=kind, comparator=d.comparator,
            value=_number(q.value), value_max=_number(q.value_max), unit=unit, deadline=deadline,
            aspirational=d.aspirational, span=self.block.paragraph.span(start, d.end),
            section=self.block.section, task=self.block.task, decrease=decrease,
        ))

    # -- clauses without a number ----------------------------------------------

    def _non_numeric(self, s: int, e: int, deadline: date | None) -> None:
        clause = self.text[s:e]
        hedged = bool(_HEDGE.search(clause))
        body = s + (len(clause) - len(_strip_fillers(clause)))
        if not _DIGIT.search(clause) or not quantities(self.text, s, e):  # PM2.5浓度持续改善: a digit in a name
            for kind, pattern in ((Kind.RELATION, _RELATION), (Kind.DIRECTION, _DIRECTION)):
                m = pattern.search(self.text, body, e)
                if m and m.start() > body and self._coordinated(kind, body, m.start(), e, m.group()):
                    return
                if m and kind == Kind.RELATION and _RANKED.search(m.group()) and m.start() - body >= 2:
                    # 营商环境稳居全省前列: a rank in words of any subject
                    self._non_numeric_target(kind, self.text[body:m.start()], body, e, None, hedged, m.group())
                    return
        self._milestone(s, body, e, deadline, hedged)

    def _coordinated(self, kind: Kind, s: int, stop: int, e: int, condition: str) -> bool:
        """居民可支配收入、一般公共预算收入与经济增长同步: one target per measurable subject."""
        subjects = self._subjects(s, stop)
        tail = _MEASURABLE.search(subjects[-1][0]) if subjects else None
        if tail is None:
            return False
        for name, start in subjects:
            if not _MEASURABLE.search(name):
                name += tail.group()  # 民营经济贷款和普惠小微贷款增速: the head is written once
            self._non_numeric_target(kind, name, start, e, None, False, condition)
        return True

    def _milestone(self, s: int, body: int, e: int, deadline: date | None, hedged: bool) -> bool:
        text = self.text
        clause = text[body:e]
        if len(clause) < 4 or _VAGUE.search(clause):
            return False
        designation = _DESIGNATION.search(text, s, e)
        if designation:
            start = min(body, designation.start())
            self._non_numeric_target(Kind.MILESTONE, text[start:e], start, e, deadline, hedged)
            return True
        if self._each_with_its_verb(body, e, deadline, hedged):
            return True
        if (deadline or "年内" in clause) and _COMPLETION.search(clause):
            if _VERB_LAST.search(text, body, e) and self._named_milestones(body, e, deadline, hedged):
                return True  # A、B水库上半年开工: one milestone per named object
            self._non_numeric_target(Kind.MILESTONE, _milestone_name(clause), body, e, deadline, hedged)
            return True
        if _ENSURED.search(text, s, e):
            self._non_numeric_target(Kind.MILESTONE, _milestone_name(clause), body, e, deadline, hedged)
            return True
        return self._named_milestones(body, e, deadline, hedged)

    def _each_with_its_verb(self, body: int, e: int, deadline: date | None, hedged: bool) -> bool:
        """A专用线开工、B专用线完工: items that each close with their own verb are milestones one by one."""
        if self.text.find("、", body, e) == -1:
            return False
        pieces = self._split(body, e, "、")
        verbs = [(a, b, _VERB_LAST.search(self.text, a, b)) for a, b in pieces]
        closing = [b for a, b, m in verbs if m and m.start() - a >= 4]  # not 拿地即开工: a name before the verb
        if len(closing) < 2:
            return False
        start = body
        for b in closing:
            self._named_milestones(start, b, deadline_in(self.text[start:b], self.year) or deadline, hedged)
            start = b + 1
        return True

    def _named_milestones(self, body: int, e: int, deadline: date | None, hedged: bool) -> bool:
        """建成A、B; A、B“五一”前投入运营; 完成X任务: one milestone per named object."""
        text = self.text
        verb = _MILESTONE_VERB.search(text, body, e)
        if verb is None:
            standard = _STANDARD.search(text, body, e)
            stated = text.startswith(_STATED, body) and e - body >= 6  # 完成《…规划》修改
            if standard is None and not stated:
                return False
            # 完成《A》《B》修改: one milestone per titled document
            titles = [m.start() for m in re.finditer("《", text[body:e])] if stated else []
            for start in [body] + [body + t for t in titles[1:]]:
                self._non_numeric_target(Kind.MILESTONE, _milestone_name(text[start:e]), start, e, deadline, hedged)
            return True
        if verb.start() == body or (verb.end() < e and _filler_length(text[body:verb.start()]) == verb.start() - body):
            # the verb first: each item after it is a deliverable
            items = self._objects(verb.end(), e)
            for n, (a, b) in enumerate(items):
                name = _LIST_END.sub("", text[a:b]) if n == len(items) - 1 else text[a:b]
                self._non_numeric_target(Kind.MILESTONE, verb.group() + _milestone_name(name),
                                         body if n == 0 else a, b, deadline, hedged)
            return bool(items)
        if verb.start() - body < 2 or e - verb.end() > 4 or text.endswith(("行动", "活动"), body, e):
            return False  # 开展项目落地攻坚行动: the verb names an action, it does not close the clause
        # the verb last: each item before it, up to the clause's end
        items = self._objects(body, verb.start())
        for n, (a, _) in enumerate(items):
            self._non_numeric_target(Kind.MILESTONE, _milestone_name(text[a:items[n][1]]) + verb.group(),
                                     a, e, deadline, hedged)
        return bool(items)

    def _objects(self, s: int, e: int) -> list[tuple[int, int]]:
        """The named objects of a list (A、B和C等项目), each at least two characters."""
        return [(a, b) for a, b in self._split(s, e, "、和") if b - a >= 2]

    def _non_numeric_target(self, kind: Kind, name: str, start: int, end: int,
                            deadline: date | None, hedged: bool, condition: str | None = None) -> None:
        self.found.append(Target(
            indicator=name.translate(_QUOTE_MARKS), kind=kind, comparator=None, value=None,
            value_max=None, unit=None, deadline=deadline, aspirational=hedged,
            span=self.block.paragraph.span(start, end), section=self.block.section,
            task=self.block.task, condition=condition,
        ))


def find_targets(block: Block, year: int | None) -> list[Target]:
    """Every target stated in ``block``, in the order they are written."""
    return _Reader(block, year).read()


# -- helpers that need no state ---------------------------------------------------


def _shielded(text: str) -> bytearray:
    """For each character, whether it lies inside a short quotation, title or bracket."""
    mask = bytearray(len(text))
    openers = "".join(o for o, c in _OPENERS.items() if o in text and c in text)
    if not openers:
        return mask  # nothing is ever closed: nothing is shielded (and 1 MB of “ costs nothing)
    pattern = _OPENER_RE if len(openers) == len(_OPENERS) else _separators(openers)
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        i = m.start()
        j = text.find(_OPENERS[m.group()], i + 1, i + 1 + _LONGEST_NAME)
        if j == -1:
            pos = i + 1
            continue
        mask[i + 1:j] = b"\x01" * (j - i - 1)
        pos = j + 1
    return mask


def _strip_conjunction(prefix: str) -> str:
    for word in _CONJUNCTIONS:
        if prefix.startswith(word):
            return prefix[len(word):]
    return prefix


def _has_words(s: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in s)


def _strip_fillers(s: str) -> str:
    """``s`` without the hedges and connectives that open it (力争全年…), unless nothing is left."""
    m = _FILLER_RE.match(s)
    return s[m.end():] if m and m.end() < len(s) else s


def _strip_done(indicator: str) -> str:
    """完成固定资产投资 -> 固定资产投资; 完成投资 keeps its verb, or nothing is left."""
    if indicator.startswith("完成") and len(indicator) >= 6:
        return indicator[2:]
    return indicator


def _read_lead(prefix: str) -> tuple[str, Comparator | None, str | None]:
    """Split the words before a number into (indicator, comparator, kind hint)."""
    comparator: Comparator | None = None
    hint: str | None = None
    for _ in range(4):
        word = _lead_word_ending(prefix)
        if word:
            word_comparator, word_hint = _LEAD_WORDS[word]
            comparator = comparator or word_comparator
            hint = hint or word_hint
            prefix = prefix[:-len(word)]
            continue
        against = _AGAINST.search(prefix, max(0, len(prefix) - 8))
        if against is not None and comparator is None and against.start() > 0:
            comparator = _LEAD_WORDS[against.group(1)][0]
            prefix = prefix[:against.start()]
            continue
        break
    indicator = _strip_done(_strip_fillers(without_deadline(prefix)))
    return indicator.translate(_QUOTE_MARKS), comparator, hint


def _lead_word_ending(prefix: str) -> str:
    """The longest word of ``_LEAD_WORDS`` that ``prefix`` ends with, or ''."""
    for size in range(min(_LONGEST_LEAD, len(prefix)), 0, -1):
        if prefix[-size:] in _LEAD_WORDS:
            return prefix[-size:]
    return ""


@functools.cache
def _separators(seps: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(seps) + "]")


def _combine(lead: Comparator | None, suffix: Comparator | None, q: Quantity) -> Comparator:
    if suffix is None:
        return lead or (GE if q.value_max is not None else EQ)  # 实施6—10个项目: at least 6
    if suffix == GE and lead == GT:
        return GT
    return suffix


def _kind(unit: str, hint: str | None) -> tuple[Kind, bool]:
    percent = unit in ("%", "‰")
    if unit in ("个百分点", "百分点"):
        return Kind.CHANGE, hint == _FALL
    if hint == _GROWTH:
        return (Kind.GROWTH if percent else Kind.CHANGE), False
    if hint in (_FALL, _RISE):
        return (Kind.GROWTH if percent else Kind.CHANGE), hint == _FALL
    return Kind.LEVEL, False


def _same_family(a: str, b: str) -> bool:
    return (a in ("%", "‰")) == (b in ("%", "‰"))


def _verb_of(indicator: str) -> str:
    for verb in _ACTION_VERBS:
        if indicator.startswith(verb):
            return verb
    return ""


def _filler_length(clause: str) -> int:
    """How many characters of hedges and connectives open ``clause`` (力争, 确保, 推动…)."""
    return len(clause) - len(_strip_fillers(clause))


def _milestone_name(clause: str) -> str:
    """The deliverable in a milestone clause, without hedges and without its deadline."""
    return without_deadline(_strip_fillers(clause))


def _number(x: float | None) -> float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x
