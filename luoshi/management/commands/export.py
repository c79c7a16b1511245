"""luoshi export breakdown: the documents the office sends out, as files."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import PlanNotFound, current_plan
from luoshi.reports.exports import FORMATS, breakdown_file


class Command(LuoshiCommand):
    help = "导出重点任务分解表（.xlsx 或 .docx）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        table = jobs.add_parser("breakdown", help="the 重点任务分解表")
        table.add_argument("--plan", help="the plan's code (default: the only plan)")
        table.add_argument("--format", choices=FORMATS, default="xlsx")
        table.add_argument("-o", "--output", help="the file to write (default: PLAN-重点任务分解表.FORMAT)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            plan = current_plan(options["plan"])
        except PlanNotFound as e:
            raise CommandError(str(e)) from None
        content, name = breakdown_file(plan, options["format"])
        output = Path(options["output"] or name)
        try:
            output.write_bytes(content)
        except OSError as e:
            raise CommandError(f"{output}: 无法写入 ({e.strerror})") from None
        self.stdout.write(f"已导出 {output}")
