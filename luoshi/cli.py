"""The ``luoshi`` command: every job is a Django management command (see docs/commands.md)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    # What luoshi writes (database, backups, exports, the secret key) is its owner's only.
    os.umask(0o077)
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["luoshi", *sys.argv[1:]])
    except BrokenPipeError:  # the reader went away (luoshi … | head): not an error
        sys.stderr.close()


if __name__ == "__main__":
    main()
