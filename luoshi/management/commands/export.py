"""luoshi export breakdown: the documents the office sends out, as files."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.plans.models import Plan
from luoshi.reports.exports import FORMATS, breakdown_file, bulletin_files
from luoshi.tracking import BadPeriod


class Command(LuoshiCommand):
    help = "导出重点任务分解表（.xlsx 或 .docx），或某一期的督查通报（.docx、.pdf 和附件 .xlsx）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        table = jobs.add_parser("breakdown", help="the 重点任务分解表")
        table.add_argument("--plan", help="the plan's code (default: the only plan)")
        table.add_argument("--format", choices=FORMATS, default="xlsx")
        table.add_argument("-o", "--output", help="the file to write (default: PLAN-重点任务分解表.FORMAT)")
        note = jobs.add_parser("bulletin", help="the monthly 督查通报: .docx, .pdf and its attachments as .xlsx")
        note.add_argument("--plan", help="the plan's code (default: the only plan)")
        note.add_argument("--period", required=True, help="2024-06, 2024Q2 or 2024H1")
        note.add_argument("--format", choices=("docx", "pdf", "xlsx"), action="append",
                          help="one format (repeatable); default: all three")
        note.add_argument("-o", "--output", default=".", help="the folder to write into (default: here)")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        if options["job"] == "bulletin":
            self._bulletin(plan, options)
            return
        content, name = breakdown_file(plan, options["format"])
        _write(Path(options["output"] or name), content)
        self.stdout.write(f"已导出 {options['output'] or name}")

    def _bulletin(self, plan: Plan, options: dict[str, Any]) -> None:
        try:
            files = bulletin_files(plan, options["period"], options["format"] or ["docx", "pdf", "xlsx"])
        except BadPeriod as e:
            raise CommandError(f"--period {e}") from None
        folder = Path(options["output"])
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files:
            _write(folder / name, content)
            self.stdout.write(f"已导出 {folder / name}")


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as e:
        raise CommandError(f"{path}: 无法写入 ({e.strerror})") from None
