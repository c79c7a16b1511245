"""`luoshi serve` started as in production, in a process of its own, over a database of its own."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def server_database(folder: Path) -> Iterator[str]:
    """A fresh database of the kind the tests run on: a SQLite file in ``folder``, or a new PostgreSQL
    database next to the tests' own (dropped afterwards)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{folder}/luoshi.sqlite3"
        return
    import psycopg

    name = f"luoshi_served_{os.getpid()}_{folder.name.replace('-', '_')}"[:63]
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(folder: Path, database: str, **more: str) -> dict[str, str]:
    """The environment of a fresh production install: no LUOSHI_ setting but what ``more`` gives."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_"))}
    return {**env, "DATABASE_URL": database, "LUOSHI_SECRET_KEY_FILE": str(folder / "secret.key"), **more}


def luoshi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def production_server(env: dict[str, str], *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``luoshi serve`` on a free loopback port: its address and its process (output: access log and all)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "luoshi.cli", "serve", f"127.0.0.1:{port}", *options],
                              env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        while True:  # until it listens: it migrates and collects the static files first
            if server.poll() is not None:
                raise AssertionError(f"luoshi serve stopped: {server.stdout.read() if server.stdout else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    server.wait(timeout=0.2)
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=30)
