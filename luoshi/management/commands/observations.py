"""luoshi observations template|import: the spreadsheet a unit fills in, and its upload."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.progress.sheets import SheetProblems, import_observations, template


class Command(LuoshiCommand):
    help = "进度数据：生成报送模板（template），或导入填好的 Excel/CSV（import，全部无误才保存）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        make = jobs.add_parser("template", help="write the template for a plan and a period")
        make.add_argument("--plan", help="the plan's code, e.g. jinhua-2024")
        make.add_argument("--period", required=True, help="2024-06, 2024Q2, 2024H1 or 2024")
        make.add_argument("-o", "--output", help="the .xlsx to write (default: PLAN-PERIOD-进度数据.xlsx)")
        load = jobs.add_parser("import", help="check and store a filled template")
        load.add_argument("file", help="the filled template, .xlsx or .csv")
        load.add_argument("--plan", help="the plan's code (default: the only plan)")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        if options["job"] == "template":
            output = Path(options["output"] or f"{plan.slug}-{options['period']}-进度数据.xlsx")
            try:
                book = template(plan, options["period"])
            except SheetProblems as e:
                raise CommandError(str(e)) from None
            book.save(output)
            self.stdout.write(f"已生成 {output}（{plan.targets.count()}个目标，期别 {options['period']}）")
            return
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"{path}: 找不到这个文件")
        try:
            count = import_observations(plan, path)
        except SheetProblems as e:
            lines = [f"{path}: {len(e.problems)}处问题，没有保存任何数据："] + [f"  {p}" for p in e.problems]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(f"{path}: 已保存{count}条进度数据（计划 {plan.slug}）")
