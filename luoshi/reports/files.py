"""The same rows as .xlsx and .docx, laid out for print the way offices print them.

The layout is carried by the files themselves, because Word, WPS and LibreOffice each guess
differently when it is not: a Word table has its grid column widths and a fixed layout, a repeated
header row and rows that do not break across pages; a sheet has row heights that fit its wrapped
text (computed here, since the writer cannot measure text), print titles, A4, fit to page width.
A figure is written as a number with a number format (``Number``), never as text, and a text that
a spreadsheet would take for a formula (= + - @) is written as text.
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ParamSpec, TypeVar
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from luoshi.tracking.figures import decimals, say_number

P = ParamSpec("P")
R = TypeVar("R")

SONG = "宋体"
HEI = "黑体"
FORMULA_STARTS = ("=", "+", "-", "@")


def in_chinese(make: Callable[P, R]) -> Callable[P, R]:
    """``make`` in the site's language (Chinese) whatever the page's: the office's documents (通报, 评定表,
    分解表) are Chinese documents, an English page downloads them as they are sent out."""
    @functools.wraps(make)
    def made(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override(settings.LANGUAGE_CODE):
            return make(*args, **kwargs)
    return made


@dataclass(frozen=True)
class Number:
    """A figure as a spreadsheet keeps it (a number and a number format) and as a page shows it.

    ``percent``: ``value`` is a share (0.502 shows as 50.2%). ``unit`` is shown after the number
    (亿元, 个百分点) without making it text. ``signed`` shows + before a positive number."""

    value: float
    decimals: int = 2
    unit: str = ""
    percent: bool = False
    signed: bool = False
    note: str = ""  # shown after the unit: （示例）

    @classmethod
    def of(cls, value: float, unit: str = "", signed: bool = False, most: int = 2, note: str = "") -> Number:
        """``value`` with as many decimals as it needs (at most ``most``); a rate in % becomes a share."""
        percent = unit == "%"
        places = decimals(value, most)
        if abs(round(value, places) - value) < 1e-9:
            value = round(value, places)  # 719.1999999999998 is 719.2 that went through a subtraction
        return cls(value / 100 if percent else value, places, "" if percent else unit, percent, signed, note)

    def __str__(self) -> str:
        shown = self.value * 100 if self.percent else self.value
        text = say_number(shown, self.decimals, fixed=True, signed=self.signed)
        return text + ("%" if self.percent else self.unit) + self.note

    @property
    def number_format(self) -> str:
        digits = "#,##0" + ("." + "0" * self.decimals if self.decimals else "")
        words = self.unit + self.note
        suffix = ("%" if self.percent else "") + (f'"{words}"' if words else "")
        return f"+{digits}{suffix};-{digits}{suffix};{digits}{suffix}" if self.signed else digits + suffix


@dataclass(frozen=True)
class Shaded:
    """A cell's text on a coloured ground (a status light)."""

    text: str
    colour: str  # RRGGBB

    def __str__(self) -> str:
        return self.text


Cell = str | Number | Shaded | int | float | date | None  # a bare number or date is written as it is


@dataclass(frozen=True)
class Column:
    name: str
    width: float  # in a spreadsheet's character widths; a Word table keeps the same proportions
    centred: bool = False


def shown(value: Cell) -> str:
    return "" if value is None else str(value)


# --- spreadsheets ---------------------------------------------------------------------------------

THIN = Side(style="thin", color="808080")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
BODY_POINTS = 10.5
LINE_POINTS = 15.0  # one line of 10.5 pt CJK text, with the leading LibreOffice and Excel give it


def put(cell: object, value: Cell) -> None:
    """Write ``value`` into an openpyxl cell: a number with its format, or text that stays text."""
    if isinstance(value, Number):
        cell.value = value.value  # type: ignore[attr-defined]
        cell.number_format = value.number_format  # type: ignore[attr-defined]
        return
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        cell.value = value  # type: ignore[attr-defined]
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"  # type: ignore[attr-defined]
        return
    text = shown(value) if value is not None else None
    cell.value = text  # type: ignore[attr-defined]
    if text and text.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # type: ignore[attr-defined]  # openpyxl would store "=…" as a live formula
        cell.quotePrefix = True  # type: ignore[attr-defined]  # and a suite re-reading it keeps it text
    if isinstance(value, Shaded):
        cell.fill = PatternFill("solid", fgColor=value.colour)  # type: ignore[attr-defined]


def text_width(text: str) -> float:
    """Width in a spreadsheet's character units: a Chinese character is two, a Latin one one."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide (a little spare: a line
    never starts with a closing mark, so suites break lines a character or two early)."""
    usable = max(width - 1.5, 2.0)
    return sum(max(1, math.ceil(text_width(line) * 1.04 / usable)) for line in text.split("\n"))


