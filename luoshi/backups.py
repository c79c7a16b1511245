"""Consistent snapshots of the whole database and their restoration: SQLite or PostgreSQL.

SQLite is copied with its own online backup API (a consistent copy while the
site runs); PostgreSQL with pg_dump's custom format and pg_restore.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from django.db import DatabaseError, connection

from luoshi.private import make_private
from luoshi.progress import assessing


class BackupProblem(Exception):
    """The backup or restore could not be made; the message says why."""


def backup(path: Path | None = None) -> Path:
    """Write a snapshot of the database to ``path`` (default: a dated file here) and return it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if connection.vendor == "sqlite":
        path = path or Path(f"luoshi-backup-{stamp}.sqlite3")
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        make_private(path)
        return path
    if connection.vendor == "postgresql":
        path = path or Path(f"luoshi-backup-{stamp}.dump")
        _run("pg_dump", "--format=custom", "--no-owner", f"--file={path}", _database())
        make_private(path)
        return path
    raise BackupProblem(f"不支持 {connection.vendor} 数据库的备份")


def restore(path: Path) -> None:
    """Replace everything in the database with the snapshot at ``path``; running servers see it as a
    newer state of the data than any they have worked from."""
    if not path.is_file():
        raise BackupProblem(f"{path}: 找不到这个备份文件")
    before = _data_version()
    _replace(path)
    with contextlib.suppress(DatabaseError):  # a snapshot from before the data version (migrate adds it)
        assessing.move_past(before)


def _data_version() -> int:
    try:
        return assessing.data_version()
    except DatabaseError:  # an empty database, restored into for the first time
        return 0


def _replace(path: Path) -> None:
    if connection.vendor == "sqlite":
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            source.execute("select count(*) from django_migrations").fetchone()
        except sqlite3.DatabaseError:
            raise BackupProblem(f"{path}: 不是 luoshi 的 SQLite 备份") from None
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    if connection.vendor == "postgresql":
        connection.close()
        _run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
             f"--dbname={_database()}", str(path))
        return
    raise BackupProblem(f"不支持 {connection.vendor} 数据库的恢复")


def _database() -> str:
    s = connection.settings_dict
    user = s.get("USER") or ""
    host = s.get("HOST") or ""
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgresql://{user}@{host}{port}/{s['NAME']}"


def _run(tool: str, *args: str) -> None:
    if shutil.which(tool) is None:
        raise BackupProblem(f"找不到 {tool}：请安装 PostgreSQL 客户端（Debian: postgresql-client）")
    env = {**os.environ}
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(connection.settings_dict["PASSWORD"])
    result = subprocess.run([tool, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        said = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit {result.returncode}"
        raise BackupProblem(f"{tool} 失败：{said}")
