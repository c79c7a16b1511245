"""What every luoshi command shares: a failure is one line that says what and where."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class LuoshiCommand(BaseCommand):
    """A command whose errors, run from the shell, read ``luoshi NAME: what went wrong``.

    Django would print ``CommandError: …``; from ``call_command`` (tests) the
    CommandError is raised as usual.
    """

    _name = ""

    def run_from_argv(self, argv: list[str]) -> None:
        self._name = argv[1]
        super().run_from_argv(argv)

    def execute(self, *args: Any, **options: Any) -> Any:
        if not self._name or options.get("traceback"):
            return super().execute(*args, **options)
        try:
            return super().execute(*args, **options)
        except CommandError as e:
            sys.stderr.write(f"luoshi {self._name}: {e}\n")
            sys.exit(e.returncode)
