"""Targets without a number: named deliverables, ranks and directions in words (own examples)."""

from __future__ import annotations

import pytest

from luoshi.extract import Kind, extract_plan


def kinds_and_quotes(text: str) -> list[tuple[str, str]]:
    plan = extract_plan(text)
    return [(t.kind.value, plan.quote(t)) for t in plan.targets if not t.kind.numeric]


@pytest.mark.parametrize(("text", "expected"), [
    # the verb first: each named object after it is a deliverable
    ("建成东湖大桥、西山隧道。", [("milestone", "建成东湖大桥"), ("milestone", "西山隧道")]),
    ("开工北环高速、南港铁路和滨江通用机场等项目。",
     [("milestone", "开工北环高速"), ("milestone", "南港铁路"), ("milestone", "滨江通用机场等项目")]),
    # the verb last: each object up to the clause's end
    ("确保城北商业中心、滨河文化公园年底前投入运营。",
     [("milestone", "城北商业中心、滨河文化公园年底前投入运营"), ("milestone", "滨河文化公园年底前投入运营")]),
    ("力争新材料产业园二期项目投产。", [("milestone", "新材料产业园二期项目投产")]),
    # a number inside the project's name does not make it a quantity target
    ("推动年产5万吨电池材料项目建成投产。", [("milestone", "年产5万吨电池材料项目建成投产")]),
    # standards and stated completions
    ("实现城乡供水一体化全覆盖。", [("milestone", "城乡供水一体化全覆盖")]),
    ("高质量完成第三次土壤普查任务。", [("milestone", "高质量完成第三次土壤普查任务")]),
    # designations the government seeks
    ("积极创建国家级文化和旅游消费示范城市。", [("milestone", "创建国家级文化和旅游消费示范城市")]),
])
def test_named_deliverables_are_milestones(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_quotes(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("确保营商环境评价稳居全省前列。", "relation"),
    ("农产品价格总水平与上年持平。", "relation"),
    ("财政科技投入比去年翻一番。", "relation"),
    ("民间投资增速高于全部投资增速。", "relation"),
    ("外贸进出口总额保持平稳增长。", "direction"),
    ("规上工业增加值、高新技术产业产值稳步提升。", "direction"),
])
def test_ranks_relations_and_directions_in_words(text: str, kind: str) -> None:
    found = kinds_and_quotes(text)
    assert found and all(k == kind for k, _ in found)


def test_process_verbs_are_not_milestones() -> None:
    assert kinds_and_quotes("加快推进城东片区更新改造,深化国资国企改革。") == []


def test_within_the_year_is_no_deadline() -> None:
    plan = extract_plan("二、2025年工作安排\n年内新建社区食堂20个,城南水厂6月底前建成。\n")
    assert [(t.kind, t.deadline) for t in plan.targets] == [
        (Kind.LEVEL, None), (Kind.MILESTONE, __import__("datetime").date(2025, 6, 30))]


@pytest.mark.parametrize(("text", "expected"), [
    ("大力推进36个老旧小区改造。", [(36, "个", "老旧小区改造")]),
    ("实施85个技改项目和40个新增产能项目。", [(85, "个", "技改项目"), (40, "个", "新增产能项目")]),
    ("打通滨江路、学府路东延等12条断头路。", [(12, "条", "断头路")]),
])
def test_a_count_before_its_noun_after_any_verb_or_a_list_closed_by_deng(
        text: str, expected: list[tuple[int, str, str]]) -> None:
    plan = extract_plan(text)
    found = [(t.value, t.unit, t.indicator) for t in plan.targets if t.kind.numeric]
    assert [(v, u) for v, u, _ in found] == [(v, u) for v, u, _ in expected]
    assert all(want in got for (_, _, got), (_, _, want) in zip(found, expected, strict=True))
