"""The year-end evaluation judges a target on a confirmed outcome from the next year's report."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook

from luoshi.outcomes.reading import decide, keep_source, propose
from luoshi.plans.models import Plan
from luoshi.reports.exports import evaluation_file
from luoshi.reports.tables import evaluation

pytestmark = pytest.mark.django_db

NEXT_REPORT = """江城市2025年政府工作报告

一、2024年工作回顾

全市地区生产总值增长6.5%,固定资产投资820亿元、增长7.1%。社会消费品零售总额增长5%,网络零售额增长12%。

二、2025年工作总体要求和目标任务

主要预期目标为:地区生产总值增长6%以上。
"""


@pytest.fixture
def confirmed(plan: Plan, office: User) -> Plan:
    source = keep_source(plan, "jiangcheng-2025.txt", NEXT_REPORT, office, title="江城市2025年政府工作报告")
    _, proposals = propose(plan, NEXT_REPORT, source)
    chosen = {p.key for p in proposals if p.same or "网络零售额" in p.quote}
    decide(source, proposals, chosen, set(), office)
    return plan


def rows(plan: Plan) -> dict[str, tuple[str, str, str]]:
    return {r.code: (r.verdict, str(r.actual) if r.actual else "", str(r.margin) if r.margin else "")
            for r in evaluation(plan, 2024).rows}


def test_it_judges_on_confirmed_outcomes_with_the_margin(confirmed: Plan) -> None:
    found = rows(confirmed)
    assert found["0.0.1"] == ("已完成", "6.5%", "+0.5个百分点")
    assert found["1.1.1"] == ("已完成", "820亿元", "+20亿元")
    assert found["1.1.2"] == ("部分完成", "7.1%", "-0.9个百分点")  # short by less than the 1-point tolerance
    assert found["1.2.1"] == ("未完成", "5%", "-2个百分点")


def test_a_related_outcome_only_says_so(confirmed: Plan) -> None:
    online = next(r for r in evaluation(confirmed, 2024).rows if r.code == "1.2.2")
    assert (online.verdict, online.actual) == ("仅有相关结果", None)
    assert "相关指标，不计入评定" in online.source and "「网络零售额增长12%」" in online.source


def test_the_source_is_named_with_its_words_on_the_page_and_in_the_file(confirmed: Plan) -> None:
    gdp = next(r for r in evaluation(confirmed, 2024).rows if r.code == "0.0.1")
    assert gdp.source == "江城市2025年政府工作报告「全市地区生产总值增长6.5%」"
    content, _ = evaluation_file(confirmed, 2024)
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [row for row in sheet.iter_rows(values_only=True) if row[0] == "0.0.1"]
    assert cells and cells[0][7] == "江城市2025年政府工作报告「全市地区生产总值增长6.5%」"


def test_nothing_is_judged_on_a_rejected_or_unconfirmed_outcome(plan: Plan, office: User) -> None:
    source = keep_source(plan, "jiangcheng-2025.txt", NEXT_REPORT, office)
    _, proposals = propose(plan, NEXT_REPORT, source)
    decide(source, proposals, set(), {p.key for p in proposals if p.target.code == "0.0.1"}, office)
    assert rows(plan)["0.0.1"][0] == "无结果"
