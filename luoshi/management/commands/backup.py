"""luoshi backup: a consistent snapshot of the whole database."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from luoshi.backups import BackupProblem, backup
from luoshi.management.commands._base import LuoshiCommand


class Command(LuoshiCommand):
    help = "备份整个数据库（SQLite 用在线备份，PostgreSQL 用 pg_dump），运行中也能得到一致的快照。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("-o", "--output", help="the file to write (default: luoshi-backup-DATE.sqlite3|.dump)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = backup(Path(options["output"]) if options["output"] else None)
        except BackupProblem as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"已备份到 {path}")
