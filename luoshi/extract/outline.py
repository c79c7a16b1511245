"""The outline of a report: where the article starts and ends, its work areas and tasks.

A work report is laid out as a few parts (一、二、…), work areas ((一)(二)… or
一、二、…), and task paragraphs that open with a short heading sentence
("提升投资效益。"). Web copies add page boilerplate around the article. This
module finds all of that in cleaned paragraphs; it does not read targets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from luoshi.extract import head
from luoshi.extract.clean import Paragraph, paragraphs
from luoshi.extract.model import Section, Span, Task
from luoshi.extract.numbers import chinese_numeral

_CN = "[一二三四五六七八九十]{1,3}"
# Heading styles, outermost first as reports usually nest them.
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"第({_CN})(?:部分|章|篇)[,、:.]?")),
    ("cn", re.compile(rf"({_CN})、")),
    ("paren-cn", re.compile(rf"\(({_CN})\)")),
    ("ordinal", re.compile(rf"第({_CN})[,、:]")),
    ("arabic", re.compile(r"([0-9]{1,2})[.、](?![0-9])")),
    ("paren-arabic", re.compile(r"\(([0-9]{1,2})\)")),
    ("circled", re.compile(r"([\u2460-\u2473])")),
)
_HEADING_FIRST = frozenset("第一二三四五六七八九十(0123456789" + "".join(map(chr, range(0x2460, 0x2474))))
_OPENER = re.compile(r"[^,;:、。!?]{2,30}?[。!]")
# 培育壮大新兴产业、未来产业。 A heading may list, but only briefly: a long 、-list opens a statement.
_SHORT_LIST_OPENER = re.compile(r"[^,;:。!?]{2,16}?[。!]")
_REVIEW = re.compile(r"回顾|过去(?:的)?(?:一|五)?年|去年|上年|工作总结|取得的成[绩效]|主要成效|成绩")
# The plan part's own heading (二、2025年工作安排) holds the areas; it is never one of them.
_PLAN_PART = re.compile(r"20[0-9]{2}年|今年")
_TASKS_CONTAINER = re.compile(r"任务|工作|重点|安排|举措|部署")
_FOOTER = re.compile(
    r"声明|版权|侵权|联系(?:我们|电话|删除)|广告|责任编辑|编辑[::]|来源[::]|原标题|扫一扫|"
    r"分享到|打印本页|关闭窗口|免责|ICP|备案|Copyright|©|上一篇|下一篇|相关阅读|主办单位"
)
_TITLE = re.compile(r"政府工作报告|工作报告|工作总体要求|目标任务|工作要点|工作计划|工作安排")
_YEAR_OF_PLAN = re.compile(
    r"(20[0-9][0-9])年(?:是|的)?(?:政府工作|工作|经济社会|主要预期目标|全[市省县区]|政府|重点工作|目标)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Block:
    """A paragraph of the article with its place in the outline.

    ``body`` is the cleaned index where statements begin: past a heading marker,
    a section title or a task heading sentence that opens the paragraph.
    """

    paragraph: Paragraph
    section: int
    task: str | None
    body: int
    review: bool


@dataclass(frozen=True)
class Outline:
    title: str | None
    region: str | None
    year: int | None
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Heading:
    index: int  # paragraph index
    style: str
    number: int
    title: str
    title_start: int
    title_end: int
    body: int  # where text after the heading starts, len(text) when none


def outline(paras: list[Paragraph]) -> Outline:
    """The outline of the article found in ``paras``; never raises."""
    warnings: list[str] = []
    first, last = _article_bounds(paras)
    if first > 0:
        warnings.append(f"跳过了正文前的 {first} 段网页文字")
    if last < len(paras):
        warnings.append(f"跳过了正文后的 {len(paras) - last} 段网页文字")
    article = paras[first:last]
    place, session_year, session_line = head.session(paras[:first + 12])
    title = head.title(paras, first, session_line)
    headings = [h for i, p in enumerate(article) if (h := _heading(i, p.text)) is not None]
    lines = _heading_lines(article, headings)
    whole = "\n".join(p.text for p in paras)
    year = head.plan_year(article, session_year, lines) or _plan_year(whole, title)
    region = head.region(paras, place, title) or _region(paras[:first], whole)

    start = _plan_start(lines, year)
    areas, review = _areas([h for h in headings if h.index >= start], year, len(article))
    if start:
        review.update(range(start))
    if not areas:
        warnings.append("没有找到编号的工作方面，所有目标都归入第0部分")

    area_at = {h.index: n for n, h in enumerate(areas, 1)}
    sub_styles = _task_styles(headings, areas)
    blocks: list[Block] = []
    section = 0
    task: str | None = None
    task_marks: dict[int, list[tuple[str, Span, int]]] = {}
    heading_at = {h.index: h for h in headings}
    for i, p in enumerate(article):
        h = heading_at.get(i)
        in_review = i in review
        body = 0
        if i in area_at:
            section = area_at[i]
            task = None
            body = h.body if h else 0
        elif section and h is not None and h.style in sub_styles:
            task = h.title
            task_marks.setdefault(section, []).append((task, p.span(h.title_start, h.title_end), i))
            body = h.body
        elif h is not None and h.body == len(p.text) and len(p.text) <= 40:
            body = len(p.text)  # a heading outside the work areas: no statements in it
        elif section and not in_review:
            m = _OPENER.match(p.text) or _SHORT_LIST_OPENER.match(p.text)
            if m and m.end() < len(p.text):
                task = m.group()[:-1]
                task_marks.setdefault(section, []).append((task, p.span(0, m.end() - 1), i))
                body = m.end()
        blocks.append(Block(p, section, task, body, in_review))

    sections = _sections(areas, article, task_marks)
    return Outline(title, region, year, sections, tuple(blocks), tuple(warnings))


def _article_bounds(paras: list[Paragraph]) -> tuple[int, int]:
    """The paragraphs ``[first, last)`` that hold the article, without page boilerplate."""
    def is_content(p: Paragraph) -> bool:
        return _prose(p.text) and not _FOOTER.search(p.text)

    content = [i for i, p in enumerate(paras) if is_content(p)]
    if not content:
        return 0, len(paras)
    first, last = content[0], content[-1] + 1
    # A title line just above the first sentence belongs to the article.
    while first > 0 and _TITLE.search(paras[first - 1].text) and len(paras[first - 1].text) <= 60:
        first -= 1
    # Headings and short lines between the last sentence and the footer are kept
    # unless they look like page furniture.
    while last < len(paras) and _heading(0, paras[last].text) is not None:
        last += 1
    return first, last


def _prose(text: str) -> bool:
    cjk = _CJK.subn("", text)[1]
    if cjk >= 15 and any(c in text for c in ",。;:、"):
        return True
    return (cjk >= 4 and "。" in text) or _heading(0, text) is not None


def _heading(index: int, text: str) -> _Heading | None:
    if not text or text[0] not in _HEADING_FIRST:
        return None
    for style, pattern in _STYLES:
        m = pattern.match(text)
        if m is None:
            continue
        number = _ordinal(m.group(1))
        if number is None:
            return None
        start = m.end()
        stop = text.find("。", start)
        if stop == -1:
            stop = len(text)
        title_end = stop
        while title_end > start and text[title_end - 1] in ",;:!?。":
            title_end -= 1
        if title_end - start < 2 or title_end - start > 60:
            return None
        body = min(len(text), stop + 1)
        return _Heading(index, style, number, text[start:title_end], start, title_end, body)
    return None


def _ordinal(written: str) -> int | None:
    if written.isdecimal() and written.isascii():
        return int(written)
    if "\u2460" <= written <= "\u2473":
        return ord(written) - 0x2460 + 1
    return chinese_numeral(written)


def _areas(headings: list[_Heading], year: int | None, count: int) -> tuple[list[_Heading], set[int]]:
    """The headings of the work areas, and the paragraphs (of ``count``) that review past years."""
    styles = list(dict.fromkeys(h.style for h in headings))
    if not styles:
        return [], set()
    top = styles[0]
    tops = [h for h in headings if h.style == top]
    review: set[int] = set()
    for n, h in enumerate(tops):
        if _is_review(h.title, year):
            end = tops[n + 1].index if n + 1 < len(tops) else count
            review.update(range(h.index, end))
    live = [h for h in headings if h.index not in review]
    live_tops = [h for h in live if h.style == top]
    if len(styles) > 1:
        second = styles[1]
        children: dict[int, list[_Heading]] = {}
        parent: _Heading | None = None
        for h in live:
            if h.style == top:
                parent = h
            elif h.style == second and parent is not None:
                children.setdefault(parent.index, []).append(h)
        if children:
            best = max(live_tops, key=lambda t: len(children.get(t.index, [])))
            kids = children.get(best.index, [])
            container = bool(_TASKS_CONTAINER.search(best.title)) or len(live_tops) == 1
            plan_part = best.index == headings[0].index and _PLAN_PART.search(best.title) is not None
            if ((len(kids) >= 3 and (container or len(live_tops) <= 5)) or (len(kids) >= 2 and container)
                    or (kids and plan_part)):
                later = [t for t in live_tops if t.index > best.index]
                return kids + later, review
    return _numbered_run(live_tops), review


def _numbered_run(headings: list[_Heading]) -> list[_Heading]:
    """The longest run of headings numbered 1, 2, 3…: stray markers are not areas."""
    best: list[_Heading] = []
    run: list[_Heading] = []
    for h in headings:
        if h.number == 1 or (run and h.number == run[-1].number + 1):
            run = [h] if h.number == 1 else [*run, h]
            if len(run) > len(best):
                best = run
    return best or headings


def _is_review(title: str, year: int | None) -> bool:
    if _REVIEW.search(title) and "目标" not in title:
        return True
    m = re.match(r"(20[0-9][0-9])年", title)
    return bool(m and year and int(m.group(1)) < year and "目标" not in title)


def _task_styles(headings: list[_Heading], areas: list[_Heading]) -> set[str]:
    """Heading styles that number tasks inside the work areas."""
    if not areas:
        return set()
    area_styles = {h.style for h in areas}
    first = areas[0].index
    return {h.style for h in headings if h.index > first and h.style not in area_styles}


def _sections(areas: list[_Heading], article: list[Paragraph],
              task_marks: dict[int, list[tuple[str, Span, int]]]) -> tuple[Section, ...]:
    out = []
    for n, h in enumerate(areas, 1):
        p = article[h.index]
        end_index = areas[n].index if n < len(areas) else len(article)
        end = article[end_index - 1].whole[1]
        marks = task_marks.get(n, [])
        tasks = []
        for k, (heading, span, _) in enumerate(marks):
            task_end = article[marks[k + 1][2] - 1].whole[1] if k + 1 < len(marks) else end
            tasks.append(Task(heading, span, (span[0], task_end)))
        out.append(Section(n, h.title, p.span(h.title_start, h.title_end),
                           (p.whole[0], end), tuple(tasks)))
    return tuple(out)


def _plan_year(text: str, title: str | None) -> int | None:
    """The year most often written as the year of work or of goals, when no heading tells it."""
    if title:
        m = re.search(r"(20[0-9][0-9])年", title)
        if m:
            return int(m.group(1))
    counts = Counter(int(y) for y in _YEAR_OF_PLAN.findall(text))
    if counts:
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return None


def _region(before: list[Paragraph], text: str) -> str | None:
    """A web page's breadcrumb (首页>地方频道>金华>要闻) names the place the article is about."""
    for p in before:
        if ">" in p.text:
            names = [part for part in p.text.split(">") if 2 <= len(part) <= 6]
            scored = [(text.count(n), n) for n in names]
            best = max(scored, default=(0, ""))
            if best[0] >= 3:
                full = re.search(re.escape(best[1]) + "(?:市|省|州|县|区)", text)
                return full.group() if full else best[1]  # the page's name when the text has no other
    return None


