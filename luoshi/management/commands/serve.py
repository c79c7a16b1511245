"""luoshi serve: the web application on this machine."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command

from luoshi.management.commands._base import LuoshiCommand


class Command(LuoshiCommand):
    help = "启动网页界面（默认 http://127.0.0.1:8000/），先建立或更新数据库。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000", help="host:port to listen on")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        call_command("runserver", options["address"], use_reloader=False)
