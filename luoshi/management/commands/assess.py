"""luoshi assess: how each target is doing on a date."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import CommandError

from luoshi.management.commands._base import LuoshiCommand
from luoshi.tracking import assess
from luoshi.tracking.cases import BadCase, read_case
from luoshi.tracking.render import as_json, as_table

FORMATS = {"table": as_table, "json": as_json}


class Command(LuoshiCommand):
    help = "评估每个目标在某一日期的进度状态（对照序时进度），并说明依据。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--input", required=True, metavar="CASE.json",
                            help="targets and observations as JSON (see docs/tracking.md)")
        parser.add_argument("--on", type=_day, help="the date to assess on (default: the case's 'on')")
        parser.add_argument("--format", choices=sorted(FORMATS), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
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
            names = {g.id: g.indicator for g in case.goals}
            self.stdout.write(as_table(assessments, names), ending="")
        else:
            self.stdout.write(as_json(assessments), ending="")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        from argparse import ArgumentTypeError

        raise ArgumentTypeError(f"{text!r} is not a date such as 2024-06-30") from None
