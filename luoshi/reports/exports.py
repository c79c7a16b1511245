"""The office's documents as files: the breakdown table and the year-end evaluation."""

from __future__ import annotations

from luoshi.plans.models import Plan
from luoshi.reports import files
from luoshi.reports.comparison import Comparison
from luoshi.reports.comparison import table as comparison_table
from luoshi.reports.tables import BREAKDOWN_COLUMNS, EVALUATION_COLUMNS, breakdown, evaluation

FORMATS = ("xlsx", "docx")


def breakdown_file(plan: Plan, fmt: str) -> tuple[bytes, str]:
    """(content, file name) of the 重点任务分解表 as .xlsx or .docx."""
    title = f"{plan.region}{plan.year}年政府工作报告重点任务分解表"
    rows = [(r.number, f"{r.area}\n{r.task}" if r.area != "主要预期目标" else f"主要预期目标：{r.task}",
             r.targets, r.lead, r.co, r.deadline) for r in breakdown(plan)]
    name = f"{plan.slug}-重点任务分解表.{fmt}"
    if fmt == "xlsx":
        return files.xlsx(title, BREAKDOWN_COLUMNS, rows, (8, 36, 60, 22, 30, 14), "分解表"), name
    return files.docx(title, BREAKDOWN_COLUMNS, rows, (1.5, 5.5, 9.5, 3.5, 3.8, 2.3)), name


def evaluation_file(plan: Plan, year: int) -> tuple[bytes, str]:
    """(content, file name) of the year-end evaluation as .xlsx."""
    result = evaluation(plan, year)
    rows = [(r.code, r.area, r.target, r.lead, r.verdict, r.actual, r.margin, r.source) for r in result.rows]
    title = f"{plan.region}{year}年政府工作报告目标完成情况评定"
    return (files.xlsx(title, EVALUATION_COLUMNS, rows, (9, 28, 50, 20, 10, 12, 14, 40), "年终评定"),
            f"{plan.slug}-{year}年终评定.xlsx")


def bulletin_files(plan: Plan, period: str, formats: list[str]) -> list[tuple[str, bytes]]:
    """(file name, content) of the bulletin for ``period`` in each of ``formats`` (docx, pdf, xlsx)."""
    from luoshi.reports import bulletin_files as layout
    from luoshi.reports.bulletin import bulletin

    made = bulletin(plan, period)
    writers = {"docx": layout.as_docx, "pdf": layout.as_pdf, "xlsx": layout.as_xlsx}
    stem = f"{plan.slug}-{period}-督查通报"
    return [(f"{stem}{'-附件' if fmt == 'xlsx' else ''}.{fmt}", writers[fmt](made)) for fmt in formats]


def comparison_file(result: Comparison) -> tuple[bytes, str]:
    """(content, file name) of a comparison across years and regions as .xlsx."""
    columns, rows = comparison_table(result)
    names = "、".join(f"{p.region}{p.year}" for p in result.plans)
    return (files.xlsx(f"目标与结果比较：{names}", columns, rows, (18, 8, *[30, 12, 36] * len(result.plans)), "比较"),
            f"比较-{'-'.join(p.slug for p in result.plans)}.xlsx")
