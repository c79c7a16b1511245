"""luoshi assign --plan SLUG: give every target a lead unit by the keyword rule."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.units.assigning import assign_by_keywords


class Command(LuoshiCommand):
    help = "按关键词规则为还没有牵头单位的目标指定牵头单位（人工指定的不会被改动）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plan", help="the plan's code (default: the only plan)")
        parser.add_argument("--replace", action="store_true",
                            help="also redo leads this rule set before (never those a person chose)")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        try:
            count = assign_by_keywords(plan, replace=options["replace"])
        except LookupError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"{plan.slug}: 为{count}个目标指定了牵头单位")
