"""luoshi remind: tell liaisons what is due soon, overdue or returned — once each, safe to run every hour."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import CommandError
from django.utils import timezone

from luoshi.deadlines.models import Channel
from luoshi.deadlines.reminding import Message, pending_reminders, send
from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.plans.models import Plan


class Command(LuoshiCommand):
    help = "报送提醒：即将到期、已逾期和被退回的数据，按每人选择的方式（邮件、钉钉、企业微信）提醒，每件事只提醒一次。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--plan", help="the plan's code (default: every current plan)")
        parser.add_argument("--on", help="the day to remind as of, YYYY-MM-DD (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="say who would be told what; send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = date.fromisoformat(options["on"]) if options["on"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--on {options['on']}：日期应写成 2024-07-08") from None
        plans = [current_plan(options["plan"])] if options["plan"] else list(Plan.objects.current())
        failed = 0
        for plan in plans:
            failed += self._remind(plan, on, options["dry_run"])
        if failed:
            raise CommandError(f"{failed} 条提醒未发出，下次运行会再试")

    def _remind(self, plan: Plan, on: date, dry_run: bool) -> int:
        day = pending_reminders(plan, on)
        mode = "试运行，不发送" if dry_run else "发送"
        self.stdout.write(f"{plan.region}{plan.year}年（{plan.slug}）· {on} · {mode}")
        failed = 0
        by_channel = {c: 0 for c in (Channel.EMAIL, Channel.DINGTALK, Channel.WECOM)}
        lines = {"returned": 0, "overdue": 0, "due_soon": 0}
        for message in day.messages:
            if not dry_run:
                outcome = send(message)
                if not outcome.sent:
                    failed += outcome.error != "已由另一次运行发送"
                    self.stderr.write(f"  未发出：{message.to}（{Channel(message.channel).label}）：{outcome.error}")
                    continue
            by_channel[Channel(message.channel)] += 1
            for kind, n in message.counts().items():
                lines[kind] += n
            self._show(message, dry_run)
        verb = "将收到" if dry_run else "收到了"
        self.stdout.write(
            f"合计：{sum(by_channel.values())} 个地址{verb}提醒（" + "、".join(
                f"{Channel(c).label} {n}" for c, n in by_channel.items()) + f"），共 {sum(lines.values())} 项："
            f"被退回 {lines['returned']}、已逾期 {lines['overdue']}、即将到期 {lines['due_soon']}")
        if day.already_sent:
            self.stdout.write(f"已提醒过、不再发送：{day.already_sent} 项")
        if day.no_channel:
            self.stdout.write(f"没有可用的提醒方式（未填邮件地址或选择不提醒）：{'、'.join(day.no_channel)}")
        if day.no_liaison:
            units = sorted(day.no_liaison.items(), key=lambda kv: (-kv[1], kv[0]))
            self.stdout.write(f"没有联络员账号的单位 {len(units)} 个、{sum(day.no_liaison.values())} 项（见催报清单）："
                              + "、".join(f"{u} {n}项" for u, n in units))
        return failed

    def _show(self, message: Message, dry_run: bool) -> None:
        counts = message.counts()
        summary = "、".join(f"{label} {counts[kind]}项" for kind, label in (
            ("returned", "被退回"), ("overdue", "已逾期"), ("due_soon", "即将到期")) if counts.get(kind))
        self.stdout.write(f"→ {message.to}（{Channel(message.channel).label} {_short(message.address)}）：{summary}")
        for line in message.lines[:8]:
            self.stdout.write(f"    {line.words()}")
        if len(message.lines) > 8:
            self.stdout.write(f"    …另有 {len(message.lines) - 8} 项")


def _short(address: str) -> str:
    """An address as the log shows it: a robot's key is a secret, so only its host."""
    return address if "@" in address else address.split("?")[0]
