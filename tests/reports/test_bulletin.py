"""The 督查通报 as an official document (GB/T 9704-2012), read back from its files; issuing it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.reports import bulletin_files as layout
from luoshi.reports.bulletin import LAGGING
from luoshi.reports.issuing import draft, issue, save_text, settings_of
from luoshi.reports.models import IssuedBulletin

pytestmark = pytest.mark.django_db

JUNE = "2024-06"


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=io.StringIO())
    plan = Plan.objects.get(slug="jinhua-2024")
    s = settings_of(plan)
    s.issuer, s.prefix, s.next_number = "金华市人民政府督查室", "金政督", 7
    s.recipients, s.copies = "各县（市、区）人民政府，市政府各部门", "市委办公室，市人大常委会办公室"
    s.signature = "金华市人民政府督查室"
    s.save()
    return plan


def explain_laggards(plan: Plan) -> dict[str, str]:
    """Each lagging target's unit explains itself in its June report (as the form asks it to)."""
    said = {}
    for row in draft(plan, JUNE).attachments:
        for r in row.rows:
            if r.status in LAGGING:
                problems = f"{r.code}受项目审批进度影响"
                Observation.objects.filter(target__plan=plan, target__code=r.code, period=JUNE).update(
                    problems=problems, next_steps=f"{r.code}加快要素保障，三季度末追上序时进度")
                said[r.code] = problems
    return said


