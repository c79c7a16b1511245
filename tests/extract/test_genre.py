"""More of the genre's patterns, each in sentences written for these tests (not taken from any report)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import brief, targets


@pytest.mark.parametrize(("text", "expected"), [
    ("市经开区、滨江高新区力争进入全省同类园区前8位。",
     [("市经开区全省同类园区排名", "level", "<=", 8, "位"), ("滨江高新区全省同类园区排名", "level", "<=", 8, "位")]),
    ("东城、西城开发区进入全省前12位。",
     [("东城开发区全省排名", "level", "<=", 12, "位"), ("西城开发区全省排名", "level", "<=", 12, "位")]),
    ("科技创新指数保持全省第2位。", [("科技创新指数全省排名", "level", "=", 2, "位")]),
    ("营商环境综合排名进入全国前三十名。", [("营商环境综合排名全国", "level", "<=", 30, "名")]),
    ("南湖开发区前进4位。", [("南湖开发区排名", "change", "=", 4, "位")]),
    ("数字经济发展指数提升3个位次。", [("数字经济发展指数排名", "change", "=", 3, "位")]),
])
def test_it_reads_a_rank_as_a_target_of_each_ranked_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    found = targets(text)
    assert [brief(t) for t in found] == expected
    assert len({t.span for t in found}) == 1  # one quote for all the subjects that share the place


@pytest.mark.parametrize("text", [
    "地区生产总值增速居全省第3位。",  # a result, not a commitment
    "要把人民群众生命安全放在第一位。",
])
def test_it_leaves_ranks_that_report_a_result_or_a_priority_alone(text: str) -> None:
    assert targets(text) == []
