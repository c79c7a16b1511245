"""luoshi outcomes: the results a report states for a plan's year, proposed target by target; the office confirms."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from luoshi.documents import UnreadableDocument, read_text
from luoshi.extract.outcomes import FIT_LABELS
from luoshi.management.commands._base import LuoshiCommand
from luoshi.outcomes.reading import UnknownProposal, decide, keep_source, propose
from luoshi.plans.lookup import current_plan
from luoshi.tracking.figures import say_number


class Command(LuoshiCommand):
    help = "读取报告回顾部分陈述的上一年结果，逐条对应计划目标；用 --confirm 确认后才记录。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the report (.txt, .docx, .pdf, .html), e.g. the next year's work report")
        parser.add_argument("--plan", help="the plan whose targets the results answer (default: the only plan)")
        parser.add_argument("--confirm", default="",
                            help="record these proposals, by key (1.1.3@515-519) separated by commas, "
                                 "or 'same' for every same-indicator proposal")
        parser.add_argument("--reject", default="", help="proposals that are not results of their target, by key")
        parser.add_argument("--by", help="the user who confirms (required with --confirm or --reject)")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        try:
            text = read_text(options["file"])
        except UnreadableDocument as e:
            raise CommandError(str(e)) from None
        review, proposals = propose(plan, text)
        for warning in review.warnings:
            self.stdout.write(f"注意: {warning}")
        same = [p for p in proposals if p.same]
        self.stdout.write(f"{Path(options['file']).name}: 回顾部分陈述结果{len(review.outcomes)}条；"
                          f"对应{plan.region}{plan.year}年目标：同一指标{len(same)}条，"
                          f"相关指标{len(proposals) - len(same)}条（相关的只供参考，不计入评定）")
        for p in proposals:
            o = p.match.outcome
            value = "是" if o.value is None else f"{say_number(o.value)}{o.unit or ''}"
            self.stdout.write(f"  {p.key:<18} {FIT_LABELS[p.match.fit]:<6} {p.target.in_words()}  ←  {value}"
                              f"「{p.quote}」  {p.match.why}")
        confirm = {k.strip() for k in options["confirm"].split(",") if k.strip()}
        reject = {k.strip() for k in options["reject"].split(",") if k.strip()}
        if "same" in confirm:
            confirm = (confirm - {"same"}) | {p.key for p in same}
        if not confirm and not reject:
            self.stdout.write("没有记录任何结果。确认：--confirm 键（逗号分隔）或 --confirm same，并用 --by 指明确认人")
            return
        user = get_user_model().objects.filter(username=options["by"] or "").first()
        if user is None:
            raise CommandError("请用 --by 指明确认人（一个已有的用户名），结果要记下谁确认的")
        source = keep_source(plan, Path(options["file"]).name, text, user)
        try:
            confirmed, rejected = decide(source, proposals, confirm, reject, user)
        except UnknownProposal as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"已记录：确认{confirmed}条，否决{rejected}条"
                          f"（确认人 {user.get_username()}，来源 {source.name}）")
