"""A city's own unit list, stored: all or nothing, named by full name, nested under a parent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from luoshi.units.models import Unit


class UnitListProblem(ValueError):
    """The unit list cannot be stored as given; the message says where and why."""


@dataclass(frozen=True)
class UnitRow:
    """One unit as a list gives it; ``parent`` is the full or short name of a unit above it."""

    name: str
    short_name: str = ""
    kind: str = Unit.Kind.DEPARTMENT
    parent: str = ""
    keywords: tuple[str, ...] = field(default=())
    where: str = ""  # e.g. 单位!A5, for messages


def split_keywords(written: str) -> list[str]:
    """The words of 投资、项目, 投资,项目 or 投资，项目 — separated however a person types them."""
    for mark in (",", "，", ";", "；", "\n", " ", "　"):
        written = written.replace(mark, "、")
    return list(dict.fromkeys(w.strip() for w in written.split("、") if w.strip()))


@transaction.atomic
def store_units(rows: Iterable[UnitRow]) -> int:
    """Create the units of ``rows`` that are missing, in order (a parent before its children);
    existing units are left as they are. A parent is looked for among the rows first (by full or
    short name), then among the stored units. Returns how many were created."""
    created = 0
    listed: dict[str, Unit] = {}
    for row in rows:
        unit = Unit.objects.filter(name=row.name).first()
        if unit is None:
            parent = None
            if row.parent:
                parent = listed.get(row.parent) or _stored(row.parent, row.where or row.name)
            unit = Unit.objects.create(name=row.name, short_name=row.short_name, kind=row.kind, parent=parent,
                                       keywords=list(row.keywords))
            created += 1
        listed[row.name] = unit
        if row.short_name:
            listed.setdefault(row.short_name, unit)
    return created


def _stored(name: str, where: str) -> Unit:
    by_name = Unit.objects.filter(name=name).first()
    if by_name is not None:
        return by_name
    by_short = list(Unit.objects.filter(short_name=name)[:2])
    if len(by_short) == 1:
        return by_short[0]
    if by_short:
        raise UnitListProblem(f"{where}: 简称为“{name}”的上级单位不止一个，请写全称")
    raise UnitListProblem(f"{where}: 上级单位“{name}”不存在（上级要写在下级之前）")

SHEET_LIMIT = 2 * 1024 * 1024  # bytes of an uploaded .xlsx: a city's unit list is a few KB
INFLATED_LIMIT = 20 * 1024 * 1024  # bytes once unzipped: more is a zip bomb, refused before parsing
ROW_LIMIT = 2000
COLUMNS = ("名称", "简称", "类别", "上级", "牵头关键词")
# The 类别 a sheet may give: the kinds' Chinese names (whatever the page's language), their codes, short forms.
KINDS = {"人民政府": Unit.Kind.GOVERNMENT, "部门": Unit.Kind.DEPARTMENT, "县（市、区）": Unit.Kind.COUNTY} | {
    value: value for value, _ in Unit.Kind.choices} | {
    "政府": Unit.Kind.GOVERNMENT, "县": Unit.Kind.COUNTY, "县市区": Unit.Kind.COUNTY, "区": Unit.Kind.COUNTY}


def read_unit_sheet(data: bytes, name: str = "单位.xlsx") -> list[UnitRow]:
    """The rows of a unit list (.xlsx, first sheet, a header row 名称 简称 类别 上级 牵头关键词).
    Raises UnitListProblem listing every bad cell (sheet!cell: what is wrong); reads nothing it need not."""
    import io
    import zipfile

    from openpyxl import load_workbook

    if len(data) > SHEET_LIMIT:
        raise UnitListProblem(f"{name}: 文件{len(data) // 1024} KB，超过{SHEET_LIMIT // 1024 // 1024} MB 的上限")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(i.file_size for i in archive.infolist())
            if inflated > INFLATED_LIMIT:
                raise UnitListProblem(f"{name}: 解压后{inflated // 1024 // 1024} MB，超过上限，像是压缩炸弹，没有读取")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except UnitListProblem:
        raise
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        raise UnitListProblem(f"{name}: 不是有效的 Excel .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）") from None
    sheet = book.worksheets[0]
    problems: list[str] = []
    rows: list[UnitRow] = []
    header: list[str] = []
    seen: dict[str, str] = {}
    shorts: set[str] = set()
    for number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        if number > ROW_LIMIT + 1:
            problems.append(f"{sheet.title}: 超过{ROW_LIMIT}行，请分成几个文件")
            break
        texts = ["" if c is None else str(c).strip() for c in cells]
        if number == 1:
            header = texts
            missing = [c for c in COLUMNS[:1] if c not in header]
            if missing:
                raise UnitListProblem(f"{name}: {sheet.title}!A1: 第一行应是表头（{' '.join(COLUMNS)}），没有“名称”列")
            continue
        if not any(texts):
            continue
        cell = {col: _cell(texts, header, col, sheet.title, number) for col in COLUMNS}
        for text, where in cell.values():
            if text.startswith("="):
                problems.append(f"{where}: 是公式（{text[:30]}），请填写文字")
        (unit_name, at), (short, short_at), (kind, kind_at) = cell["名称"], cell["简称"], cell["类别"]
        if not unit_name:
            problems.append(f"{at}: 名称为空")
        elif len(unit_name) > 60:
            problems.append(f"{at}: 名称超过60个字")
        elif unit_name in seen:
            problems.append(f"{at}: “{unit_name}”与{seen[unit_name]}重复")
        seen.setdefault(unit_name, at)
        shorts.add(short)
        if len(short) > 20:
            problems.append(f"{short_at}: 简称超过20个字")
        if kind and kind not in KINDS:
            problems.append(f"{kind_at}: 类别“{kind}”应为 部门、县（市、区）或 人民政府")
        parent, parent_at = cell["上级"]
        known = parent in seen or parent in shorts
        if parent and not known and not Unit.objects.filter(Q(name=parent) | Q(short_name=parent)).exists():
            problems.append(f"{parent_at}: 上级单位“{parent}”不在本表前面的行中，也不在系统中")
        rows.append(UnitRow(unit_name, short, KINDS.get(kind, Unit.Kind.DEPARTMENT), parent,
                            tuple(split_keywords(cell["牵头关键词"][0])), at))
    if problems:
        raise UnitListProblem("\n".join(problems))
    if not rows:
        raise UnitListProblem(f"{name}: 表头下面没有任何单位")
    return rows


def _cell(texts: list[str], header: list[str], column: str, sheet: str, row: int) -> tuple[str, str]:
    """The text under ``column`` in a row, and where it is (单位!C5)."""
    from openpyxl.utils import get_column_letter

    if column not in header:
        return "", f"{sheet}!{row}"
    at = header.index(column)
    return (texts[at] if at < len(texts) else ""), f"{sheet}!{get_column_letter(at + 1)}{row}"
