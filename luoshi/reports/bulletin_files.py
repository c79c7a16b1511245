"""The bulletin as an official document (GB/T 9704-2012, 党政机关公文格式): .docx and .pdf; its
attachments as .xlsx.

GB/T 9704: A4; text block 156 mm × 225 mm (top margin 37 mm, left 28 mm); 22 lines of 28 characters
of 仿宋 三号 (16 pt); 版头 with the 发文机关标志 in red and the 发文字号 over a red line; the title in
小标宋 二号 (22 pt); headings 一、 in 黑体 and （一） in 楷体; 附件说明, 署名 and 成文日期; page numbers
"— 1 —" in 宋体 四号 at the outside corners; 版记 (抄送, 印发机关 and 印发日期) at the end.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

from django.conf import settings
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from openpyxl import Workbook

from luoshi.reports import files
from luoshi.reports.bulletin import COLUMNS, Bulletin, BulletinRow
from luoshi.reports.tables import ordinal

RED = RGBColor(0xE0, 0x00, 0x00)
LINE = Pt(28.95)  # 225 mm / 22 lines
CHAR = Pt(16)  # 三号
TEXT_WIDTH_MM = 156
# The table columns of the attachments on a portrait page: the status words need less room than in
# a spreadsheet, the target's words more.
# In millimetres of the 156 mm text: 10.2.2 and 100.0% fit their columns (in Word and LibreOffice too),
# and 达到序时进度 one line of its cell.
ATTACHMENT_COLUMNS = [files.Column(c.name, w, c.centred) for c, w in zip(COLUMNS, (13, 37, 26, 23, 16, 16, 25),
                                                                          strict=True)]
NUMERIC = ("实际", "完成率", "序时进度")
CARRIED_ROWS = 2  # the last table's rows that go over with the 版记 when it does not fit under them
ILLUSTRATIVE = "（说明：本通报中标“示例”的数值为演示用示例数据，不是公布的统计数。）"


@cache
def fonts() -> dict[str, str]:
    """{role: family}: for each role in settings.DOCUMENT_FONTS, the first family this machine has,
    else the last one named (the nearest installed: Noto CJK)."""
    installed: set[str] = set()
    if shutil.which("fc-list"):
        listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
        installed = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    return _first_of(installed)


def _first_of(known: set[str]) -> dict[str, str]:
    chosen = {}
    for role, names in settings.DOCUMENT_FONTS.items():
        candidates = [n.strip() for n in names.split(",") if n.strip()]
        chosen[role] = next((n for n in candidates if n in known), candidates[-1])
    return chosen


@cache
def pdf_fonts() -> dict[str, str]:
    """{role: family} as Typst names the machine's fonts: fontconfig also knows a font by its localised
    family name (仿宋_GB2312), Typst by the one in its name table (FangSong_GB2312) only."""
    return _first_of(set(_typst_fonts().families()))  # type: ignore[attr-defined]


def title_lines(title: str) -> list[str]:
    """The title in the lines GB/T 9704 asks for (词意完整: a line never breaks inside a phrase): after
    its subject, "关于金华市2024年政府工作报告目标任务", then "6月份推进情况的通报"."""
    head, found, tail = title.partition("目标任务")
    return [head + found, tail] if found and tail else [title]


def reference_or_draft(b: Bulletin) -> str:
    return b.letterhead.reference or "（草稿，未编号）"


def dated(b: Bulletin) -> str:
    d = b.letterhead.dated
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


# --- Word -----------------------------------------------------------------------------------------

def as_docx(b: Bulletin) -> bytes:
    f = fonts()
    document = Document()
    files.a4(document, margins_cm=(3.7, 2.6, 3.5, 2.8))
    section = document.sections[0]
    section.footer_distance = Mm(21)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE.pt * 20)))
    section._sectPr.append(grid)
    _styles(document, f)
    head = b.letterhead
    _line(document, head.issuer, f["title"], 30, centre=True, colour=RED, before=Pt(0))
    number = _line(document, reference_or_draft(b), f["body"], 16, centre=True, before=LINE)
    _border(number, "bottom", "E00000", 12, space=8)
    document.add_paragraph()
    title = document.add_paragraph(style="公文标题")
    for n, line in enumerate(title_lines(b.title)):
        if n:
            title.runs[-1].add_break()
        title.add_run(line)
    document.add_paragraph()
    if head.recipients:
        p = document.add_paragraph(f"{head.recipients.rstrip('：:')}：")
        p.paragraph_format.first_line_indent = Pt(0)
    if b.illustrative:
        document.add_paragraph(ILLUSTRATIVE)
    for n, part in enumerate(b.body, 1):
        document.add_paragraph(f"{ordinal(n)}、{part.title}", style="Heading 1")
        for text in part.paragraphs:
            document.add_paragraph(text)
        for m, sub in enumerate(part.subparts, 1):
            document.add_paragraph(f"（{ordinal(m)}）{sub.title}", style="Heading 2")
            for text in sub.paragraphs:
                document.add_paragraph(text)
    # The text's last lines go over with 附件说明, 署名 and 日期: they never stand on a page alone.
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    document.add_paragraph().paragraph_format.keep_with_next = True
    for n, attachment in enumerate(b.attachments, 1):
        # 附件说明: "附件：1. …" two characters in, the later items under the first one's number.
        p = document.add_paragraph(f"{'附件：' if n == 1 else ''}{n}. {attachment.title}")
        p.paragraph_format.left_indent = CHAR * 5
        p.paragraph_format.first_line_indent = -CHAR * 3 if n == 1 else Pt(0)
        p.paragraph_format.keep_with_next = True  # 附件说明, 署名 and 日期 stay on one page
    for _ in range(2):
        document.add_paragraph().paragraph_format.keep_with_next = True
    date_words = dated(b)
    signature = document.add_paragraph(head.signature)
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # 署名 centred over 成文日期, which stands four characters from the right edge (右空四字).
    signature.paragraph_format.right_indent = Pt(16 * (4 + max(len(date_words) - len(head.signature), 0) / 2))
    signature.paragraph_format.keep_with_next = True
    date_line = document.add_paragraph(date_words)
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.right_indent = CHAR * 4
    for n, attachment in enumerate(b.attachments, 1):
        label = _line(document, f"附件{n}", f["hei"], 16)
        label.paragraph_format.first_line_indent = Pt(0)
        label.paragraph_format.page_break_before = True
        document.add_paragraph(attachment.title, style="公文标题")
        if attachment.rows:
            table = files.word_table(document, ATTACHMENT_COLUMNS, [r.cells() for r in attachment.rows],
                                     TEXT_WIDTH_MM / 10, font=f["body"], header_font=f["hei"], size=10.5)
            if n == len(b.attachments):  # the 版记 takes the last rows with it to a new page, never alone
                for row in table.findall(qn("w:tr"))[-CARRIED_ROWS:]:  # type: ignore[attr-defined]
                    for p in row.iter(qn("w:p")):
                        p.get_or_add_pPr().keepNext_val = True
        else:
            document.add_paragraph("（本期无）")
    _imprint(document, b, f)
    _page_numbers(document, f["song"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _styles(document: object, f: dict[str, str]) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    _font(normal, f["body"], 16)
    body = normal.paragraph_format
    body.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    body.line_spacing = LINE
    body.space_before = body.space_after = Pt(0)
    body.first_line_indent = CHAR * 2
    body.widow_control = False
    for name, font in (("Heading 1", f["hei"]), ("Heading 2", f["kai"])):
        style = styles[name]  # built in: Word's navigation pane lists them (outline levels 1 and 2)
        _font(style, font, 16)
        style.font.bold = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        p = style.paragraph_format
        p.space_before = p.space_after = Pt(0)
        p.first_line_indent = CHAR * 2
        p.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.line_spacing = LINE
    title = styles.add_style("公文标题", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    _font(title, f["title"], 22)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing = Pt(35)
    title.paragraph_format.keep_with_next = True
    files.no_grid(title)


def _font(style: object, family: str, size: float) -> None:
    """``family`` for Latin and Chinese text, without the theme fonts Word's own styles carry (a theme
    font wins over a named one)."""
    fonts_element = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts_element.attrib.pop(qn(f"w:{attribute}"), None)
    files.east_asian(style, family)
    style.font.size = Pt(size)  # type: ignore[attr-defined]


def _line(document: object, text: str, family: str, size: float, centre: bool = False,
          colour: RGBColor | None = None, before: Pt | None = None) -> object:
    p = document.add_paragraph()  # type: ignore[attr-defined]
    p.paragraph_format.first_line_indent = Pt(0)
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if before is not None:
        p.paragraph_format.space_before = before
    if size > 22:
        p.paragraph_format.line_spacing = Pt(size * 1.3)
    run = p.add_run(text)
    run.font.size = Pt(size)
    files.east_asian(run, family)
    if colour is not None:
        run.font.color.rgb = colour
    return p


def _border(paragraph: object, side: str, colour: str, eighths: int, space: int = 1) -> None:
    properties = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), colour)
    borders.append(line)


def _imprint(document: object, b: Bulletin, f: dict[str, str]) -> None:
    """版记: 抄送 and 印发机关/印发日期 between a thick line above and below and a thin one between, right
    under the last table (python-docx cannot put it at the page's foot: a frame placed there
    (w:framePr) is put under the table by LibreOffice all the same, and a page of its own with it)."""
    head = b.letterhead
    document.add_paragraph().paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
    rows = []
    if head.copies:
        rows.append(f"抄送：{head.copies.rstrip('。')}。")
    rows.append(f"{head.printer or head.issuer}\t{dated(b)}印发")
    for n, text in enumerate(rows):
        p = _line(document, text, f["body"], 14)
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(14)
        p.paragraph_format.line_spacing = Pt(24)
        p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM) - Pt(28), WD_TAB_ALIGNMENT.RIGHT)
        p.paragraph_format.keep_with_next = n < len(rows) - 1
        if n == 0:
            _border(p, "top", "000000", 8)
        _border(p, "bottom", "000000", 8 if n == len(rows) - 1 else 4)


def _page_numbers(document: object, family: str) -> None:
    """"— 1 —" in 宋体 四号: odd pages at the right, even pages at the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True  # type: ignore[attr-defined]
    section = document.sections[0]  # type: ignore[attr-defined]
    for footer, right in ((section.footer, True), (section.even_page_footer, False)):
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.first_line_indent = Pt(0)
        setattr(p.paragraph_format, "right_indent" if right else "left_indent", Pt(14))
        for text in ("— ", None, " —"):
            if text is None:
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), "PAGE")
                run = p.add_run("1")
                field.append(run._r)
                p._p.append(field)
            else:
                run = p.add_run(text)
            run.font.size = Pt(14)
            files.east_asian(run, family)


