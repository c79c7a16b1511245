"""The bulletin as .docx, as .pdf (Chinese fonts embedded) and its attachments as .xlsx."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook

from luoshi.reports import files
from luoshi.reports.bulletin import COLUMNS, LIGHT_COLOURS, Bulletin, BulletinRow
from luoshi.tracking import STATUS_LABELS

SONG, HEI, FANGSONG = "宋体", "黑体", "仿宋"
SECTIONS = ("一、总体情况", "二、主要经济指标", "三、量化指标任务", "四、节点目标", "五、滞后目标（按牵头单位）")


def as_docx(b: Bulletin) -> bytes:
    document = Document()
    files.a4(document, margins_cm=(2.5, 2.2, 2.5, 2.2))
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
        files.shade(counts.rows[0].cells[n], LIGHT_COLOURS[STATUS_LABELS[status][1]])
    for heading, rows in zip(SECTIONS[1:4], (b.indicators, b.quantified, b.milestones), strict=True):
        _paragraph(document, heading, HEI, 14)
        _table(document, rows)
    _paragraph(document, SECTIONS[4], HEI, 14)
    if not b.laggards:
        document.add_paragraph("本期没有明显滞后的目标。")
    for unit, rows in b.laggards:
        _paragraph(document, f"{unit}（{len(rows)}项）", HEI, 12)
        for r in rows:
            document.add_paragraph(f"{r.code} {r.target}：实际{r.actual or '—'}，完成率{r.completion or '—'}，"
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
        files.sheet_table(book.create_sheet(title.split(" ")[0]), title, COLUMNS, [r.cells() for r in rows])
    return files.save(book)


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
    files.word_table(document, COLUMNS, [r.cells() for r in rows], 16.6, font=FANGSONG, size=10.5)
