"""luoshi assign --plan SLUG: give every target a lead unit by the keyword rule."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db.models import Q

from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.units.assigning import assign_by_keywords
from luoshi.units.models import Unit


class Command(LuoshiCommand):
    help = "按关键词规则为还没有牵头单位的目标指定牵头单位（人工指定的不会被改动）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plan", help="the plan's code (default: the only plan)")
        parser.add_argument("--replace", action="store_true",
                            help="also redo leads this rule set before (never those a person chose)")
        parser.add_argument("--fallback", help="the unit (name or short name) that leads what no keyword assigns")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        fallback = None
        if options["fallback"]:
            name = options["fallback"]
            fallback = Unit.objects.filter(Q(name=name) | Q(short_name=name)).first()
            if fallback is None:
                raise CommandError(f"没有名为“{name}”的单位：先用 luoshi units add 建立，或用 luoshi units list 查看")
        if not Unit.objects.exclude(keywords=[]).exists() and fallback is None:
            raise CommandError("还没有带牵头关键词的单位：先用 luoshi units add 名称 --keywords 词1、词2 建立单位")
        count = assign_by_keywords(plan, replace=options["replace"], fallback=fallback)
        left = plan.targets.exclude(assignments__role="lead").count()
        rest = f"；{left}个目标没有命中任何关键词，请人工指定或用 --fallback 指定兜底单位" if left else ""
        self.stdout.write(f"{plan.slug}: 为{count}个目标指定了牵头单位{rest}")