# --- PDF and the attachments' workbook ------------------------------------------------------------

# The PDF is laid out by Typst from bulletin.typ, with the bulletin handed over as JSON data (never as
# markup: no words of a report or of a unit can change the layout). Typst lays the demo's June bulletin
# out in 0.3 s on a loaded 2-core machine, where WeasyPrint, used before, took 5–7 s, nearly all of it
# per table cell (benchmarks/bulletin_speed.py).
TEMPLATE = Path(__file__).with_name("bulletin.typ")
SENTENCE_ENDS = "。；！？"


def as_pdf(b: Bulletin) -> bytes:
    import typst  # only the bulletin needs it

    compiler = typst.Compiler(TEMPLATE, root=TEMPLATE.parent, font_paths=_typst_fonts(),
                              sys_inputs={"data": json.dumps(pdf_data(b), ensure_ascii=False)})
    # Stamped with the bulletin's own date, so the same bulletin makes the same file.
    stamp = datetime.combine(b.letterhead.dated or b.on, time(), tzinfo=UTC)
    pdf = compiler.compile(timestamp=stamp)
    assert isinstance(pdf, bytes)
    return pdf


@cache
def _typst_fonts() -> object:
    """The machine's fonts, found once per process."""
    import typst

    return typst.Fonts()


def pdf_data(b: Bulletin) -> dict[str, object]:
    """What bulletin.typ prints, as plain data."""
    head = b.letterhead
    parts = [{"heading": f"{ordinal(n)}、{p.title}", "paragraphs": list(p.paragraphs),
              "subparts": [{"heading": f"（{ordinal(m)}）{s.title}", "paragraphs": list(s.paragraphs)}
                           for m, s in enumerate(p.subparts, 1)]}
             for n, p in enumerate(b.body, 1)]
    # The text's last paragraph is laid out with the closing (附件说明, 署名, 日期); its last sentence can
    # go over to the closing's page with it.
    holder = parts[-1]["subparts"][-1] if parts[-1]["subparts"] else parts[-1]  # type: ignore[index]
    last = holder["paragraphs"].pop() if holder["paragraphs"] else None  # type: ignore[index,union-attr]
    cut = max((i for i, c in enumerate(last[:-1]) if c in SENTENCE_ENDS), default=-1) if last else -1
    return {
        "fonts": pdf_fonts(), "issuer": head.issuer, "reference": reference_or_draft(b), "title": b.title,
        "title_lines": title_lines(b.title),
        "recipients": f"{head.recipients.rstrip('：:')}：" if head.recipients else "",
        "note": ILLUSTRATIVE if b.illustrative else "",
        "parts": parts,
        "last": last and {"text": last, "head": last[:cut + 1], "tail": last[cut + 1:] if cut >= 0 else ""},
        "columns": [{"name": c.name, "width": c.width,
                     "align": "center" if c.centred else "right" if c.name in NUMERIC else "left"}
                    for c in ATTACHMENT_COLUMNS],
        "attachments": [{"title": a.title, "rows": [_row(r) for r in a.rows]} for a in b.attachments],
        "carried": CARRIED_ROWS,
        "signature": head.signature, "dated": dated(b),
        "copies": f"{head.copies.rstrip('。')}。" if head.copies else "",
        "printer": head.printer or head.issuer, "printed": f"{dated(b)}印发",
    }


def _row(r: BulletinRow) -> dict[str, object]:
    cells = r.cells()
    return {"cells": [files.shown(c) for c in cells], "colour": cells[-1].colour}  # type: ignore[union-attr]


def as_xlsx(b: Bulletin) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for n, attachment in enumerate(b.attachments, 1):
        files.sheet_table(book.create_sheet(f"附件{n}"), f"附件{n} {attachment.title}", COLUMNS,
                          [r.cells() for r in attachment.rows])
    return files.save(book)
