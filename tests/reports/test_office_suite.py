"""Every file the office sends out, printed by a real office suite (LibreOffice) and read off the PDF.

python-docx and openpyxl read back whatever they wrote; an office suite is what shows whether a
column is as wide as it should be or a wrapped cell is cut off on paper. All files are converted in
one LibreOffice start (module fixture); the demo plan they are made from is rolled back afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction

from luoshi.demo.build import build
from luoshi.reports.bulletin import COLUMNS as BULLETIN_COLUMNS
from luoshi.reports.exports import BREAKDOWN_WIDTHS, EVALUATION_WIDTHS
from luoshi.reports.tables import BREAKDOWN_COLUMNS, EVALUATION_COLUMNS
from tests.reports.office import (
    cell_texts,
    facts,
    found,
    header_centres,
    missing_tools,
    office_files,
    proportions_match,
    text_of,
    to_pdf,
)

pytestmark = pytest.mark.django_db  # so that pytest-django sets up the test database the fixture uses

# The demo's June, as LibreOffice 7.4 prints it: a range, since fonts and versions move a line or two.
PAGES = {"分解表.xlsx": (2, 5), "分解表.docx": (3, 6), "通报附件.xlsx": (5, 12), "评定.xlsx": (5, 10),
         "报送模板.xlsx": (4, 9), "通报.docx": (5, 20)}


@pytest.fixture(scope="module")
def printed(django_db_setup: None, django_db_blocker: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Path, Path]]]:
    """{name: (file, its PDF as LibreOffice prints it)} for every file the office sends."""
    if missing := missing_tools():
        message = f"{', '.join(missing)} missing: make test installs LibreOffice and poppler-utils"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("office")
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        made = office_files(build(None).plan, folder)
        transaction.set_rollback(True)
    pdfs = to_pdf(list(made.values()), folder / "pdf")
    yield {name: (path, pdfs[path]) for name, path in made.items()}


def test_it_prints_every_file_on_a4_in_the_expected_number_of_pages(printed: dict[str, tuple[Path, Path]]) -> None:
    assert set(printed) == set(PAGES)
    for name, (_, pdf) in printed.items():
        f = facts(pdf)
        assert f.is_a4, f"{name}: {f.width}×{f.height} pt, not A4"
        low, high = PAGES[name]
        assert low <= f.pages <= high, f"{name}: {f.pages} pages, expected {low}–{high}"


def test_it_cuts_no_cell_text_on_paper(printed: dict[str, tuple[Path, Path]]) -> None:
    for name, (path, pdf) in printed.items():
        texts = cell_texts(path)
        _, missing = found(texts, text_of(pdf))
        assert texts and not missing, f"{name}: {len(missing)} of {len(texts)} cells not printed whole: {missing[:3]}"


@pytest.mark.parametrize(("name", "headers", "widths"), [
    ("分解表.docx", BREAKDOWN_COLUMNS, BREAKDOWN_WIDTHS),
    ("分解表.xlsx", BREAKDOWN_COLUMNS, BREAKDOWN_WIDTHS),
    ("评定.xlsx", EVALUATION_COLUMNS, EVALUATION_WIDTHS),
    ("通报附件.xlsx", tuple(c.name for c in BULLETIN_COLUMNS), tuple(c.width for c in BULLETIN_COLUMNS)),
])
def test_it_keeps_the_columns_in_the_proportions_intended(
        printed: dict[str, tuple[Path, Path]], name: str, headers: tuple[str, ...], widths: tuple[float, ...]) -> None:
    centres = header_centres(printed[name][1], headers)
    assert proportions_match(centres, widths), f"{name}: header centres {centres} for widths {widths}"


def test_it_prints_the_header_row_on_every_page_of_a_table(printed: dict[str, tuple[Path, Path]]) -> None:
    for name, first, last, notes in (("分解表.docx", "序号", "完成时限", 0), ("分解表.xlsx", "序号", "完成时限", 0),
                                     ("评定.xlsx", "编号", "来源", 0), ("报送模板.xlsx", "编号", "来源", 1)):
        pdf = printed[name][1]
        for page in range(1, facts(pdf).pages + 1 - notes):  # the template's last page is its 填表说明
            words = header_words(pdf, page)
            assert first in words and last in words, f"{name} page {page}: the header is not printed whole"


def header_words(pdf: Path, page: int) -> set[str]:
    import subprocess

    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return set(text.split())


def test_it_prints_the_bulletins_imprint_on_a_page_with_rows_of_the_last_table(
        printed: dict[str, tuple[Path, Path]]) -> None:
    import re
    import subprocess

    pdf = printed["通报.docx"][1]
    last = facts(pdf).pages
    text = subprocess.run(["pdftotext", "-f", str(last), "-l", str(last), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "印发" in text and re.search(r"\d+\.\d+\.\d+", text.split("印发")[0]), text
