"""The observation template and its upload: every bad cell named, the database unchanged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from tests.factories import imported_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan() -> Plan:
    return imported_report(region="江城市", year=2024, slug="jiangcheng-2024").plan


@pytest.fixture
def template(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "进度.xlsx"
    call_command("observations", "template", "--plan", plan.slug, "--period", "2024-06",
                 "-o", str(path), stdout=io.StringIO())
    return path


def fill(path: Path, cells: dict[str, object]) -> Path:
    book = load_workbook(path)
    sheet = book["进度数据"]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


def upload(path: Path, plan: Plan) -> str:
    out = io.StringIO()
    call_command("observations", "import", str(path), "--plan", plan.slug, stdout=out)
    return out.getvalue()


def test_it_writes_a_template_with_one_row_per_target(template: Path, plan: Plan) -> None:
    sheet = load_workbook(template)["进度数据"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("编号", "指标", "单位", "期别", "数值", "进展情况")
    assert [r[0] for r in rows[1:]] == list(plan.targets.order_by("section__ordinal", "id")
                                            .values_list("code", flat=True))
    assert rows[3][:5] == ("1.1.1", "固定资产投资", "亿元", "2024-06", None)
    assert sheet.freeze_panes == "A2"


def test_it_stores_the_filled_rows_and_skips_the_empty_ones(template: Path, plan: Plan) -> None:
    fill(template, {"E4": 380, "F4": "重大项目加快推进", "E5": 8.6})
    assert "已保存2条进度数据" in upload(template, plan)
    stored = Observation.objects.order_by("id")
    assert [(o.target.code, o.period, o.value, o.narrative) for o in stored] == [
        ("1.1.1", "2024-06", 380, "重大项目加快推进"), ("1.1.2", "2024-06", 8.6, "")]


@pytest.mark.parametrize(("cells", "message"), [
    ({"A4": "9.9.9"}, "进度数据!A4: 编号“9.9.9”不是计划 jiangcheng-2024 的目标"),
    ({"E4": "约12亿"}, "进度数据!E4: 数值“约12亿”不是数字"),
    ({"C4": "万元"}, "进度数据!C4: 单位“万元”与目标的单位“亿元”不一致"),
    ({"D4": "2023-12"}, "进度数据!D4: 期别 2023-12 不在计划年度 2024 年内"),
    ({"D4": "六月"}, "进度数据!D4: 期别“六月”应写成 2024-06、2024Q2、2024H1 或 2024"),
    ({"A5": "1.1.1", "B5": "固定资产投资", "C5": "亿元"}, "进度数据!A5: 与第4行重复"),
    ({"G4": "高"}, "进度数据!G4: 对照数“高”不是数字"),
])
def test_it_names_the_cell_and_the_problem_and_stores_nothing(
        template: Path, plan: Plan, cells: dict[str, object], message: str) -> None:
    fill(template, {"E4": 380, "E5": 8.6, "E6": 40} | cells)
    with pytest.raises(CommandError) as error:
        upload(template, plan)
    assert message in str(error.value)
    assert "没有保存任何数据" in str(error.value)
    assert Observation.objects.count() == 0


def test_it_lists_every_problem_in_the_file_at_once(template: Path, plan: Plan) -> None:
    fill(template, {"E4": "约12亿", "C5": "万元", "E5": 3, "A6": "0.0.9", "E6": 1})
    with pytest.raises(CommandError) as error:
        upload(template, plan)
    assert str(error.value).count("进度数据!") == 3


def test_it_refuses_a_file_that_is_not_a_spreadsheet(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "进度.xlsx"
    path.write_bytes(b"this is not a workbook")
    with pytest.raises(CommandError, match=r"不是有效的 Excel \.xlsx 文件"):
        upload(path, plan)


def test_it_refuses_a_sheet_without_the_template_header(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "进度.csv"
    path.write_text("code,value\n1.1.1,380\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"进度.csv!1: 表头缺少列：编号、指标、单位、期别、数值、进展情况"):
        upload(path, plan)


def test_it_reads_csv_as_well(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "进度.csv"
    path.write_text("编号,指标,单位,期别,数值,进展情况\n1.1.1,固定资产投资,亿元,2024-06,\"1,380\",\n",
                    encoding="utf-8-sig")
    assert "已保存1条" in upload(path, plan)
    assert Observation.objects.get().value == 1380


def test_it_keeps_every_revision_and_counts_the_latest(template: Path, plan: Plan) -> None:
    fill(template, {"E4": 380})
    upload(template, plan)
    fill(template, {"E4": 395})
    upload(template, plan)
    assert list(Observation.objects.order_by("id").values_list("value", flat=True)) == [380, 395]
    from datetime import date

    from luoshi.progress.assessing import assess_plan

    row = next(r for r in assess_plan(plan, date(2024, 6, 30)) if r.target.code == "1.1.1")
    assert row.assessment.actual == 395


def test_it_assesses_a_whole_plan_in_the_same_number_of_queries_however_many_targets(plan: Plan) -> None:
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luoshi.plans.models import Target
    from luoshi.progress.assessing import assess_plan

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            rows = assess_plan(plan, date(2024, 6, 30))
        assert len(rows) == plan.targets.count()
        return len(captured)

    few = queries()
    section = plan.sections.get(ordinal=1)
    for n in range(30):
        target = Target.objects.create(plan=plan, section=section, code=f"1.9.{n}", indicator_text="x",
                                       kind="level", comparator="=", value=10, unit="亿元")
        Observation.objects.create(target=target, period="2024-05", value=1)
    assert queries() == few


def test_it_reassesses_as_soon_as_a_figure_or_a_target_changes(plan: Plan) -> None:
    from datetime import date

    from luoshi.progress.assessing import assess_plan

    def status() -> str:
        return next(r.assessment.status for r in assess_plan(plan, date(2024, 6, 30)) if r.target.code == "1.1.1")

    assert status() == "no_data"
    target = plan.targets.get(code="1.1.1")
    Observation.objects.create(target=target, period="2024-06", value=380)
    assert status() == "at_risk"  # 380 of 800 by June: 47.5% against 50%
    target.value = 700
    target.save()
    assert status() == "on_track"


@pytest.mark.parametrize(("period", "said"), [
    ("2024-13", "--period: 期别“2024-13”应写成 2024-06、2024Q2、2024H1 或 2024"),
    ("June", "--period: 期别“June”应写成 2024-06、2024Q2、2024H1 或 2024"),
    ("2023-06", "--period: 期别 2023-06 不在计划年度 2024 年内：2024 年的计划只收 2024 年的数值"),
])
def test_the_template_command_names_a_wrong_period_in_chinese_and_writes_nothing(plan: Plan, tmp_path: Path,
                                                                                 period: str, said: str) -> None:
    """The command line has no English mode (it speaks the site's language, Chinese): the period's
    problem is said as the reporting form says it, wholly in Chinese."""
    with pytest.raises(CommandError) as refused:
        call_command("observations", "template", "--plan", plan.slug, "--period", period,
                     "-o", str(tmp_path / "t.xlsx"), stdout=io.StringIO())
    assert str(refused.value) == said
    assert not (tmp_path / "t.xlsx").exists()


def test_the_templates_period_problem_is_english_on_an_english_page(plan: Plan) -> None:
    from django.utils import translation

    from luoshi.progress.sheets import SheetProblems
    from luoshi.progress.sheets import template as make

    with translation.override("en"), pytest.raises(SheetProblems) as refused:
        make(plan, "2023-06")
    assert str(refused.value) == ("--period: The period 2023-06 is not in the plan's year 2024: "
                                  "a 2024 plan takes figures of 2024 only")
