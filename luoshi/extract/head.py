"""Who reports, for which year, under which title: read from the head of the report itself.

A work report opens with its title (政府工作报告), the session line
(——2025年1月20日在××市第八届人民代表大会第五次会议上) and the speaker's
opening (我代表××市人民政府，向大会报告工作). These give the government's
name and the year the report plans for; a session held in November or December
plans for the year after. Without them the plan part's own heading
(二、2025年工作安排) gives the year, and the review's (一、2024年工作回顾) the
year before it.
"""

from __future__ import annotations

import re

from luoshi.extract.clean import Paragraph
from luoshi.extract.numbers import chinese_numeral

_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_YEAR = r"(?P<y>(?:19|20)[0-9]{2}|[〇○零一二][〇○零一二三四五六七八九]{3})"
_MONTH = r"(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
# ——2025年1月20日在××市第八届人民代表大会第五次会议上; 在州十五届人大一次会议上
_SESSION = re.compile(
    _YEAR + r"年" + _MONTH + r"月[0-9一二三四五六七八九十]{0,3}日?\s*(?:在|于)?\s*"
    r"(?P<place>[\u4e00-\u9fff]{0,16}?)\s*第?[一二三四五六七八九十]{1,3}届(?:全国)?(?:人民代表大会|人大)"
)
# Levels of government, the longest first: 自治州 before 州.
_LEVELS = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "省", "市", "州", "盟", "县",
           "区", "旗")
_LEVEL_RE = "|".join(_LEVELS)
# Provinces and autonomous regions, and the autonomous prefectures, by their own full names:
# reports often write only 全省, 我代表自治区, 凉山州.
PROVINCES = (
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
    "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
    "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区",
    "新疆维吾尔自治区",
)
PREFECTURES = (
    "延边朝鲜族自治州", "恩施土家族苗族自治州", "湘西土家族苗族自治州", "阿坝藏族羌族自治州",
    "甘孜藏族自治州", "凉山彝族自治州", "黔东南苗族侗族自治州", "黔南布依族苗族自治州",
    "黔西南布依族苗族自治州", "楚雄彝族自治州", "红河哈尼族彝族自治州", "文山壮族苗族自治州",
    "西双版纳傣族自治州", "大理白族自治州", "德宏傣族景颇族自治州", "怒江傈僳族自治州", "迪庆藏族自治州",
    "临夏回族自治州", "甘南藏族自治州", "海北藏族自治州", "黄南藏族自治州", "海南藏族自治州",
    "果洛藏族自治州", "玉树藏族自治州", "海西蒙古族藏族自治州", "昌吉回族自治州", "博尔塔拉蒙古自治州",
    "巴音郭楞蒙古自治州", "克孜勒苏柯尔克孜自治州", "伊犁哈萨克自治州",
)
_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,14}}?(?:{_LEVEL_RE})")
# 我代表××市人民政府; 我代表市政府; 我代表国务院
_SPEAKER = re.compile(r"我代表\s*(?P<place>[\u4e00-\u9fff]{0,16}?)\s*(?:第[一二三四五六七八九十]{1,3}届)?"
                      r"(?:人民政府|政府)")
_GOVERNMENT = re.compile(rf"(?P<place>[\u4e00-\u9fff]{{1,14}}?(?:{_LEVEL_RE}))人民政府")
_STATE_COUNCIL = re.compile(r"我代表国务院|国务院总理")
_REPORT_TITLE = re.compile(r"政府工作报告|政府工作要点|工作报告")
_WORK_TITLE = re.compile(r"工作总体要求|目标任务|工作要点|工作计划|工作安排")
# Words that open a place name but belong to the sentence: 在金华市…, 日在…, 中共…市委, 第十一届省….
_NOT_NAME = re.compile(r"^(?:.*?(?:代表|日在|在|于|向)|中共|中国共产党|第[一二三四五六七八九十]{1,3}届)")
# After the level word, characters that make it part of a word: 市场, 市域, 市级, 省内, 州域.
_NOT_WORD = r"(?![场域级民内外直属辖长区县中政容貌情值])"
# Verbs that stand before 市委, 州域, 省级…: words of the sentence, never a place.
_VERBS = ("建设", "推进", "加快", "推动", "打造", "完成", "执行", "按照", "举办", "办理", "实施", "深化",
          "落实", "接受", "统一到", "争创", "创建", "支持", "服务", "全面", "促进", "提升", "成为", "构建")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# The last character of a run before 市 that is a word of the sentence, not a name: 全市, 城市, 和市.
_NOT_STEM = ("全", "本", "各", "我", "该", "城", "省", "地", "县", "副", "和", "与", "及", "同")
_FRAME = "—-―─()[]<>!* "  # the dashes and brackets around a session line
_PLAN_WORDS = re.compile(r"工作|目标|任务|安排|要求|部署|思路|重点|建议|措施|计划|举措")
_REVIEW_WORDS = re.compile(r"回顾|总结|成绩|成效|过去|去年|上年|取得")
_MULTI_YEAR = re.compile(r"五年|三年|十[一二三四五六七]五|远景|时期|以来|[到至]20[0-9]{2}")
_HEADING_YEAR = re.compile(r"(20[0-9]{2})年|(今年|明年)")


