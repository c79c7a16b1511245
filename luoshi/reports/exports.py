"""The office's documents as files: the breakdown table and the year-end evaluation."""

from __future__ import annotations

from luoshi.plans.models import Plan
from luoshi.reports import files
from luoshi.reports.comparison import Comparison
from luoshi.reports.comparison import table as comparison_table
from luoshi.reports.files import Column, in_chinese
from luoshi.reports.tables import BREAKDOWN_COLUMNS, EVALUATION_COLUMNS, breakdown, evaluation

FORMATS = ("xlsx", "docx")
# Widths in a spreadsheet's character units; the Word table keeps the same proportions.
BREAKDOWN_WIDTHS = (7, 34, 58, 20, 28, 13)
EVALUATION_WIDTHS = (8, 24, 44, 18, 8, 13, 14, 34)


def columns(names: tuple[str, ...], widths: tuple[float, ...], centred: tuple[int, ...] = ()) -> list[Column]:
    return [Column(name, width, n in centred) for n, (name, width) in enumerate(zip(names, widths, strict=True))]


@in_chinese
def breakdown_file(plan: Plan, fmt: str) -> tuple[bytes, str]:
    """(content, file name) of the 重点任务分解表 as .xlsx or .docx."""
    title = f"{plan.region}{plan.year}年政府工作报告重点任务分解表"
    rows = [(r.number, f"{r.area}\n{r.task}" if r.area != "主要预期目标" else f"主要预期目标：{r.task}",
             r.targets, r.lead, r.co, r.deadline) for r in breakdown(plan)]
    name = f"{plan.slug}-重点任务分解表.{fmt}"
    layout = columns(BREAKDOWN_COLUMNS, BREAKDOWN_WIDTHS, centred=(0,))
    if fmt == "xlsx":
        return files.xlsx(title, layout, rows, "分解表"), name
    return files.docx(title, layout, rows), name


@in_chinese
def evaluation_file(plan: Plan, year: int) -> tuple[bytes, str]:
    """(content, file name) of the year-end evaluation as .xlsx."""
    result = evaluation(plan, year)
    rows = [(r.code, r.area, r.target, r.lead, r.verdict, r.actual, r.margin, r.source) for r in result.rows]
    title = f"{plan.region}{year}年政府工作报告目标完成情况评定"
    layout = columns(EVALUATION_COLUMNS, EVALUATION_WIDTHS, centred=(0, 4))
    return (files.xlsx(title, layout, rows, "年终评定"),
            f"{plan.slug}-{year}年终评定.xlsx")


@in_chinese
def bulletin_files(plan: Plan, period: str, formats: list[str]) -> list[tuple[str, bytes]]:
    """(file name, content) of the bulletin for ``period`` in each of ``formats`` (docx, pdf, xlsx)."""
    from luoshi.reports import bulletin_files as layout
    from luoshi.reports.issuing import draft, period_of

    made = draft(plan, period_of(plan, period))
    writers = {"docx": layout.as_docx, "pdf": layout.as_pdf, "xlsx": layout.as_xlsx}
    stem = f"{plan.slug}-{period}-督查通报"
    return [(f"{stem}{'-附件' if fmt == 'xlsx' else ''}.{fmt}", writers[fmt](made)) for fmt in formats]


@in_chinese
def comparison_file(result: Comparison) -> tuple[bytes, str]:
    """(content, file name) of a comparison across years and regions as .xlsx."""
    names_of, rows = comparison_table(result)
    names = "、".join(f"{p.region}{p.year}" for p in result.plans)
    widths = (18.0, 8.0, *[30.0, 12.0, 36.0] * len(result.plans))
    return (files.xlsx(f"目标与结果比较：{names}", [Column(n, w) for n, w in zip(names_of, widths, strict=True)],
                       rows, "比较"),
            f"比较-{'-'.join(p.slug for p in result.plans)}.xlsx")
