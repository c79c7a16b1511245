"""The ``luoshi`` command: every job is a Django management command (see docs/commands.md).

Commands that read and print files only (``extract``, ``assess --input``) run without setting
Django up: no database, no system checks, no web stack imported, so they start about as fast as
Python itself.
"""

from __future__ import annotations

import os
import sys


def _pure(argv: list[str]) -> bool:
    """Whether the command line asks for a command that needs neither Django nor a database."""
    if not argv:
        return False
    return argv[0] == "extract" or (argv[0] == "assess" and any(a == "--input" or a.startswith("--input=")
                                                                 for a in argv[1:]))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    # What luoshi writes (database, backups, exports, the secret key) is its owner's only.
    os.umask(0o077)
    argv = sys.argv[1:]
    try:
        if _pure(argv) and not {"-h", "--help"} & set(argv):
            from importlib import import_module

            import_module(f"luoshi.management.commands.{argv[0]}").Command().run_from_argv(["luoshi", *argv])
            return
        from django.core.management import execute_from_command_line

        execute_from_command_line(["luoshi", *argv])
    except BrokenPipeError:  # the reader went away (luoshi … | head): not an error
        sys.stderr.close()


if __name__ == "__main__":
    main()
