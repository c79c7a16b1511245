"""luoshi export breakdown: the documents the office sends out, as files."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.db import transaction

from luoshi.accounts.access import access_of
from luoshi.management.commands._base import LuoshiCommand
from luoshi.plans.lookup import current_plan
from luoshi.plans.models import Plan
from luoshi.reports.exports import FORMATS, breakdown_file, bulletin_files
from luoshi.reports.issuing import issue, issued_name
from luoshi.tracking import BadPeriod


class Command(LuoshiCommand):
    help = "导出重点任务分解表（.xlsx 或 .docx），或某一期的督查通报（.docx、.pdf 和附件 .xlsx）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        table = jobs.add_parser("breakdown", help="the 重点任务分解表")
        table.add_argument("--plan", help="the plan's code (default: the only plan)")
        table.add_argument("--format", choices=FORMATS, default="xlsx")
        table.add_argument("-o", "--output", help="the file to write (default: PLAN-重点任务分解表.FORMAT)")
        note = jobs.add_parser("bulletin", help="the monthly 督查通报: .docx, .pdf and its attachments as .xlsx")
        note.add_argument("--plan", help="the plan's code (default: the only plan)")
        note.add_argument("--period", required=True, help="2024-06, 2024Q2 or 2024H1")
        note.add_argument("--format", choices=("docx", "pdf", "xlsx"), action="append",
                          help="one format (repeatable); default: all three")
        note.add_argument("-o", "--output", default=".", help="the folder to write into (default: here)")
        note.add_argument("--issue", action="store_true",
                          help="issue it: number it with the next 文号 and keep it, as the web page's 印发 does")
        note.add_argument("--by", metavar="USER", help="with --issue: the user recorded as the issuer")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = current_plan(options["plan"])
        if options["job"] == "bulletin":
            self._bulletin(plan, options)
            return
        content, name = breakdown_file(plan, options["format"])
        _write(Path(options["output"] or name), content)
        self.stdout.write(f"已导出 {options['output'] or name}")

    def _bulletin(self, plan: Plan, options: dict[str, Any]) -> None:
        formats = options["format"] or ["docx", "pdf", "xlsx"]
        if options["by"] and not options["issue"]:
            raise CommandError("--by 只和 --issue 一起用（记录签发人）")
        folder = Path(options["output"])
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise CommandError(f"{folder}: 无法建立文件夹 ({e.strerror})") from None
        try:
            if options["issue"]:
                with transaction.atomic():  # a file that cannot be written un-issues the bulletin
                    issued = issue(plan, options["period"], _user(options["by"]))
                    files = [(issued_name(issued, fmt), bytes(getattr(issued, fmt))) for fmt in formats]
                    self._write_all(folder, files, undo=True)
                self.stdout.write(f"已印发 {issued.reference} {issued.title}")
                return
            files = bulletin_files(plan, options["period"], formats)
        except BadPeriod as e:
            raise CommandError(f"--period {e}") from None
        self._write_all(folder, files)

    def _write_all(self, folder: Path, files: list[tuple[str, bytes]], undo: bool = False) -> None:
        """Write ``files`` into ``folder``; with ``undo``, a failure removes those already written."""
        written: list[Path] = []
        try:
            for name, content in files:
                _write(folder / name, content)
                written.append(folder / name)
        except CommandError:
            for path in written if undo else []:
                path.unlink(missing_ok=True)
            raise
        for path in written:
            self.stdout.write(f"已导出 {path}")


def _user(name: str | None) -> object:
    """The issuer --by names: a user of the office, as on the web page (which only the office may use)."""
    if not name:
        return None
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"--by：没有用户 {name}")
    try:
        office = access_of(user).is_office
    except PermissionDenied:
        office = False
    if not office:
        raise CommandError(f"--by：{name} 不是督查室的用户，不能签发通报")
    return user


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as e:
        raise CommandError(f"{path}: 无法写入 ({e.strerror})") from None