def _heading_lines(article: list[Paragraph], headings: list[_Heading]) -> list[tuple[int, str]]:
    """(paragraph index, words) of every heading: numbered ones and short lines standing alone."""
    numbered = {h.index: h.title for h in headings}
    out = []
    for i, p in enumerate(article):
        if i in numbered:
            out.append((i, numbered[i]))
        elif len(p.text) <= 40 and not any(c in p.text for c in "。,;:!?"):
            out.append((i, p.text))
    return out


def _plan_start(lines: list[tuple[int, str]], year: int | None) -> int:
    """The paragraph where the plan part begins, 0 when no heading opens it."""
    for i, text in lines:
        if head.is_plan_heading(text, year):
            return i
    return 0


def plan_start(text: str) -> int | None:
    """Where the plan part of a report begins: the offset of its own heading in ``text``.

    二、2025年工作安排, 2023年重点工作, 三、全面做好今年工作: everything before it
    reviews past years. None when no heading opens the plan (a plan without review).
    """
    paras = paragraphs(text)
    first, last = _article_bounds(paras)
    article = paras[first:last]
    headings = [h for i, p in enumerate(article) if (h := _heading(i, p.text)) is not None]
    lines = _heading_lines(article, headings)
    _, session_year, _ = head.session(paras[:first + 12])
    year = head.plan_year(article, session_year, lines)
    start = _plan_start(lines, year)
    return article[start].whole[0] if start else None
