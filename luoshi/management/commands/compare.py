"""luoshi compare: the targets of several plans side by side on the canonical indicators."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.models import Plan
from luoshi.reports.comparison import compare


class Command(LuoshiCommand):
    help = "比较多个计划（不同年份、不同地区）在同一指标上的目标和结果：提高、降低、新增或删去，完成与否。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plans", help="plan codes separated by commas (default: every current plan)")

    def handle(self, *args: Any, **options: Any) -> None:
        plans = list(Plan.objects.current())
        if options["plans"]:
            wanted = [s.strip() for s in options["plans"].split(",") if s.strip()]
            plans = [p for p in plans if p.slug in wanted]
            unknown = set(wanted) - {p.slug for p in plans}
            if unknown:
                raise CommandError(f"没有这些计划：{'、'.join(sorted(unknown))}")
        if len(plans) < 2:
            raise CommandError("至少需要两个计划才能比较")
        result = compare(plans)
        self.stdout.write("指标 | " + " | ".join(f"{p.region}{p.year}" for p in result.plans))
        for line in result.lines:
            cells = [f"{c.words}{'（' + c.change + '）' if c.change else ''}"
                     + (f" → {c.result}（{c.outcome.verdict}）" if c.outcome else "") if c else "—"
                     for c in line.cells]
            dropped = f"  删去：{'、'.join(line.dropped)}" if line.dropped else ""
            self.stdout.write(f"{line.indicator}（{line.kind}） | " + " | ".join(cells) + dropped)
