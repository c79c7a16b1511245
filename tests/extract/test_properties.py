"""Properties over open-ended input: any text at all, and every Chinese numeral."""

from __future__ import annotations

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extract import extract_plan
from luoshi.extract.clean import paragraphs
from luoshi.extract.numbers import chinese_numeral

# Text in the report's own alphabet: the characters the rules look at, mixed with anything.
REPORT_ALPHABET = list("0123456789０１２３４５６７８９.．%％、,，。;；:：()（）“”《》—-~至以上下内左右"
                       "达到突破超过不低于控制在增长提高个百分点亿万元家个亩分别各均力争争取月底前年"
                       "一二三四五六七八九十百千两第\n \u3000\t")
report_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(REPORT_ALPHABET)),
    st.lists(st.sampled_from(["(一)", "一、", "1.", "提升投资效益。", "新增", "企业8家", "、",
                              "增长10%", "以上", ",", "。", "\n\n", "力争", "各", "分别", "“443”",
                              "10月底前", "全部开工", "与经济增长同步", "同比下降", "其中",
                              # the shapes of ranks, shared numbers, later years and bare magnitudes
                              "进入全省前", "保持全国第", "2位", "前进3位", "每个县", "突破万亿", "8万",
                              "十二届四次", "2099年", "2020—2022年", "A专线开工", "100%达标", "倍差缩小至1.8",
                              "游客人数", "均"]))
    .map("".join),
)


@settings(max_examples=300, deadline=None)
@given(report_text)
def test_it_never_raises_and_every_span_quotes_the_text(text: str) -> None:
    plan = extract_plan(text)
    for target in plan.targets:
        start, end = target.span
        assert 0 <= start < end <= len(text)
        assert plan.quote(target) == text[start:end]
    for section in plan.sections:
        assert cleaned(text[slice(*section.title_span)]) == section.title
        for task in section.tasks:
            assert cleaned(text[slice(*task.heading_span)]) == task.heading


def cleaned(original: str) -> str:
    """Titles are given cleaned (full-width to ASCII, layout spaces dropped); spans are original."""
    return "".join(p.text for p in paragraphs(original))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_it_reads_every_chinese_numeral_cn2an_writes(n: int) -> None:
    assert chinese_numeral(cn2an.an2cn(n, "low")) == n


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_it_is_deterministic(text: str) -> None:
    assert extract_plan(text) == extract_plan(text)