def sheet_table(sheet: Worksheet, title: str | None, columns: Sequence[Column],
                rows: Sequence[Sequence[Cell]]) -> None:
    """A title row (unless None), a bold header printed on every page, rows with wrapped text and
    heights that fit it, A4 fitted to the page width (landscape when the table is wide), page numbers
    in the footer."""
    header = 1
    if title is not None:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        sheet["A1"].font = Font(name=HEI, size=16, bold=True)
        sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
        sheet.row_dimensions[1].height = 30
        header = 2
    columns = [_wide_enough(column, [row[n] for row in rows]) for n, column in enumerate(columns)]
    for n, column in enumerate(columns, 1):
        cell = sheet.cell(row=header, column=n)
        put(cell, column.name)
        cell.font = Font(name=HEI, size=BODY_POINTS, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    sheet.row_dimensions[header].height = _height([c.name for c in columns], columns)
    body = Font(name=SONG, size=BODY_POINTS)
    for r, row in enumerate(rows, header + 1):
        for n, (value, column) in enumerate(zip(row, columns, strict=True), 1):
            cell = sheet.cell(row=r, column=n)
            put(cell, value)
            cell.font = body
            cell.border = BOX
            right = isinstance(value, Number | int | float)
            cell.alignment = Alignment(vertical="top", wrap_text=not right,
                                       horizontal="right" if right else "center" if column.centred else None)
        sheet.row_dimensions[r].height = _height([shown(v) for v in row], columns)
    sheet.freeze_panes = f"A{header + 1}"
    sheet.print_title_rows = f"{header}:{header}"
    page = sheet.page_setup
    page.paperSize = sheet.PAPERSIZE_A4
    page.orientation = "landscape" if sum(c.width for c in columns) > 110 else "portrait"
    page.fitToWidth, page.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.7
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 9


def _wide_enough(column: Column, values: Sequence[Cell]) -> Column:
    """``column``, widened to its longest number: a number does not wrap, it shows as ### instead."""
    numbers = [text_width(str(v)) + 2 for v in values if isinstance(v, Number)]
    return Column(column.name, max([column.width, *numbers]), column.centred)


def _height(texts: Sequence[str], columns: Sequence[Column]) -> float:
    lines = max(lines_needed(t, c.width) for t, c in zip(texts, columns, strict=True))
    return lines * LINE_POINTS + 4


def xlsx(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], sheet_name: str) -> bytes:
    """A workbook of one table (see ``sheet_table``)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_name
    sheet_table(sheet, title, columns, rows)
    return save(book)


def save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- Word -----------------------------------------------------------------------------------------

def a4(document: object, landscape: bool = False, margins_cm: tuple[float, float, float, float] = (1.8,) * 4) -> float:
    """Set the document's (only) section to A4 with margins (top, right, bottom, left); the text
    width in cm."""
    section = document.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (29.7, 21.0) if landscape else (21.0, 29.7)
    section.page_width, section.page_height = Cm(width), Cm(height)
    top, right, bottom, left = margins_cm
    section.top_margin, section.right_margin = Cm(top), Cm(right)
    section.bottom_margin, section.left_margin = Cm(bottom), Cm(left)
    return width - left - right


def east_asian(run_or_style: object, font: str) -> None:
    """Name ``font`` for Chinese text too: python-docx sets only the Latin font unless told."""
    element = run_or_style.element  # type: ignore[attr-defined]
    element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    run_or_style.font.name = font  # type: ignore[attr-defined]


def word_table(document: object, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width_cm: float,
               font: str = SONG, header_font: str = HEI, size: float = BODY_POINTS) -> object:
    """A table whose layout is in the file: grid column widths in ``columns``' proportions filling
    ``width_cm``, fixed layout, the header repeated on every page, no row broken across pages.

    Written as one piece of XML: python-docx's cell by cell API takes seconds for a few hundred rows."""
    style = _table_text_style(document, font, size)
    total = sum(c.width for c in columns)
    twips = [round(Cm(width_cm * c.width / total).twips) for c in columns]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    header = _word_row([c.name for c in columns], columns, twips, style, header=f' w:eastAsia="{header_font}" '
                       f'w:ascii="{header_font}" w:hAnsi="{header_font}"')
    body = "".join(_word_row(row, columns, twips, style) for row in rows)
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header}{body}</w:tbl>')
    anchor = document.add_paragraph()  # type: ignore[attr-defined]
    anchor._p.addprevious(table)
    anchor._p.getparent().remove(anchor._p)
    return table


def _word_row(values: Sequence[Cell], columns: Sequence[Column], twips: Sequence[int], style: str,
              header: str = "") -> str:
    cells = []
    for value, column, width in zip(values, columns, twips, strict=True):
        align = "center" if header or column.centred else "right" if isinstance(value, Number) else "left"
        shading = (f'<w:shd w:val="clear" w:color="auto" w:fill="{value.colour}"/>'
                   if isinstance(value, Shaded) else "")
        fonts = f"<w:rFonts{header}/><w:b/>" if header else ""
        lines = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in shown(value).split("\n"))
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
                     f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>'
                     f"<w:r><w:rPr>{fonts}</w:rPr>{lines}</w:r></w:p></w:tc>")
    repeat = '<w:tblHeader w:val="true"/>' if header else ""
    return f'<w:tr><w:trPr><w:cantSplit w:val="true"/>{repeat}</w:trPr>{"".join(cells)}</w:tr>'


def _table_text_style(document: object, font: str, size: float) -> str:
    """The paragraph style of table cells (its id): ``font`` at ``size``, single spaced, no indent."""
    name = f"Table Text {font} {size:g}"
    styles = document.styles  # type: ignore[attr-defined]
    if name not in [s.name for s in styles]:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        east_asian(style, font)
        style.font.size = Pt(size)
        p = style.paragraph_format
        p.first_line_indent = p.left_indent = Pt(0)
        p.space_before = p.space_after = Pt(0)
        p.line_spacing_rule = WD_LINE_SPACING.SINGLE
        no_grid(style)
    return str(styles[name].style_id)


def no_grid(style: object) -> None:
    """Lines of ``style`` keep their own height instead of snapping to the document's line grid (an
    official document's grid is 22 lines a page: a table's line would take a whole grid line)."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    style.element.get_or_add_pPr().append(snap)  # type: ignore[attr-defined]


def shade(cell: object, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def docx(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> bytes:
    """A Word document: landscape A4, a title, one table (see ``word_table``)."""
    document = Document()
    width = a4(document, landscape=True)
    normal = document.styles["Normal"]
    east_asian(normal, SONG)
    normal.font.size = Pt(BODY_POINTS)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(16)
    east_asian(run, HEI)
    word_table(document, columns, rows, width)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
