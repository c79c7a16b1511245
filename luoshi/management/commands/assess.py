"""luoshi assess: how each target is doing on a date, from a case file or from the database."""

from __future__ import annotations

import json
from argparse import ArgumentParser, ArgumentTypeError
from collections import Counter
from datetime import date
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.tracking import STATUS_LABELS, Assessment, assess
from luoshi.tracking.cases import BadCase, read_case
from luoshi.tracking.figures import say_number
from luoshi.tracking.render import as_json, as_table, record


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date such as 2024-06-30") from None


class Command(LuoshiCommand):
    help = "评估每个目标在某一日期的进度状态（对照序时进度），并说明依据。"
    requires_system_checks: list[str] = []  # --input needs no database; --plan finds a bad one itself

    def add_arguments(self, parser: ArgumentParser) -> None:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--input", metavar="CASE.json",
                            help="targets and observations as JSON, no database (see docs/tracking.md)")
        source.add_argument("--plan", help="a stored plan's code, e.g. jinhua-2024")
        parser.add_argument("--on", type=_day, help="the date to assess on (default: the case's 'on', or today)")
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["input"]:
            self._case(options)
        else:
            self._plan(options)

    def _case(self, options: dict[str, Any]) -> None:
        path = options["input"]
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise CommandError(f"{path}: 无法读取 ({e.strerror})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CommandError(f"{path}: 不是有效的 JSON ({e})") from None
        try:
            case = read_case(data)
        except BadCase as e:
            raise CommandError(f"{path}: {e}") from None
        on = options["on"] or case.on
        assessments = [assess(g, case.observations[g.id], on) for g in case.goals]
        if options["format"] == "table":
            self.stdout.write(as_table(assessments, {g.id: g.indicator for g in case.goals}), ending="")
        else:
            self.stdout.write(as_json(assessments), ending="")

    def _plan(self, options: dict[str, Any]) -> None:
        from luoshi.plans.lookup import current_plan
        from luoshi.progress.assessing import assess_plan

        plan = current_plan(options["plan"])
        on = options["on"] or date.today()
        rows = assess_plan(plan, on)
        if options["format"] == "json":
            records = [{"code": r.target.code, "section": r.target.section.ordinal,
                        "indicator": r.target.indicator_text, **record(r.assessment),
                        "illustrative": r.illustrative, "source": r.source} for r in rows]
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        counts = Counter(r.assessment.status for r in rows)
        summary = "，".join(f"{STATUS_LABELS[s][0]}{n}个" for s, n in counts.most_common())
        self.stdout.write(f"{plan.region}{plan.year}年 {plan.title}（{plan.slug}）· 评估日 {on.isoformat()}")
        self.stdout.write(f"{len(rows)}个目标：{summary}")
        if any(r.illustrative for r in rows):
            self.stdout.write("标“示例”的数值是演示用的生成数据，不是公布的统计数")
        section = None
        for row in rows:
            if row.target.section_id != section:
                section = row.target.section_id
                self.stdout.write(f"\n({row.target.section.ordinal}) {row.target.section.title}")
            self.stdout.write(_line(row.target.code, row.target.indicator_text, row.assessment,
                                    row.illustrative))


def _line(code: str, name: str, a: Assessment, illustrative: bool) -> str:
    from luoshi.tracking.render import label

    figure = "" if a.actual is None else f"  实际 {say_number(a.actual)}" + (
        f"（{a.period}{'，示例' if illustrative else ''}）" if a.period else "")
    margin = "" if a.margin is None else f"  差额 {say_number(a.margin, signed=True)}"
    return f"  {code:<8} {name[:24]:<24} {label(a.status)}{figure}{margin}"
