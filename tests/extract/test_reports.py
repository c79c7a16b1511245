"""Whole reports of the genre: every twelfth report of ../shared/corpus/reports, read as a user imports it.

The benchmark ``benchmarks/extract_reports.py`` reads all 240; this runs a part of it.
"""

from __future__ import annotations

import pytest

from benchmarks.extract_reports import REPORTS, manifest, read_all
from luoshi.extract import extract_plan
from luoshi.extract.outline import plan_start
from tests.conftest import SHARED, require

JINHUA_2025 = SHARED / "corpus" / "jinhua" / "jinhua-2025.txt"


def test_a_sample_of_whole_reports_gives_region_year_and_targets() -> None:
    require(REPORTS / "manifest.tsv")
    readings = read_all(manifest(every=12))
    assert len(readings) == 20
    assert [r.file for r in readings if r.error] == []
    wrong = [(r.file, r.region, r.plan_year) for r in readings if not r.right]
    assert len(wrong) <= 2, wrong  # 240 in the benchmark: >= 98% right
    assert [r.file for r in readings if r.targets < 10] == []


def test_the_whole_jinhua_2025_report_names_its_government_year_and_session() -> None:
    text = require(JINHUA_2025).read_text(encoding="utf-8")
    plan = extract_plan(text)
    assert (plan.region, plan.year) == ("金华市", 2025)
    assert plan.title is not None and "金华市第八届人民代表大会" in plan.title
    start = plan_start(text)
    assert start is not None and text[start:].startswith("二、2025年")
    assert all(t.span[0] >= start for t in plan.targets)  # the review of 2024 yields no targets


REPORT = """政府工作报告
——2021年12月28日在青川市第九届人民代表大会第一次会议上

各位代表:
现在,我代表市人民政府,向大会报告工作。

一、2021年工作回顾
过去一年,全市生产总值增长7.1%,新增市场主体2.3万户。
(一)产业发展。新开工项目150个。

二、2022年工作安排
(一)扩大有效投资
实施重点项目200个,固定资产投资增长9%。
(二)增进民生福祉
新建学校12所。
"""


@pytest.mark.parametrize(("text", "region", "year"), [
    (REPORT, "青川市", 2022),  # a session in December plans for the next year
    (REPORT.replace("在青川市第九届", "在市九届").replace("全市", "青川市") + "青川发展,青川人民。\n",
     "青川市", 2022),  # the session says only 市: the name the text keeps using
    ("现在,我代表自治区人民政府,向大会报告工作。宁夏各族人民…\n二、2024年工作安排\n增长6%。\n",
     "宁夏回族自治区", 2024),
    ("二〇二三年一月八日在凉山州第十一届人民代表大会第二次会议上\n我代表州人民政府报告工作。\n",
     "凉山彝族自治州", 2023),
    ("现在,我代表国务院,向大会报告政府工作。\n二、2017年工作总体部署\n", "国务院", 2017),
])
def test_region_and_year_come_from_the_report_itself(text: str, region: str, year: int) -> None:
    plan = extract_plan(text)
    assert (plan.region, plan.year) == (region, year)


def test_everything_before_the_plan_heading_is_review() -> None:
    plan = extract_plan(REPORT)
    assert [t.value for t in plan.targets] == [200, 9, 12]
    assert [s.title for s in plan.sections] == ["扩大有效投资", "增进民生福祉"]
    assert plan_start(REPORT) == REPORT.index("二、2022年工作安排")


def test_a_later_milestone_year_is_not_the_plan_year() -> None:
    text = "二、2024年工作安排\n到2027年,全市生产总值突破1万亿元。今年增长6%左右。\n到2030年基本建成。\n"
    assert extract_plan(text).year == 2024