def session(paras: list[Paragraph]) -> tuple[str | None, int | None, str | None]:
    """(place, year planned for, the session line) from the session line near the top."""
    for p in paras[:12]:
        m = _SESSION.search(p.text)
        if m is None:
            continue
        year = _year(m.group("y"))
        month = chinese_numeral(m.group("m")) if not m.group("m").isascii() else int(m.group("m"))
        if year is not None and month is not None and month >= 11:
            year += 1  # a session in December plans for the year that follows
        line = p.text.strip(_FRAME)
        return _full_name(m.group("place")), year, line if len(line) <= 80 else None
    return None, None, None


def region(paras: list[Paragraph], session_place: str | None, title: str | None) -> str | None:
    """The government's name as the report writes it: 金华市, 新疆维吾尔自治区, 国务院."""
    text = "\n".join(p.text for p in paras)
    head = text[:4000]
    speaker = _SPEAKER.search(head)
    named = session_place or (_full_name(speaker.group("place")) if speaker else None)
    if named:
        return _long_form(named, text)
    if _STATE_COUNCIL.search(head):
        return "国务院"
    if title and (m := _NAME.match(title)) and (name := _full_name(m.group())):
        return _long_form(name, text)
    levels = [m.group() for m in re.finditer(_LEVEL_RE, speaker.group("place"))] if speaker else []
    governments = [n for m in _GOVERNMENT.finditer(head) if (n := _full_name(m.group("place")))]
    level = levels[-1] if levels else (governments[0][-1] if governments else None)
    most = _most_named(text, level) if level else None
    return _long_form(most, text) if most else None


def plan_year(paras: list[Paragraph], session_year: int | None, headings: list[tuple[int, str]]) -> int | None:
    """The year the report plans for: from the session, the plan's heading, or the review's heading."""
    if session_year:
        return session_year
    plan_years = []
    review_years = []
    for _, text in headings:
        for m in _HEADING_YEAR.finditer(text):
            if m.group(1) is None:
                continue
            if _REVIEW_WORDS.search(text):
                review_years.append(int(m.group(1)))
            elif _PLAN_WORDS.search(text) and not _MULTI_YEAR.search(text):
                plan_years.append(int(m.group(1)))
    if plan_years:
        return plan_years[0]
    if review_years:
        return max(review_years) + 1
    return None


def title(paras: list[Paragraph], first: int, session_line: str | None) -> str | None:
    """The report's title: the line that names it, else its session line, else a work-plan heading."""
    for p in paras[:first + 6]:
        text = p.text.strip("*#《》 ")
        if _REPORT_TITLE.search(text) and len(text) <= 80 and not any(c in text for c in ",。;>!"):
            return text
    if session_line:
        return session_line
    for p in paras[:first + 3]:
        if _WORK_TITLE.search(p.text) and len(p.text) <= 60 and not any(c in p.text for c in ",。;>"):
            return p.text
    return None


def is_plan_heading(text: str, year: int | None) -> bool:
    """Whether a heading opens the plan for ``year``: 二、2025年工作安排, 三、全面做好今年工作."""
    if _REVIEW_WORDS.search(text) or _MULTI_YEAR.search(text) or not _PLAN_WORDS.search(text):
        return False
    for m in _HEADING_YEAR.finditer(text):
        if m.group(2) == "今年" or (m.group(1) and year and int(m.group(1)) == year):
            return True
    return False


def _year(written: str) -> int | None:
    if written.isascii():
        return int(written)
    digits = written.translate(_CN_YEAR_DIGITS)
    return int(digits) if digits.isdecimal() else None


def _full_name(place: str) -> str | None:
    """``place`` when it is a full name (金华市, 宁夏回族自治区), None for a bare level (市, 自治区)."""
    place = _NOT_NAME.sub("", place).strip()
    if not place.endswith(_LEVELS) or place in _LEVELS or (len(place) == 2 and place[0] in "全本我各该"):
        return None
    return place


def _most_named(text: str, level: str) -> str | None:
    """The place of ``level`` the report names most (我代表市人民政府 says only 市).

    Provinces and autonomous regions are a closed list. For a city or a prefecture,
    each run of two to eight characters written before the level word (not 市场, 市域…)
    is a candidate name, and the one the report writes most often, with or without
    its level, wins: a city names itself far more often than any verb stands before 市委.
    """
    if level in ("省", "自治区"):
        named = [(text.count(n[:2]), n) for n in PROVINCES if n.endswith(level)]
        best_province = max(named, default=(0, ""))
        return best_province[1] if best_province[0] else None
    stems: set[str] = set()
    for m in re.finditer(level + _NOT_WORD, text):
        i = m.start()
        for k in range(2, 9):
            stem = text[max(0, i - k):i]
            if len(stem) < k or not _CJK_ONLY.fullmatch(stem) or _NOT_NAME.match(stem):
                break
            if not stem.endswith(_NOT_STEM) and not stem.endswith(_VERBS):
                stems.add(stem)
    scored = [(text.count(stem), stem) for stem in stems]
    if not scored:
        return None
    count, best = max(scored)
    if count < 3:
        return None  # no name the report keeps using: better none than a word of a sentence
    # 安顺 is named as often as 顺; 在安顺 less often: the longest run named nearly as often.
    longer = [stem for n, stem in scored if stem.endswith(best) and n >= 0.6 * count]
    return max(longer, key=len) + level


def _long_form(name: str, text: str) -> str:
    """The government's own name for a short form: 凉山州 -> 凉山彝族自治州, 广西 -> 广西壮族自治区."""
    if name.endswith("州") and not name.endswith("自治州"):
        for long in PREFECTURES:
            if long.startswith(name[:-1]) and len(name) >= 3:
                return long
    return name
