"""The office's files as LibreOffice prints them: convert to PDF, then read the PDF back with poppler.

Used by the LibreOffice tests and by ``benchmarks/office_files.py`` (which prints the same figures).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import docx
from openpyxl import load_workbook

A4_POINTS = (595.3, 841.9)
TOOLS = ("soffice", "pdfinfo", "pdftotext")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if not shutil.which(tool)]


def to_pdf(files: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Each file converted by LibreOffice (one start for all), as {file: its PDF}. Files are copied under
    names that keep their suffix (分解表.xlsx and 分解表.docx would both become 分解表.pdf)."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for n, path in enumerate(files):
        copy = folder / f"{n:02d}-{path.stem}-{path.suffix[1:]}{path.suffix}"
        shutil.copyfile(path, copy)
        staged.append(copy)
    # A profile of our own: parallel runs sharing one block each other (or fail without a word).
    profile = Path(tempfile.gettempdir()) / f"luoshi-lo-profile-{os.getpid()}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, staged)],
        check=True, capture_output=True, timeout=600)
    result = {}
    for original, copy in zip(files, staged, strict=True):
        pdf = copy.with_suffix(".pdf")
        if not pdf.exists():
            raise AssertionError(f"LibreOffice made no PDF of {original.name}")
        result[original] = pdf
    return result


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    width: float  # points
    height: float

    @property
    def is_a4(self) -> bool:
        return sorted((round(self.width), round(self.height))) == [595, 842]

    @property
    def size(self) -> str:
        name = "A4" if self.is_a4 else "Letter" if (round(self.width), round(self.height)) in (
            (612, 792), (792, 612)) else "?"
        return f"{name} {'landscape' if self.width > self.height else 'portrait'}"


def facts(pdf: Path) -> PdfFacts:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    assert size is not None
    return PdfFacts(pages, float(size.group(1)), float(size.group(2)))


def text_of(pdf: Path) -> str:
    """The PDF's text in the order it was drawn (-raw): a suite draws a table cell by cell, so a cell's
    lines stay together (the default reading order joins the lines of cells side by side)."""
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def squeeze(text: str) -> str:
    """Text without white space (a cell's text wraps over lines in the PDF) and without curly quotes
    (LibreOffice draws a full-width quote mark apart from the words it encloses)."""
    return re.sub(r"[\s“”‘’]+", "", text)


def cell_texts(path: Path) -> list[str]:
    """Every non-empty cell of every table (.docx) or sheet (.xlsx), as a person reads it."""
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        return [c.text for t in document.tables for row in t.rows for c in row.cells if c.text.strip()]
    book = load_workbook(path)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and str(cell.value).strip():
                    texts.append(shown(cell.value, cell.number_format))
    return texts


def shown(value: object, number_format: str) -> str:
    """A cell's value as the office suite shows it, for the number formats the exports write
    (``#,##0.00"亿元"``, ``0.0%``, ``+0.0"个百分点";-0.0"个百分点";0"个百分点"``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if number_format == "General":
        return f"{value:g}"
    sections = number_format.split(";")
    fmt = sections[1] if value < 0 and len(sections) > 1 else sections[2] if value == 0 and len(
        sections) > 2 else sections[0]
    suffix = "".join(re.findall(r'"([^"]*)"', fmt))
    bare = re.sub(r'"[^"]*"', "", fmt)
    number = abs(value) if value < 0 and len(sections) > 1 else value
    if "%" in bare:
        number *= 100
    decimals = len(bare.split(".")[1].rstrip("%")) if "." in bare else 0
    text = f"{number:{',' if ',' in bare else ''}.{decimals}f}"
    sign = bare[0] if bare[0] in "+-" else ""
    return sign + text + ("%" if "%" in bare else "") + suffix


def found(texts: Iterable[str], pdf_text: str) -> tuple[int, list[str]]:
    """(how many of ``texts`` appear whole in the PDF's text, the ones that do not)."""
    haystack = squeeze(pdf_text)
    texts = list(texts)
    missing = [t for t in texts if squeeze(t) not in haystack]
    return len(texts) - len(missing), missing


def header_centres(pdf: Path, headers: Sequence[str], page: int = 1) -> list[float]:
    """The horizontal centre (points) of each header word on ``page``, from ``pdftotext -bbox``.

    Header cells are short and centred, so the distance between two centres is half the sum of the
    two columns' widths: the table's proportions can be read back from the printed page."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]+"', "", xml))
    words = [(w.text or "", float(w.get("xMin", 0)), float(w.get("xMax", 0)), float(w.get("yMin", 0)))
             for w in root.iter("word")]
    centres = []
    for header in headers:
        hits = [(x0 + x1) / 2 for text, x0, x1, _ in words if text == header]
        if not hits:
            raise AssertionError(f"{header} not found on page {page} of {pdf.name}")
        centres.append(hits[0])
    return centres


def proportions_match(centres: Sequence[float], widths: Sequence[float], tolerance: float = 0.15) -> bool:
    """Whether the gaps between column centres are in the proportions the widths give."""
    expected = [(a + b) / 2 for a, b in pairwise(widths)]
    measured = [b - a for a, b in pairwise(centres)]
    scale = sum(measured) / sum(expected)
    return all(abs(m / scale - e) <= tolerance * e for m, e in zip(measured, expected, strict=True))


def office_files(plan: object, folder: Path, period: str = "2024-06") -> dict[str, Path]:
    """Every file the office sends out for ``plan``, written into ``folder``: {what it is: its path}."""
    from luoshi.progress.sheets import template
    from luoshi.reports.exports import breakdown_file, bulletin_files, evaluation_file

    made: dict[str, bytes] = {}
    for fmt in ("xlsx", "docx"):
        made[f"分解表.{fmt}"] = breakdown_file(plan, fmt)[0]  # type: ignore[arg-type]
    for name, content in bulletin_files(plan, period, ["docx", "xlsx"]):  # type: ignore[arg-type]
        made["通报附件.xlsx" if name.endswith("附件.xlsx") else "通报.docx"] = content
    made["评定.xlsx"] = evaluation_file(plan, plan.year)[0]  # type: ignore[arg-type, attr-defined]
    book = template(plan, period)  # type: ignore[arg-type]
    out = folder / "报送模板.xlsx"
    book.save(out)
    paths = {"报送模板.xlsx": out}
    for name, content in made.items():
        (folder / name).write_bytes(content)
        paths[name] = folder / name
    return paths
