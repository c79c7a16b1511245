"""luoshi import REPORT: extract a work report and store it as a plan."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.documents import UnreadableDocument, read_text
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.importing import PlanImportError, Unconfirmed, Unlike, import_document


class Command(LuoshiCommand):
    help = "导入一份政府工作报告（或 luoshi extract --format json 的结果），保存为计划；全部成功或全部不变。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("report", help="the report (.txt .docx .pdf .html) or a plan .json")
        parser.add_argument("--region", help="地区, e.g. 金华市 (default: as the report says)")
        parser.add_argument("--year", type=int, help="年份, e.g. 2024 (default: as the report says)")
        parser.add_argument("--slug", help="the plan's code, e.g. jinhua-2024 (default: from region and year)")
        parser.add_argument("--confirm", action="store_true",
                            help="store a changed document as a new version (without: only show the differences)")
        parser.add_argument("--insist", action="store_true",
                            help="store it even though it looks nothing like the plan's current version")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["report"])
        text = ""
        try:
            if path.suffix.lower() == ".json":
                doc = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(doc, dict) or "targets" not in doc or "sha256" not in doc:
                    raise CommandError(f"{path}: 不是 luoshi extract --format json 生成的计划文件")
            else:
                text = read_text(path)
                doc = document(extract_plan(text))
        except UnreadableDocument as e:
            raise CommandError(str(e)) from None
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CommandError(f"{path}: 无法读取计划文件 ({e})") from None
        try:
            result = import_document(doc, text=text, source_name=path.name, region=options["region"],
                                     year=options["year"], slug=options["slug"], confirm=options["confirm"],
                                     insist=options["insist"])
        except (Unconfirmed, Unlike) as e:
            assert e.preview.diff is not None
            for line in e.preview.diff.lines():
                self.stdout.write(f"  {line}")
            raise CommandError(f"{path}: {e}") from None
        except PlanImportError as e:
            raise CommandError(f"{path}: {e}") from None
        self.stdout.write(result.message)
