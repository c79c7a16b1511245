"""What every luoshi command shares: a failure is one line that says what and where."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, ProgrammingError

from luoshi.plans.lookup import PlanNotFound


class LuoshiCommand(BaseCommand):
    """A command whose errors, run from the shell, read ``luoshi NAME: what went wrong``.

    Django would print ``CommandError: …``; from ``call_command`` (tests) the
    CommandError is raised as usual. A plan that is not there, or a database that
    is not set up or not reachable, is one of those errors, with what to do about it.
    """

    _name = ""

    def run_from_argv(self, argv: list[str]) -> None:
        self._name = argv[1]
        super().run_from_argv(argv)

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return self._execute(*args, **options)
        except CommandError as e:
            if not self._name or options.get("traceback"):
                raise
            sys.stderr.write(f"luoshi {self._name}: {e}\n")
            sys.exit(e.returncode)

    def _execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except PlanNotFound as e:
            raise CommandError(str(e)) from None
        except (OperationalError, ProgrammingError) as e:
            raise CommandError(f"数据库不可用或尚未建立（{str(e).splitlines()[0]}）："
                               "请先运行 luoshi migrate，或 luoshi demo 建立演示") from None
