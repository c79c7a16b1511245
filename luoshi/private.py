"""The database, its backups and the secret key hold password hashes and live sessions:
they are readable and writable by their owner only (0600), whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.db.backends.signals import connection_created
from django.dispatch import receiver


def make_private(path: Path) -> None:
    os.chmod(path, 0o600)


@receiver(connection_created)
def _private_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite creates its -wal and -shm files with the database's own mode, so one chmod covers them."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict["NAME"])
    if name and name != ":memory:" and "mode=memory" not in name and Path(name).is_file():
        make_private(Path(name))
