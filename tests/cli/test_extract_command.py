"""`luoshi extract` as a person runs it: files of every kind in, an outline or records out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

REPORT = """2025年政府工作报告

(一)稳住经济增长

扩大有效投资。全年固定资产投资增长8%以上,新开工亿元以上项目120个。

(二)增进民生福祉

办好民生实事。新建中小学15所,10月底前全部建成投用。
"""
FIELDS = ["section", "task", "indicator", "kind", "comparator", "value", "value_max", "unit",
          "deadline", "aspirational", "span", "quote"]


def luoshi(*args: str) -> subprocess.CompletedProcess[str]:
    """The command run from a shell, as a person runs it."""
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parents[2])


def extract(path: Path, fmt: str = "table") -> str:
    """The command run in this process: the same code, without starting Python again."""
    out = io.StringIO()
    call_command("extract", str(path), format=fmt, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in extract(path, "jsonl").splitlines()]


def test_it_prints_one_record_per_target_with_exactly_the_contract_fields(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    rows = records(path)
    assert all(list(row) == FIELDS for row in rows)
    assert [(r["section"], r["task"], r["value"], r["deadline"]) for r in rows] == [
        (1, "扩大有效投资", 8, None), (1, "扩大有效投资", 120, None),
        (2, "办好民生实事", 15, None), (2, "办好民生实事", None, "2025-10-31")]
    for row in rows:
        start, end = row["span"]
        assert REPORT[start:end] == row["quote"]


def test_it_prints_an_outline_a_person_can_read(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    lines = extract(path).splitlines()
    assert lines[0] == "2025年政府工作报告"
    assert "(一) 稳住经济增长" in lines
    assert "  1.1 扩大有效投资" in lines
    assert any(line.strip().startswith("1.1.1    固定资产投资增长8%以上") for line in lines)


def test_it_prints_the_whole_plan_as_json(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    plan = json.loads(extract(path, "json"))
    assert plan["year"] == 2025
    assert [s["title"] for s in plan["sections"]] == ["稳住经济增长", "增进民生福祉"]
    assert [t["code"] for t in plan["targets"]] == ["1.1.1", "1.1.2", "2.1.1", "2.1.2"]


def test_it_reads_gbk_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gbk"))
    assert [r["value"] for r in records(path)] == [8, 120, 15, None]


def test_it_reads_word_files(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in REPORT.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    path = tmp_path / "report.docx"
    document.save(str(path))
    assert [r["value"] for r in records(path)] == [8, 120, 15, None]


def test_it_reads_the_text_layer_of_pdf_files(tmp_path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    for n, line in enumerate(line for line in REPORT.splitlines() if line):
        page.drawString(40, 800 - 20 * n, line)
    page.save()
    assert [r["value"] for r in records(path)] == [8, 120, 15, None]


def test_it_reads_only_the_visible_text_of_web_pages(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in REPORT.split("\n\n"))
    page = (f'<html><head><meta charset="gbk"><title>标题</title><script>var x = "增长99%";</script>'
            f"</head><body><nav>首页 &gt; 要闻</nav>{body}<footer>联系电话:0579-1234567</footer>"
            "</body></html>")
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gbk"))
    assert [r["value"] for r in records(path)] == [8, 120, 15, None]


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.txt", None, "找不到这个文件"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "不是 Word .docx 文件"),
    ("broken.pdf", b"%PDF-1.4 nothing else", "不是可读取的 PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "旧版 Word .doc 文件"),
    ("binary.txt", b"\x00\x01\x02\x03", "是二进制文件"),
    ("latin.txt", b"\x81\x30\xff\xfe\x81", "既不是 UTF-8 也不是 GB18030/GBK"),
])
def test_it_names_the_file_and_the_problem_when_it_cannot_read_it(
        tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=f"^{path}: .*{problem}"):
        extract(path)


def test_it_fails_in_one_line_with_a_non_zero_exit_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04")
    result = luoshi("extract", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"luoshi extract: {path}: 不是 Word .docx 文件，或文件已损坏 (not a .docx file)\n"


def test_it_tells_what_to_do_when_the_database_is_not_set_up(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run([sys.executable, "-m", "luoshi.cli", "assess", "--plan", "jinhua-2024"],
                            capture_output=True, text=True, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 1
    assert result.stderr.startswith("luoshi assess: 数据库不可用或尚未建立")
    assert "luoshi migrate" in result.stderr and "Traceback" not in result.stderr
