"""Results read from a report's review of the year before, and matched to that year's targets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extract.model import Kind
from luoshi.extract.outcomes import Fit, OutcomeKind, Promise, propose_matches, read_outcomes
from tests.conftest import SHARED, require

ROOT = Path(__file__).resolve().parents[2]
REVIEW = "一、2024年工作回顾\n\n{}\n\n二、2025年工作总体要求和目标任务\n\n主要预期目标为:地区生产总值增长6%以上。\n"


def brief(text: str) -> list[tuple[str, str, float | None, str | None]]:
    review = read_outcomes(REVIEW.format(text))
    return [(o.indicator, o.kind.value, o.value, o.unit) for o in review.outcomes]


def test_it_reads_growth_level_rank_and_count() -> None:
    found = brief("全市地区生产总值6925.5亿元、增长6.3%。固定资产投资增长5.3%,增速居全省第2;"
                  "新认定国家高新技术企业432家、累计2820家。")
    assert ("地区生产总值", "level", 6925.5, "亿元") in found
    assert ("地区生产总值", "growth", 6.3, "%") in found
    assert ("固定资产投资增速全省排名", "rank", 2.0, "位") in found
    assert ("新认定国家高新技术企业", "count", 432.0, "家") in found
    assert ("国家高新技术企业累计", "count", 2820.0, "家") in found


def test_it_reads_counts_written_before_their_noun_and_yes_no_results() -> None:
    found = brief("浙江师范大学新增区域国别学等6个博士学位授权点,双龙风景旅游区成功创5A。")
    assert ("博士学位授权点", "count", 6.0, "个") in found
    assert any(kind == "done" and "双龙风景旅游区" in name for name, kind, _, _ in found)


def test_it_reads_nothing_from_the_plan_part() -> None:
    review = read_outcomes(REVIEW.format("城镇调查失业率4.3%。"))
    assert [o.value for o in review.outcomes] == [4.3]
    assert review.quote(review.outcomes[0]) == "城镇调查失业率4.3%"


def test_it_says_so_when_there_is_no_review() -> None:
    review = read_outcomes("二、2025年工作安排\n\n地区生产总值增长6%以上。\n")
    assert review.outcomes == () and review.warnings


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一、2024年工作回顾增长亿元%居全省第首位新增家个入选获批。,;\n0123456789.", max_size=200))
def test_it_never_raises_and_quotes_the_text(text: str) -> None:
    review = read_outcomes(text)
    for o in review.outcomes:
        assert 0 <= o.span[0] < o.span[1] <= len(text)


def canonical(name: str) -> str | None:
    return "外贸出口" if "出口" in name and "对非" not in name else None


def test_it_matches_the_same_indicator_and_marks_a_growth_for_a_level_as_related() -> None:
    review = read_outcomes(REVIEW.format("其中外贸出口7719.2亿元、增长16.4%。新增省科技型中小企业1367家。"))
    promises = [Promise("1.3.3", "外贸出口", Kind.LEVEL, "亿元", 7000, "外贸出口"),
                Promise("3.1.4", "新增省科技型中小企业", Kind.LEVEL, "家", 1000),
                Promise("3.1.5", "新增国家高新技术企业", Kind.LEVEL, "家", 300)]
    found = {(m.key, m.outcome.value, m.fit) for m in propose_matches(review.outcomes, promises, canonical)}
    assert ("1.3.3", 7719.2, Fit.SAME) in found
    assert ("1.3.3", 16.4, Fit.RELATED) in found  # a growth rate never decides a level target
    assert ("3.1.4", 1367.0, Fit.SAME) in found
    assert not any(key == "3.1.5" for key, _, _ in found)


def test_a_different_way_of_counting_is_only_related() -> None:
    review = read_outcomes(REVIEW.format("争取用地指标4.8万亩。建设高标准农田8.1万亩。"))
    promises = [Promise("1", "新增建设用地指标", Kind.LEVEL, "万亩", 2),
                Promise("2", "新增高标准农田", Kind.LEVEL, "万亩", 3)]
    fits = {m.key: m.fit for m in propose_matches(review.outcomes, promises, lambda _: None)}
    assert fits == {"1": Fit.RELATED, "2": Fit.RELATED}


def test_it_reads_jinhua_2025_and_matches_the_seeds_targets() -> None:
    """Outcomes against outcomes-2024.jsonl, matches against the 39 same-indicator answers."""
    require(SHARED / "corpus" / "jinhua" / "outcomes-2024.jsonl")
    require(SHARED / "seeds" / "jinhua-2024-work-report.txt")
    result = subprocess.run([sys.executable, "benchmarks/outcomes_score.py", "--min-detect", "0.9",
                             "--min-match-precision", "0.95", "--min-match-recall", "0.9"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "same-indicator matches: precision" in result.stdout


def test_outcome_kinds_are_the_documented_ones() -> None:
    assert {k.value for k in OutcomeKind} == {"growth", "level", "change", "count", "rank", "done"}
