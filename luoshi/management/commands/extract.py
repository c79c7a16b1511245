"""luoshi extract FILE: read a work report and print the plan found in it."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from luoshi.documents import UnreadableDocument, read_text
from luoshi.extract import extract_plan
from luoshi.extract.render import as_json, as_jsonl, as_table
from luoshi.management.commands._base import LuoshiCommand

FORMATS = {"table": as_table, "json": as_json, "jsonl": as_jsonl}


class Command(LuoshiCommand):
    help = "读取一份政府工作报告（.txt .docx .pdf .html），列出其中的方面、任务和目标。"
    requires_system_checks: list[str] = []  # reads a file, prints: no database, no web pages to check

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the report: .txt (UTF-8 or GBK), .docx, .pdf or .html")
        parser.add_argument("--format", choices=sorted(FORMATS), default="table",
                            help="table: an outline to read (default); json: the whole plan; "
                                 "jsonl: one target per line")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            text = read_text(options["file"])
        except UnreadableDocument as e:
            raise CommandError(str(e)) from None
        plan = extract_plan(text)
        self.stdout.write(FORMATS[options["format"]](plan), ending="")
        if options["format"] != "table":
            for warning in plan.warnings:
                self.stderr.write(f"注意: {warning}")
