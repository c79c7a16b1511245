"""Site-wide rules: the cores stay free of Django, every command and setting is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORES = ["luoshi.extract", "luoshi.extract.render", "luoshi.tracking", "luoshi.tracking.cases",
         "luoshi.tracking.render", "luoshi.tracking.due"]


def test_it_keeps_the_cores_free_of_django() -> None:
    code = ("import sys; sys.modules['django'] = None\n"
            + "".join(f"import {core}\n" for core in CORES))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_it_documents_every_command() -> None:
    commands = sorted(p.stem for p in (ROOT / "luoshi/management/commands").glob("[!_]*.py"))
    documented = re.findall(r"^## luoshi (\S+)", (ROOT / "docs/commands.md").read_text(), re.M)
    assert commands and commands == sorted(documented)


def test_it_documents_every_setting_read_from_the_environment() -> None:
    source = (ROOT / "luoshi/settings.py").read_text()
    read = set(re.findall(r"""(?:environ\.get|env_bool|env_int|env=)\(?["']([A-Z_0-9]+)["']""", source))
    documented = set(re.findall(r"^\| `([A-Z_]+)`", (ROOT / "docs/settings.md").read_text(), re.M))
    assert read and read == documented


def test_it_has_no_model_change_without_a_migration(db: None) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_it_runs_on_the_database_it_is_given(db: None) -> None:
    import os

    from django.db import connection

    wanted = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted
