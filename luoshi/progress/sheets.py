"""The observation template and its upload: every bad cell named, nothing written unless all is good."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from luoshi.plans.models import Plan, Target
from luoshi.progress import workflow
from luoshi.reports import files
from luoshi.tracking.figures import say_number

COLUMNS = ("编号", "指标", "单位", "期别", "数值", "进展情况", "对照数", "存在问题", "下一步措施", "来源")
REQUIRED = COLUMNS[:6]
SHEET = "进度数据"
_WIDTHS = (8, 32, 8, 9, 10, 30, 9, 24, 24, 20)


@dataclass(frozen=True)
class Problem:
    where: str  # 进度数据!E7
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class SheetProblems(Exception):
    """The file has problems; none of it was written. ``problems`` lists each with its cell."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def template(plan: Plan, period: str, targets: list[Target] | None = None) -> Workbook:
    """A workbook with one row per target of ``plan`` for ``period``, the value left for the unit to fill."""
    try:
        period = workflow.plan_period(plan.year, period)  # said as the form says it, in the user's language
    except workflow.Invalid as e:
        raise SheetProblems([Problem("--period", str(e))]) from None
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    rows = targets if targets is not None else plan.targets.select_related("section").order_by("section__ordinal", "id")
    files.sheet_table(sheet, None, [files.Column(name, width) for name, width in zip(COLUMNS, _WIDTHS, strict=True)],
                      [(t.code, t.indicator_text, _unit(t), period) + (None,) * (len(COLUMNS) - 4) for t in rows])
    notes = book.create_sheet("填表说明")
    for line in (
        "1. 只填“数值”及文字栏；编号、指标、单位、期别不要改动。",
        "2. 数值填数字，不带单位、不写“约”“超”等字；百分比填 5.2 表示 5.2%。",
        "3. 数据默认为1月至本期的累计数；增速填累计同比增速。",
        "4. 节点类目标（单位为空）：已完成填 1，未完成填当前进度（0 到 1 之间）。",
        "5. 关系类目标在“对照数”栏填对照指标的数值（如同期地区生产总值增速）。",
        f"6. 本表期别：{period}。上传后先检查，全部无误才保存；有问题时列出每个有问题的单元格。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 90
    notes.page_setup.paperSize = notes.PAPERSIZE_A4
    return book


MAX_UPLOAD_BYTES = 2 * 1024 * 1024
"""The largest file accepted: a filled template of 1,000 targets is about 60 KB."""
MAX_INFLATED_BYTES = 40 * 1024 * 1024
"""What an .xlsx may unpack to, all parts together, as its zip directory declares (reading stops there)."""
MAX_ROWS = 5000
"""Rows of figures read from a sheet (besides its header); a plan has a few hundred targets."""
MAX_COLUMNS = 30
_XML_PROLOGUE = 4096


def read_upload(name: str, data: bytes) -> tuple[str, list[list[object]]]:
    """(sheet name, rows including the header) from an uploaded .xlsx or .csv, every limit checked first.

    Raises :class:`SheetProblems` naming the problem: too large, a zip bomb, a DTD, a formula or an
    external link (with its cell), too many rows, or not a spreadsheet at all. Never keeps the file.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise SheetProblems([Problem(name, gettext("文件 %(size)s MB，超过 %(limit)s MB 的上限") % {
            "size": say_number(len(data) / 1024 / 1024, 1, fixed=True), "limit": MAX_UPLOAD_BYTES // 1024 // 1024})])
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return name, _csv_rows(name, data)
    if suffix != ".xlsx":
        raise SheetProblems([Problem(name, gettext("只能读取 .xlsx 或 .csv 文件"))])
    return _xlsx_rows(name, data)


def read_rows(path: Path) -> tuple[str, list[list[object]]]:
    """(sheet name, rows including the header) from an .xlsx or .csv file, with the upload's limits."""
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise SheetProblems([Problem(path.name, f"文件超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB 的上限")])
    return read_upload(path.name, path.read_bytes())


def _csv_rows(name: str, data: bytes) -> list[list[object]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text.replace("\x00", ""))):
            if len(rows) > MAX_ROWS:
                raise SheetProblems([Problem(name, _too_many_rows())])
            rows.append(list(row[:MAX_COLUMNS]))
    except csv.Error as e:
        raise SheetProblems([Problem(gettext("%(name)s 第%(row)s行") % {"name": name, "row": len(rows) + 1},
                                     gettext("不是有效的 CSV（%(why)s）") % {"why": e})]) from None
    return rows


