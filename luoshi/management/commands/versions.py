"""luoshi versions --plan SLUG [--rollback N]: a plan's versions, and making an earlier one current again."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.importing import PlanImportError, roll_back, roll_back_preview
from luoshi.plans.lookup import current_plan
from luoshi.plans.models import Plan


class Command(LuoshiCommand):
    help = "列出计划的各个版本；--rollback 把某一版重新设为当前版本（进度数据和分工随对应目标转回）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plan", help="the plan's code (default: the only plan)")
        parser.add_argument("--rollback", type=int, metavar="N", help="make version N current again")
        parser.add_argument("--confirm", action="store_true", help="do it (without: only show what would change)")

    def handle(self, *args: Any, **options: Any) -> None:
        slug = current_plan(options["plan"]).slug
        if options["rollback"] is None:
            for plan in Plan.objects.filter(slug=slug).order_by("version"):
                mark = "当前" if plan.is_current else "    "
                self.stdout.write(f"{mark} 第{plan.version}版  {plan.imported_at:%Y-%m-%d %H:%M}  "
                                  f"{plan.targets.count()}个目标  {plan.source_name}")
            return
        try:
            if not options["confirm"]:
                preview = roll_back_preview(slug, options["rollback"])
                self.stdout.write(f"{slug}: 回到第{preview.chosen.version}版将{preview.diff.summary}")
                for line in preview.diff.lines():
                    self.stdout.write(f"  {line}")
                self.stdout.write("加 --confirm 执行")
                return
            self.stdout.write(roll_back(slug, options["rollback"]).message)
        except PlanImportError as e:
            raise CommandError(str(e)) from None
