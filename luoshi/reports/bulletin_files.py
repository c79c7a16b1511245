"""The bulletin as .docx, as .pdf (Chinese fonts embedded) and its attachments as .xlsx."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from luoshi.reports.bulletin import COLUMNS, LIGHT_COLOURS, Bulletin, BulletinRow
from luoshi.tracking import STATUS_LABELS

SONG, HEI, FANGSONG = "宋体", "黑体", "仿宋"
SECTIONS = ("一、总体情况", "二、主要经济指标", "三、量化指标任务", "四、节点目标", "五、滞后目标（按牵头单位）")


def as_docx(b: Bulletin) -> bytes:
    document = Document()
    section = document.sections[0]
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(2.2))
    normal = document.styles["Normal"]
    normal.font.name = FANGSONG
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FANGSONG)
    _paragraph(document, b.title, HEI, 18, bold=True, centre=True)
    _paragraph(document, f"（{b.on.year}年{b.on.month}月）", FANGSONG, 12, centre=True)
    if b.illustrative:
        _paragraph(document, "说明：本通报中标“示例”的数值为演示用示例数据，不是公布的统计数。", FANGSONG, 10)
    _paragraph(document, SECTIONS[0], HEI, 14)
    for text in b.summary:
        document.add_paragraph(text).paragraph_format.first_line_indent = Pt(24)
    counts = document.add_table(rows=2, cols=len(b.counts))
    counts.style = "Table Grid"
    for n, (status, count) in enumerate(b.counts):
        counts.rows[0].cells[n].text = STATUS_LABELS[status][0]
        counts.rows[1].cells[n].text = str(count)
        _shade(counts.rows[0].cells[n], LIGHT_COLOURS[STATUS_LABELS[status][1]])
    for heading, rows in zip(SECTIONS[1:4], (b.indicators, b.quantified, b.milestones), strict=True):
        _paragraph(document, heading, HEI, 14)
        _table(document, rows)
    _paragraph(document, SECTIONS[4], HEI, 14)
    if not b.laggards:
        document.add_paragraph("本期没有明显滞后的目标。")
    for unit, rows in b.laggards:
        _paragraph(document, f"{unit}（{len(rows)}项）", HEI, 12)
        for r in rows:
            document.add_paragraph(f"{r.code} {r.target}：实际{r.actual}，完成率{r.completion}，"
                                   f"序时进度{r.elapsed}，{r.label}", style="List Bullet")
    for title, rows in b.attachments:
        document.add_page_break()
        _paragraph(document, title, HEI, 14)
        _table(document, rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(b: Bulletin) -> bytes:
    import weasyprint  # heavy; only the bulletin needs it

    html = render_to_string("reports/bulletin_pdf.html", {"b": b, "sections": SECTIONS})
    return weasyprint.HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def as_xlsx(b: Bulletin) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in b.attachments:
        sheet = book.create_sheet(title.split(" ")[0])
        sheet.append([title])
        sheet["A1"].font = Font(name=HEI, size=14, bold=True)
        sheet.append(list(COLUMNS))
        for cell in sheet[2]:
            cell.font = Font(name=HEI, bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
        for r in rows:
            sheet.append(list(r.cells()))
            status_cell = sheet.cell(row=sheet.max_row, column=len(COLUMNS))
            status_cell.fill = PatternFill("solid", fgColor=LIGHT_COLOURS[r.light])
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        for n, width in enumerate((9, 50, 24, 16, 10, 10, 18), 1):
            sheet.column_dimensions[get_column_letter(n)].width = width
        sheet.freeze_panes = "A3"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _paragraph(document: Document, text: str, font: str, size: float, bold: bool = False,  # type: ignore[valid-type]
               centre: bool = False) -> None:
    p = document.add_paragraph()  # type: ignore[attr-defined]
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = font
    run.element.rPr.rFonts.set(qn("w:eastAsia"), font)


def _table(document: Document, rows: list[BulletinRow]) -> None:  # type: ignore[valid-type]
    if not rows:
        document.add_paragraph("（无）")  # type: ignore[attr-defined]
        return
    table = document.add_table(rows=1, cols=len(COLUMNS))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = name
    for r in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, r.cells(), strict=True):
            cell.text = value
        _shade(cells[-1], LIGHT_COLOURS[r.light])


def _shade(cell: object, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)