def _xlsx_rows(name: str, data: bytes) -> tuple[str, list[list[object]]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise SheetProblems([Problem(name, _not_a_workbook())]) from None
    inflated = sum(p.file_size for p in parts)
    if inflated > MAX_INFLATED_BYTES:
        bomb = gettext("解压后有 %(size)s MB，超过 %(limit)s MB 的上限（可能是压缩炸弹），没有读取")
        raise SheetProblems([Problem(name, bomb % {"size": say_number(inflated / 1024 / 1024, 0),
                                                   "limit": MAX_INFLATED_BYTES // 1024 // 1024})])
    with archive:
        for part in parts:
            if part.filename.startswith("xl/externalLinks/"):
                linked = gettext("引用了外部工作簿（外部链接），请把数值粘贴为数值后再上传")
                raise SheetProblems([Problem(name, linked)])
            if part.filename.endswith((".xml", ".rels", ".vml")):
                _scan(name, archive, part)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # a hostile file can make the parser raise anything; none of it is a 500
        raise SheetProblems([Problem(name, _not_a_workbook())]) from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows: list[list[object]] = []
        for cells in sheet.iter_rows(max_col=MAX_COLUMNS):
            if len(rows) > MAX_ROWS:  # the header and MAX_ROWS rows of figures
                raise SheetProblems([Problem(f"{sheet.title}", _too_many_rows())])
            rows.append([_cell_value(sheet.title, c) for c in cells])
        return sheet.title, rows
    except SheetProblems:
        raise
    except Exception:  # as above: a malformed sheet is the sender's problem, said plainly
        raise SheetProblems([Problem(name, gettext("工作表已损坏，无法读取；请用 Excel 重新保存"))]) from None
    finally:
        book.close()


def _scan(name: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Refuse a part with a DTD (entities can expand without end), and a worksheet with more rows than
    the limit, counted in the unpacked bytes before any XML is parsed (a 100,000-row sheet: a fraction of
    a second rather than minutes)."""
    worksheet = part.filename.startswith("xl/worksheets/")
    rows = 0
    try:
        with archive.open(part) as f:
            chunk = f.read(_XML_PROLOGUE)
            if _has_dtd(chunk):
                dtd = gettext("含有 DTD（<!DOCTYPE>），为安全起见不予读取；请用 Excel 重新保存")
                raise SheetProblems([Problem(f"{name} {part.filename}", dtd)])
            tail = b""
            while worksheet and chunk:
                rows += _rows_in(tail + chunk) - _rows_in(tail)  # a tag cut by the chunk's edge counts once
                tail = chunk[-5:]
                if rows > MAX_ROWS + 1:
                    raise SheetProblems([Problem(name, _too_many_rows())])
                chunk = f.read(1 << 20)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        raise SheetProblems([Problem(f"{name} {part.filename}", gettext("文件已损坏，无法读取"))]) from None


def _too_many_rows() -> str:
    return gettext("超过 %(limit)s 行的上限，没有读取") % {"limit": MAX_ROWS}


def _not_a_workbook() -> str:
    return gettext("不是有效的 Excel .xlsx 文件，或文件已损坏")


def _rows_in(xml: bytes) -> int:
    return xml.count(b"<row ") + xml.count(b"<row>")


def _has_dtd(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode()
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _cell_value(sheet: str, cell: object) -> object:
    """A cell's value as typed; a formula is refused with its cell; a percentage cell (10.5%) is read as 10.5."""
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")
                                                    and getattr(cell, "data_type", None) != "s"):
        where = f"{sheet}!{getattr(cell, 'coordinate', '?')}"
        external = isinstance(value, str) and "[" in value
        said = (gettext("引用了外部工作簿（%(formula)s），请粘贴为数值后再上传") if external else
                gettext("是公式（%(formula)s），请粘贴为数值后再上传"))
        raise SheetProblems([Problem(where, said % {"formula": str(value)[:40]})])
    shown_as = getattr(cell, "number_format", "") or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in shown_as:
        return round(value * 100, 10)
    return value


def check(plan: Plan, sheet: str, rows: list[list[object]], explain: bool = True
          ) -> list[tuple[int, workflow.Figure]]:
    """The figures the rows describe, each with its row number, or SheetProblems naming every bad cell.

    ``explain``: a figure that leaves its target 滞后 needs 存在问题 and 下一步措施 (uploads by units);
    the office's import of published figures does not ask.
    """
    if not rows:
        raise SheetProblems([Problem(sheet, gettext("文件是空的"))])
    header = [str(c or "").strip() for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        lacking = gettext("表头缺少列：%(columns)s（请使用 luoshi observations template 生成的模板）")
        raise SheetProblems([Problem(f"{sheet}!1", lacking % {"columns": "、".join(missing)})])
    col = {name: header.index(name) for name in COLUMNS if name in header}
    targets = {t.code: t for t in plan.targets.select_related("plan", "indicator", "section")}
    problems: list[Problem] = []
    made: list[tuple[int, workflow.Figure]] = []
    seen_rows: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows[1:], 2):
        def cell(name: str, row: list[object] = row) -> object:
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else None

        def at(name: str, number: int = number) -> str:
            return f"{sheet}!{get_column_letter(col[name] + 1)}{number}" if name in col else f"{sheet}!{number}"

        code, raw_value = _text(cell("编号")), cell("数值")
        if _blank(raw_value):
            continue  # a target the unit has nothing to report on this time
        target = targets.get(code)
        if target is None:
            problems.append(Problem(at("编号"), gettext("编号“%(code)s”不是计划 %(plan)s 的目标") % {
                "code": code[:20], "plan": plan.slug}))
            continue
        unit = _text(cell("单位"))
        if unit and unit != _unit(target):
            problems.append(Problem(at("单位"), gettext("单位“%(unit)s”与目标的单位“%(wanted)s”不一致") % {
                "unit": unit[:20], "wanted": _unit(target) or gettext("（无）")}))
            continue
        try:
            figure = workflow.read_figure(
                target, _text(cell("期别")), raw_value, reference=cell("对照数"), narrative=_text(cell("进展情况")),
                problems=_text(cell("存在问题")), next_steps=_text(cell("下一步措施")), source=_text(cell("来源")),
                explain=explain)
        except workflow.Invalid as e:
            problems.extend(Problem(at(_COLUMN_OF[field]), what) for field, what in e.problems.items())
            continue
        if (code, figure.period) in seen_rows:
            first = seen_rows[(code, figure.period)]
            twice = gettext("与第%(row)s行重复：同一目标同一期别只能填一次")
            problems.append(Problem(at("编号"), twice % {"row": first}))
            continue
        seen_rows[(code, figure.period)] = number
        made.append((number, figure))
    if problems:
        raise SheetProblems(problems)
    return made


_COLUMN_OF = {"period": "期别", "value": "数值", "reference": "对照数", "narrative": "进展情况",
              "problems": "存在问题", "next_steps": "下一步措施", "source": "来源"}


def import_observations(plan: Plan, path: Path) -> int:
    """Store the published figures in ``path`` for ``plan`` as approved: all of them, or none and every
    problem named."""
    sheet, rows = read_rows(path)
    figures = [f for _, f in check(plan, sheet, rows, explain=False)]
    return len(workflow.import_approved(figures, reason=f"luoshi observations import {path.name}"))


def _unit(target: Target) -> str:
    return "个百分点" if target.unit == "百分点" else target.unit


def _blank(x: object) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def _text(x: object) -> str:
    if x is None:
        return ""
    if isinstance(x, datetime):
        return x.strftime("%Y-%m")
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x).strip()


