"""Uploading a filled template through the page, as a careless or a hostile sender would."""

from __future__ import annotations

import io
import math
import zipfile

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.progress.sheets import MAX_INFLATED_BYTES, MAX_ROWS, MAX_UPLOAD_BYTES, template
from tests.world import client_for


def _template(plan: Plan, cells: dict[str, object], formats: dict[str, str] | None = None) -> bytes:
    """The liaison's template for June with ``cells`` filled in (row 4 is 1.1.1, row 5 is 1.1.2)."""
    book = template(plan, "2024-06", list(plan.targets.order_by("section__ordinal", "id")))
    sheet = book["进度数据"]
    for ref, value in cells.items():
        sheet[ref] = value
    for ref, shown_as in (formats or {}).items():
        sheet[ref].number_format = shown_as
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client, plan: Plan, data: bytes, name: str = "进度.xlsx") -> str:  # type: ignore[no-untyped-def]
    response = client.post(reverse("report-upload", args=[plan.slug]),
                            {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    return response.content.decode()


def _confirm(client, plan: Plan, preview: str) -> str:  # type: ignore[no-untyped-def]
    """Post the preview's form back, as the browser does when 确认报送 is pressed."""
    import re

    fields = dict(re.findall(r'<input type="hidden" name="(row-[^"]+|confirm)" value="([^"]*)"', preview))
    fields |= dict(re.findall(r'<input type="hidden" name="(row-[^"]+)"[^>]*value="([^"]*)"', preview))
    from html import unescape

    data = {k: unescape(v) for k, v in fields.items()}
    data["confirm"] = "1"
    return client.post(reverse("report-upload", args=[plan.slug]), data, follow=True).content.decode()


def test_it_reads_a_percentage_cell_as_the_percent_it_shows(plan: Plan, liaison: User) -> None:
    client = client_for(liaison)
    preview = _upload(client, plan, _template(plan, {"E5": 0.086}, {"E5": "0.0%"}))  # shows 8.6%
    assert "检查通过" in preview
    _confirm(client, plan, preview)
    assert Observation.objects.get().value == 8.6


def test_it_keeps_the_file_out_of_the_session(plan: Plan, liaison: User) -> None:
    client = client_for(liaison)
    preview = _upload(client, plan, _template(plan, {"E4": 450, "F4": "重大项目加快推进"}))
    assert "检查通过" in preview
    assert all(len(s.session_data) < 2000 for s in Session.objects.all())
    _confirm(client, plan, preview)
    stored = Observation.objects.get()
    assert (stored.value, stored.narrative, stored.status, stored.reported_by) == (
        450, "重大项目加快推进", Observation.Status.SUBMITTED, liaison)


@pytest.mark.parametrize(("cells", "message"), [
    ({"E4": "=400+50"}, "进度数据!E4: 是公式（=400+50）"),
    ({"E4": "=[1]Sheet1!A1"}, "进度数据!E4: 引用了外部工作簿"),
    ({"E4": "=HYPERLINK(\"http://x\",450)"}, "进度数据!E4: 是公式"),
])
def test_it_refuses_formulas_and_external_links_naming_the_cell(plan: Plan, liaison: User,
                                                                cells: dict[str, object], message: str) -> None:
    page = _upload(client_for(liaison), plan, _template(plan, cells))
    assert message in page and not Observation.objects.exists()


def test_it_refuses_a_workbook_that_links_to_another(plan: Plan, liaison: User) -> None:
    data = _rezip(_template(plan, {"E4": 450}), {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    assert "引用了外部工作簿" in _upload(client_for(liaison), plan, data)


def test_it_refuses_a_zip_bomb_built_to_fill_the_memory_without_unpacking_it(plan: Plan, liaison: User) -> None:
    row = b'<row><c t="inlineStr"><is><t>' + b"0" * 1000 + b"</t></is></c></row>"
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + \
        row * (2 * MAX_INFLATED_BYTES // len(row)) + b"</sheetData></worksheet>"
    bomb = _rezip(_template(plan, {}), {"xl/worksheets/sheet1.xml": sheet})
    assert len(bomb) < MAX_UPLOAD_BYTES < len(sheet) // 10  # small to send, huge to unpack
    page = _upload(client_for(liaison), plan, bomb)
    assert "可能是压缩炸弹" in page and not Observation.objects.exists()


def test_it_refuses_a_zip_bomb_whose_directory_lies_about_its_size(plan: Plan, liaison: User) -> None:
    """The same bomb with every size in its zip headers rewritten as 1,000 bytes: reading stops there."""
    row = b'<row><c t="inlineStr"><is><t>' + b"0" * 1000 + b"</t></is></c></row>"
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + \
        row * (2 * MAX_INFLATED_BYTES // len(row)) + b"</sheetData></worksheet>"
    bomb = bytearray(_rezip(_template(plan, {}), {"xl/worksheets/sheet1.xml": sheet}))
    for signature, at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # central directory, local headers
        found = bomb.find(signature)
        while found >= 0:
            if int.from_bytes(bomb[found + at:found + at + 4], "little") > MAX_INFLATED_BYTES:
                bomb[found + at:found + at + 4] = (1000).to_bytes(4, "little")
            found = bomb.find(signature, found + 4)
    assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bytes(bomb))).infolist()) < MAX_INFLATED_BYTES
    page = _upload(client_for(liaison), plan, bytes(bomb))
    assert "已损坏" in page and "没有保存任何数据" in page and not Observation.objects.exists()


def test_it_refuses_more_rows_than_a_plan_has_targets(plan: Plan, liaison: User) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("进度数据")
    sheet.append(["编号", "指标", "单位", "期别", "数值", "进展情况"])
    for n in range(MAX_ROWS + 10):
        sheet.append(["1.1.1", "固定资产投资", "亿元", "2024-06", n])
    out = io.BytesIO()
    book.save(out)
    page = _upload(client_for(liaison), plan, out.getvalue())
    assert f"超过 {MAX_ROWS} 行的上限" in page and not Observation.objects.exists()


def test_it_refuses_a_file_over_the_size_limit_unread(plan: Plan, liaison: User) -> None:
    page = _upload(client_for(liaison), plan, b"PK" + b"\0" * (MAX_UPLOAD_BYTES + 1))
    assert "MB 的上限" in page


@pytest.mark.parametrize("damage", ["dtd", "entity", "garbage", "truncated", "bad-xml", "not-xlsx"])
def test_it_says_what_is_wrong_with_a_broken_or_hostile_file_instead_of_failing(plan: Plan, liaison: User,
                                                                                damage: str) -> None:
    good = _template(plan, {"E4": 450})
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    files = {
        "dtd": ("进度.xlsx", _rezip(good, {"xl/worksheets/sheet1.xml": laughs})),
        "entity": ("进度.xlsx", _rezip(good, {"[Content_Types].xml": b'<?xml version="1.0"?><!ENTITY x "y"><a/>'})),
        "garbage": ("进度.xlsx", b"this is not a spreadsheet at all"),
        "truncated": ("进度.xlsx", good[: len(good) // 2]),
        "bad-xml": ("进度.xlsx", _rezip(good, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"})),
        "not-xlsx": ("进度.docx", good),
    }
    name, data = files[damage]
    page = _upload(client_for(liaison), plan, data, name)
    assert "没有保存任何数据" in page and not Observation.objects.exists()


def _rezip(xlsx: bytes, replace: dict[str, bytes]) -> bytes:
    """The workbook ``xlsx`` with some of its parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename not in replace:
                new.writestr(item, old.read(item))
        for name, data in replace.items():
            new.writestr(name, data)
    return out.getvalue()


_cells = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
                   st.integers(min_value=-(10**20), max_value=10**20),
                   st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                   st.sampled_from(["2024-06", "2024q2", "2023-06", "1.1.1", "1.1.2", "2.1.2", "=1+1", "inf",
                                    "nan", "-150", "1e308", "50%", "亿元", ""]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(rows=st.lists(st.lists(_cells, min_size=0, max_size=10), max_size=6))
def test_it_never_fails_and_never_stores_a_non_finite_figure_whatever_the_sheet(plan: Plan, liaison: User,
                                                                                rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "进度数据"
    sheet.append(["编号", "指标", "单位", "期别", "数值", "进展情况", "对照数", "存在问题", "下一步措施", "来源"])
    for row in rows:
        sheet.append([c if not isinstance(c, float) or math.isfinite(c) else str(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    client = client_for(liaison)
    preview = _upload(client, plan, out.getvalue())
    if "检查通过" in preview:
        _confirm(client, plan, preview)
    assert _all_finite()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(value=st.one_of(st.text(max_size=40), st.floats().map(repr), st.integers().map(str)),
       reference=st.one_of(st.text(max_size=20), st.floats().map(repr)),
       period=st.one_of(st.text(max_size=12), st.sampled_from(["2024-06", "2024q2", "2023-06", "2024-13"])),
       words=st.text(max_size=50), code=st.sampled_from(["1.1.1", "1.1.2", "2.1.2", "0.0.1"]),
       seen=st.one_of(st.just(""), st.integers().map(str), st.text(max_size=5)))
def test_it_never_fails_and_never_stores_a_non_finite_figure_whatever_the_form(
        plan: Plan, liaison: User, value: str, reference: str, period: str, words: str, code: str,
        seen: str) -> None:
    client = client_for(liaison)
    response = client.post(reverse("report", args=[plan.slug]) + "?period=2024-06", {
        "period": period, f"value-{code}": value, f"reference-{code}": reference, f"problems-{code}": words,
        f"next-{code}": words, f"narrative-{code}": words, f"source-{code}": words, f"seen-{code}": seen,
        f"asked-{code}": "1"})
    assert response.status_code in (200, 302)
    assert _all_finite()
    assert all(p in {"2024-06", "2024Q2"} or p.startswith("2024") for p in
               Observation.objects.values_list("period", flat=True))


def _all_finite() -> bool:
    """Every stored figure and 对照数 is a real number (no inf, -inf, nan, nor 1e308)."""
    return all(math.isfinite(x) and abs(x) <= 1e15 for pair in Observation.objects.values_list("value", "reference")
               for x in pair if x is not None)


def test_it_reads_back_the_template_it_writes(plan: Plan) -> None:
    book = load_workbook(io.BytesIO(_template(plan, {})))
    assert book["进度数据"]["A4"].value == "1.1.1"