def test_it_lays_the_bulletin_out_in_word_as_the_national_standard_asks(plan: Plan) -> None:
    save_text(plan, JUNE, "截至6月底，全市目标任务总体推进有力。\n第二段由督查室改写。", None)
    issued = issue(plan, JUNE, None)
    assert issued.reference.startswith("金政督〔") and issued.reference.endswith("〕7号")
    document = docx.Document(io.BytesIO(bytes(issued.docx)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert [round(m.mm) for m in (section.top_margin, section.left_margin)] == [37, 28]
    assert round(section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == 156
    assert round(section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm) == 225
    texts = [p.text for p in document.paragraphs]
    issuer = document.paragraphs[0]
    assert issuer.text == "金华市人民政府督查室" and str(issuer.runs[0].font.color.rgb) == "E00000"
    assert issued.reference in texts
    assert "各县（市、区）人民政府，市政府各部门：" in texts
    assert "截至6月底，全市目标任务总体推进有力。" in texts and "第二段由督查室改写。" in texts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、总体情况" and all(re.match(r"[一二三四五六七八九十]+、", h) for h in headings)
    assert any(p.style.name == "Heading 2" and p.text.startswith("（一）") for p in document.paragraphs)
    title = next(p for p in document.paragraphs if p.style.name == "公文标题")
    assert title.text == "关于金华市2024年政府工作报告目标任务\n6月份推进情况的通报"  # a line break between phrases
    assert title.style.font.size.pt == 22 and document.styles["Normal"].font.size.pt == 16  # 二号, 三号
    dated = f"{issued.issued_at.year}年{issued.issued_at.month}月"
    signature = texts.index("金华市人民政府督查室", 1)
    assert texts[signature + 1].startswith(dated)
    assert "附件：1. 主要经济指标完成情况" in texts
    assert any(t.startswith("抄送：市委办公室") for t in texts)
    for footer in (section.footer, section.even_page_footer):  # — 1 — at the outside corners
        xml = footer._element.xml
        assert 'w:instr="PAGE"' in xml and "— " in footer.paragraphs[0].text
    assert document.settings.odd_and_even_pages_header_footer
    assert len(document.tables) == 3  # each table once: in the attachments
    # The 版记 takes the last table's last rows with it to a new page, never a page alone; the text's last
    # lines go with 附件说明 and 署名.
    last_rows = document.tables[-1].rows[-2:]
    assert all(p.paragraph_format.keep_with_next for row in last_rows for c in row.cells for p in c.paragraphs)
    attachments_note = texts.index("附件：1. 主要经济指标完成情况")
    assert document.paragraphs[attachments_note - 2].paragraph_format.keep_with_next  # the text's last paragraph
    imprint = next(p for p in document.paragraphs if p.text.startswith("抄送："))
    assert imprint._p.getprevious().getprevious() is document.tables[-1]._tbl


def test_it_makes_the_june_pdf_on_a4_with_fonts_embedded_and_each_laggards_own_words(plan: Plan) -> None:
    said = explain_laggards(plan)
    assert said, "June of the demo has lagging targets"
    pdf = layout.as_pdf(draft(plan, JUNE))
    for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm"):
        assert shutil.which(tool), f"{tool} (poppler-utils) is needed: make test installs it"
    info = _run("pdfinfo", pdf)
    assert "(A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 11 <= pages <= 14, pages  # 19 when every table was printed twice, 16 before the columns were widened
    fonts = _run("pdffonts", pdf).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    text = re.sub(r"\s+", "", _run("pdftotext", pdf))
    assert "（草稿，未编号）" in text and "—1—" in text
    first_page = [line.strip() for line in _run("pdftotext", pdf, "-l", "1").splitlines() if line.strip()]
    title = first_page.index("关于金华市 2024 年政府工作报告目标任务")  # the title's lines, in whole phrases
    assert first_page[title + 1] == "6 月份推进情况的通报"
    for code, problems in said.items():
        assert f"存在问题：{problems}" in text and f"下一步措施：{code}加快要素保障" in text
    assert layout.as_pdf(draft(plan, JUNE)) == pdf  # made again, the same file


def test_it_never_leaves_the_signature_or_the_imprint_alone_on_a_page(plan: Plan) -> None:
    """GB/T 9704: 署名 and 成文日期 follow the text on its page; the 版记 stands at the foot of the last
    page, under the end of the last attachment, never on a page of its own."""
    s = settings_of(plan)
    s.copies = "市委办公室，市人大常委会办公室，市政协办公室"
    s.save()
    pdf = layout.as_pdf(draft(plan, JUNE))
    pages = [re.sub(r"\s+", "", page) for page in _run("pdftotext", pdf).split("\f") if page.strip()]
    signed = next(n for n, page in enumerate(pages) if "金华市人民政府督查室" in page and "附件：1." in page)
    assert "请相关单位按时报送。" in pages[signed].split("附件：1.")[0]  # some of the text on the same page
    last = pages[-1]
    assert "抄送：市委办公室，市人大常委会办公室，市政协办公室。" in last and "印发" in last
    assert re.search(r"\d+\.\d+\.\d+", last.split("抄送")[0])  # rows of the last table above it
    lines = _run("pdftotext", pdf, "-layout", "-f", str(len(pages)), "-l", str(len(pages))).splitlines()
    printed = [n for n, line in enumerate(lines) if "印发" in line][-1]
    assert not any(line.strip() and "—" not in line for line in lines[printed + 1:])  # at the foot
    for first, name in ((1, "first"), (len(pages), "last")):  # to look at: artifacts/screenshots/
        _run("pdftoppm", pdf, "-png", "-r", "60", "-f", str(first), "-l", str(first), "-singlefile",
             str(SCREENSHOTS / f"bulletin-june-{name}-page"))


def test_it_writes_the_attachments_with_numbers_as_numbers(plan: Plan) -> None:
    book = load_workbook(io.BytesIO(layout.as_xlsx(draft(plan, JUNE))))
    assert book.sheetnames == ["附件1", "附件2", "附件3"]
    sheet = book["附件1"]
    assert [c.value for c in sheet[2]] == ["编号", "目标", "牵头单位", "实际", "完成率", "序时进度", "状态"]
    gdp = next(row for row in sheet.iter_rows() if row[0].value == "0.0.1")
    actual, completion, elapsed = gdp[3], gdp[4], gdp[5]
    assert isinstance(actual.value, float) and actual.number_format.endswith('%"（示例）"')
    assert isinstance(completion.value, float) and completion.number_format == "#,##0.0%"
    assert elapsed.value == pytest.approx(0.5)
    assert sheet.print_title_rows == "$2:$2" and int(sheet.page_setup.paperSize) == 9  # A4


def test_it_keeps_an_issued_bulletin_as_it_was_and_numbers_the_next(plan: Plan) -> None:
    first = issue(plan, JUNE, None)
    kept = bytes(first.pdf), bytes(first.docx), first.figures
    Observation.objects.create(target=plan.targets.get(code="0.0.1"), period=JUNE, value=1.0)  # a later correction
    first.refresh_from_db()
    assert (bytes(first.pdf), bytes(first.docx), first.figures) == kept
    row = next(r for r in first.figures["rows"] if r["code"] == "0.0.1")  # type: ignore[index]
    assert row["actual"] != pytest.approx(0.01)
    again = issue(plan, JUNE, None)
    assert again.number == first.number + 1 and again.reference.endswith("〕8号")
    assert next(r for r in again.figures["rows"] if r["code"] == "0.0.1")["actual"] == pytest.approx(0.01)
    assert settings_of(plan).next_number == 9


def test_it_lets_the_office_word_issue_and_list_bulletins_in_the_browser(plan: Plan) -> None:
    office = add_user("alice", "correct-horse-battery", Role.OFFICE)
    liaison = add_user("charlie", "correct-horse-battery", Role.LIAISON, "金华市发展和改革委员会")
    client = Client()
    client.force_login(office)
    url = f"/plans/{plan.slug}/bulletins/?period={JUNE}"
    page = client.get(url)
    assert page.status_code == 200 and "金政督" in page.content.decode()
    client.post(url, {"period": JUNE, "action": "text", "summary": "督查室写的总体情况。"})
    client.post(url, {"period": JUNE, "action": "issue"})
    [issued] = IssuedBulletin.objects.filter(slug=plan.slug)
    assert issued.figures["summary"] == ["督查室写的总体情况。"]  # type: ignore[index]
    listing = client.get(url).content.decode()
    assert issued.reference in listing and "已印发的通报" in listing
    download = client.get(f"/plans/{plan.slug}/bulletins/{issued.pk}.pdf")
    assert download.status_code == 200 and download.content == bytes(issued.pdf)
    other = Client()
    other.force_login(liaison)
    assert other.post(url, {"period": JUNE, "action": "issue"}).status_code == 403
    assert IssuedBulletin.objects.count() == 1


SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _run(tool: str, pdf: bytes, *options: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        if tool == "pdftoppm":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            args = [tool, *options[:-1], f.name, options[-1]]
        else:
            args = [tool, *options, f.name, "-"] if tool == "pdftotext" else [tool, f.name]
        return subprocess.run(args, capture_output=True, check=True).stdout.decode()


def test_it_names_the_fonts_it_uses_from_the_settings() -> None:
    chosen = layout.fonts()
    assert set(chosen) == {"title", "body", "hei", "kai", "song"}
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    assert all(name in listing for name in chosen.values())  # each one is installed here


def test_it_issues_from_the_command_line_under_the_next_number_as_the_web_page_does(plan: Plan,
                                                                                    tmp_path: Path) -> None:
    alice = add_user("alice", "correct-horse-battery", Role.OFFICE)
    out = io.StringIO()
    call_command("export", "bulletin", "--plan", plan.slug, "--period", "2024-6", "--issue", "--by", "alice",
                 "-o", str(tmp_path / "通报"), stdout=out)
    [issued] = IssuedBulletin.objects.filter(slug=plan.slug)
    assert issued.reference.endswith("〕7号") and issued.period == JUNE and issued.issued_by == alice
    written = {p.suffix: p for p in (tmp_path / "通报").iterdir()}
    assert sorted(written) == [".docx", ".pdf", ".xlsx"]
    assert written[".pdf"].name == f"{issued.reference}{issued.title}.pdf"
    assert written[".pdf"].read_bytes() == bytes(issued.pdf) and written[".docx"].read_bytes() == bytes(issued.docx)
    assert issued.reference in [p.text for p in docx.Document(str(written[".docx"])).paragraphs]
    assert f"已印发 {issued.reference}" in out.getvalue()
    client = Client()  # the web page numbers on from there: one sequence
    client.force_login(alice)
    client.post(f"/plans/{plan.slug}/bulletins/", {"period": JUNE, "action": "issue"})
    assert IssuedBulletin.objects.filter(slug=plan.slug).first().reference.endswith("〕8号")  # type: ignore[union-attr]


@pytest.mark.parametrize(("args", "said"), [
    (["--period", "2024-13"], "--period '2024-13': month 13 is not 1-12"),
    (["--period", "2023-06"], "--period 2023-06 不在计划 jinhua-2024 的年份（2024年）内"),
    (["--period", JUNE, "--by", "nobody"], "--by：没有用户 nobody"),
    (["--period", JUNE, "--by", "charlie"], "--by：charlie 不是督查室的用户，不能签发通报"),
    (["--period", JUNE, "--output", "a-file"], "a-file: 无法建立文件夹"),
])
def test_it_refuses_bad_input_to_issue_in_one_line_and_changes_nothing(plan: Plan, tmp_path: Path,
                                                                       args: list[str], said: str) -> None:
    add_user("charlie", "correct-horse-battery", Role.LIAISON, "金华市发展和改革委员会")
    (tmp_path / "a-file").write_text("")
    args = [str(tmp_path / a) if a == "a-file" else a for a in args]
    if "--output" not in args:
        args += ["--output", str(tmp_path / "out")]
    with pytest.raises(CommandError) as refused:
        call_command("export", "bulletin", "--plan", plan.slug, "--issue", *args)
    message = str(refused.value)
    assert said in message and "\n" not in message
    assert not IssuedBulletin.objects.exists() and settings_of(plan).next_number == 7
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_it_takes_the_issuer_back_when_a_file_cannot_be_written(plan: Plan, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    title = draft(plan, JUNE).title
    reference = settings_of(plan).reference(timezone.localdate().year, 7)
    (folder / f"{reference}{title}.pdf").mkdir()  # where the .pdf would go, a folder: the write fails
    with pytest.raises(CommandError, match="无法写入"):
        call_command("export", "bulletin", "--plan", plan.slug, "--period", JUNE, "--issue", "-o", str(folder))
    assert not IssuedBulletin.objects.exists() and settings_of(plan).next_number == 7
    assert [p.name for p in folder.iterdir()] == [f"{reference}{title}.pdf"]  # the .docx written first is gone


def test_it_prints_a_units_words_as_they_are_never_as_typesetting_commands(plan: Plan) -> None:
    """The PDF is typeset by Typst: a unit's explanation written in its markup is printed, not run."""
    said = '#read("/etc/passwd") *加粗* $x^2$ ] [ // 注释 \\ `代码` <标签> @引用'
    lagging = next(r for a in draft(plan, JUNE).attachments for r in a.rows if r.status in LAGGING)
    Observation.objects.filter(target__plan=plan, target__code=lagging.code, period=JUNE).update(problems=said)
    text = re.sub(r"\s+", "", _run("pdftotext", layout.as_pdf(draft(plan, JUNE))))
    assert "存在问题：" + re.sub(r"\s+", "", said) in text and "root:" not in text


def test_it_names_fonts_in_the_pdf_as_its_typesetter_knows_them() -> None:
    import typst

    chosen = layout.pdf_fonts()
    assert set(chosen) == {"title", "body", "hei", "kai", "song"}
    assert set(chosen.values()) <= set(typst.Fonts().families())
