"""Comparing plans of different years and regions, on small reports written for these tests."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from luoshi.reports.comparison import base_value, compare
from tests.factories import imported_report

pytestmark = pytest.mark.django_db

JIANGCHENG_2023 = """江城市2023年政府工作报告

今年主要预期目标是:地区生产总值增长6.5%左右,城镇调查失业率控制在5.5%以内,外贸出口突破900亿元。

(一)扩大有效需求

扩大有效投资。全年固定资产投资增长9%以上,社会消费品零售总额增长7%。
"""
JIANGCHENG_2024 = """江城市2024年政府工作报告

今年主要预期目标是:地区生产总值增长6%左右,城镇调查失业率控制在5.5%以内,外贸出口突破1000亿元。

(一)扩大有效需求

扩大有效投资。全年固定资产投资增长10%以上,实际使用外资5亿美元。
"""
SHANCHUAN_2024 = """山川市2024年政府工作报告

今年主要预期目标是:地区生产总值增长5.5%左右,外贸出口突破60亿美元。

(一)扩大有效需求

扩大有效投资。全年固定资产投资增长8%以上。
"""


@pytest.fixture
def plans() -> list:  # type: ignore[type-arg]
    return [imported_report(text, region=region, year=year).plan for text, region, year in (
        (JIANGCHENG_2023, "江城市", 2023), (JIANGCHENG_2024, "江城市", 2024), (SHANCHUAN_2024, "山川市", 2024))]


def test_it_says_what_was_raised_lowered_added_and_dropped(plans: list) -> None:  # type: ignore[type-arg]
    result = compare(plans)
    assert [(p.region, p.year) for p in result.plans] == [("山川市", 2024), ("江城市", 2023), ("江城市", 2024)]
    by = {(line.indicator, line.kind): line for line in result.lines}
    gdp = by[("地区生产总值", "growth")]
    assert [c.words if c else None for c in gdp.cells] == ["地区生产总值增长5.5%左右", "地区生产总值增长6.5%左右",
                                                           "地区生产总值增长6%左右"]
    assert gdp.cells[2].change == "降低"
    assert by[("固定资产投资", "growth")].cells[2].change == "提高"
    assert by[("外贸出口", "level")].cells[2].change == "提高"
    assert by[("城镇调查失业率", "level")].cells[2].change == "持平"
    assert by[("实际使用外资", "level")].cells[2].change == "新增"
    assert by[("社会消费品零售总额", "growth")].dropped == ["jiangcheng-2024"]


def test_it_compares_figures_written_with_different_magnitudes() -> None:
    assert base_value(2700, "亿元") == (2.7e11, "元")
    assert base_value(60, "亿美元") == (6e9, "美元")
    assert base_value(2, "百分点") == (2, "百分点")


def test_it_prints_the_comparison(plans: list) -> None:  # type: ignore[type-arg]
    out = io.StringIO()
    call_command("compare", stdout=out)
    text = out.getvalue()
    assert text.splitlines()[0] == "指标 | 山川市2024 | 江城市2023 | 江城市2024"
    assert ("地区生产总值（growth） | 地区生产总值增长5.5%左右 | 地区生产总值增长6.5%左右 | "
            "地区生产总值增长6%左右（降低）") in text


def test_it_shows_the_comparison_to_the_office_and_leaders_only(plans: list) -> None:  # type: ignore[type-arg]
    from django.test import Client

    from luoshi.accounts.models import Role
    from luoshi.accounts.users import add_user
    from luoshi.demo.units import ensure_units

    ensure_units()
    office, liaison = Client(), Client()
    office.force_login(add_user("alice", "correct-horse-battery", Role.OFFICE))
    liaison.force_login(add_user("charlie", "correct-horse-battery", Role.LIAISON, "市发改委"))
    page = office.get("/compare/?plans=jiangcheng-2023,jiangcheng-2024").content.decode()
    assert "地区生产总值增长6%左右" in page and "降低" in page and "山川市" in page  # offered, not chosen
    assert liaison.get("/compare/").status_code == 403
