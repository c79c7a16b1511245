"""luoshi evaluate: every target achieved, missed or without an outcome at year end."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.reports.exports import evaluation_file
from luoshi.reports.tables import evaluation


class Command(LuoshiCommand):
    help = "年终评定：每个目标已完成、未完成或无结果，附差额和结果来源；按方面和单位汇总。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plan", help="the plan's code (default: the only plan)")
        parser.add_argument("--year", type=int, help="the year to judge (default: the plan's)")
        parser.add_argument("--format", choices=("table", "xlsx"), default="table")
        parser.add_argument("-o", "--output", help="with --format xlsx: the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        year = options["year"] or plan.year
        if options["format"] == "xlsx":
            content, name = evaluation_file(plan, year)
            output = Path(options["output"] or name)
            output.write_bytes(content)
            self.stdout.write(f"已导出 {output}")
            return
        result = evaluation(plan, year)
        totals = "，".join(f"{k}{v}个" for k, v in result.totals)
        self.stdout.write(f"{plan.region}{year}年 {len(result.rows)}个目标：{totals}")
        for r in result.rows:
            if r.verdict != "无结果":
                self.stdout.write(f"  {r.code:<8} {r.verdict}  {r.target}  实际 {r.actual}  差额 {r.margin}"
                                  f"  来源 {r.source}")
        self.stdout.write("按工作方面：")
        for area, counts in result.by_section:
            self.stdout.write(f"  {area[:20]:<20} " + "，".join(f"{k}{v}" for k, v in counts))
        self.stdout.write("按牵头单位：")
        for unit, counts in result.by_unit:
            self.stdout.write(f"  {unit:<16} " + "，".join(f"{k}{v}" for k, v in counts))
