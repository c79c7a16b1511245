"""The observation template and its upload: every bad cell named, nothing written unless all is good."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation
from luoshi.reports import files
from luoshi.tracking import BadPeriod, parse_period

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
        parsed = parse_period(period)
    except BadPeriod as e:
        raise SheetProblems([Problem("--period", str(e))]) from None
    if parsed.year != plan.year:
        raise SheetProblems([Problem("--period", f"{period} 不在计划年度 {plan.year} 年内")])
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


def read_rows(path: Path) -> tuple[str, list[list[object]]]:
    """(sheet name, rows including the header) from an .xlsx or .csv file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_bytes().decode("gb18030", errors="replace")
        return path.name, [list(row) for row in csv.reader(io.StringIO(text))]
    if suffix != ".xlsx":
        raise SheetProblems([Problem(path.name, "只能读取 .xlsx 或 .csv 文件")])
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SheetProblems([Problem(path.name, "不是有效的 Excel .xlsx 文件，或文件已损坏")]) from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return sheet.title, rows


def check(plan: Plan, sheet: str, rows: list[list[object]]) -> list[Observation]:
    """The observations the rows describe, or SheetProblems naming every bad cell."""
    if not rows:
        raise SheetProblems([Problem(sheet, "文件是空的")])
    header = [str(c or "").strip() for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SheetProblems([Problem(f"{sheet}!1", f"表头缺少列：{'、'.join(missing)}"
                                             "（请使用 luoshi observations template 生成的模板）")])
    col = {name: header.index(name) for name in COLUMNS if name in header}
    targets = {t.code: t for t in plan.targets.all()}
    problems: list[Problem] = []
    made: list[Observation] = []
    seen_rows: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows[1:], 2):
        def cell(name: str, row: list[object] = row) -> object:
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else None

        def at(name: str, number: int = number) -> str:
            return f"{sheet}!{get_column_letter(col[name] + 1)}{number}"

        code, raw_value = _text(cell("编号")), cell("数值")
        if not code and _blank(raw_value):
            continue
        if _blank(raw_value):
            continue  # a target the unit has nothing to report on this time
        target = targets.get(code)
        if target is None:
            problems.append(Problem(at("编号"), f"编号“{code}”不是计划 {plan.slug} 的目标"))
            continue
        row_problems = len(problems)
        period_text = _text(cell("期别"))
        try:
            period = parse_period(period_text)
            if period.year != plan.year:
                problems.append(Problem(at("期别"), f"期别 {period_text} 不在计划年度 {plan.year} 年内"))
        except BadPeriod:
            problems.append(Problem(at("期别"), f"期别“{period_text}”应写成 2024-06、2024Q2、2024H1 或 2024"))
        value = _number(raw_value)
        if value is None:
            problems.append(Problem(at("数值"), f"数值“{raw_value}”不是数字：只填数字，不带单位和“约”“超”等字"))
        unit = _text(cell("单位"))
        if unit and unit != _unit(target):
            problems.append(Problem(at("单位"), f"单位“{unit}”与目标的单位“{_unit(target) or '（无）'}”不一致"))
        reference = cell("对照数")
        if not _blank(reference) and _number(reference) is None:
            problems.append(Problem(at("对照数"), f"对照数“{reference}”不是数字"))
        key = (code, period_text)
        if key in seen_rows:
            problems.append(Problem(at("编号"), f"与第{seen_rows[key]}行重复：同一目标同一期别只能填一次"))
        seen_rows.setdefault(key, number)
        if len(problems) > row_problems or value is None:
            continue
        made.append(Observation(
            target=target, period=period_text, value=value,
            reference=_number(reference) if not _blank(reference) else None,
            narrative=_text(cell("进展情况")), problems=_text(cell("存在问题")),
            next_steps=_text(cell("下一步措施")), source=_text(cell("来源"))))
    if problems:
        raise SheetProblems(problems)
    return made


@transaction.atomic
def import_observations(plan: Plan, path: Path) -> int:
    """Store the figures in ``path`` for ``plan``: all of them, or none and every problem named."""
    sheet, rows = read_rows(path)
    observations = check(plan, sheet, rows)
    for o in observations:
        o.save()
    return len(observations)


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


def _number(x: object) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, int | float):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.strip().replace(",", ""))
        except ValueError:
            return None
    return None
