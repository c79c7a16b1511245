"""luoshi restore FILE: put a snapshot back, replacing what the database holds."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.backups import BackupProblem, restore
from luoshi.management.commands._base import LuoshiCommand


class Command(LuoshiCommand):
    help = "从备份恢复整个数据库（会替换现有的全部数据，需加 --yes 确认）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a file written by luoshi backup")
        parser.add_argument("--yes", action="store_true", help="confirm: everything now in the database is replaced")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("恢复会替换数据库中的全部数据；确认无误请加 --yes")
        try:
            restore(Path(options["file"]))
        except BackupProblem as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"已从 {options['file']} 恢复")
