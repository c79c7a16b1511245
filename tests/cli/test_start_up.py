"""Commands that only read a file and print start without the web stack: no Django set up, no database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from luoshi import cli
sys.argv = ["luoshi", *sys.argv[1:]]
cli.main()
from django.apps import apps
loaded = [m for m in ("django.db.models", "luoshi.plans.models", "openpyxl", "docx", "typst", "ninja")
          if m in sys.modules]
sys.stderr.write(f"set up: {apps.ready}; loaded: {loaded}")
"""


@pytest.mark.parametrize("args", [["extract", "{seed}"], ["assess", "--input", "docs/examples/case.json"]])
def test_it_runs_a_pure_command_without_django_or_a_database(args: list[str], seed_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nowhere"}  # unreachable: never asked
    result = subprocess.run([sys.executable, "-c", PROBE, *[a.format(seed=seed_path) for a in args]],
                            capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()  # the outline, the assessments
    assert result.stderr.endswith("set up: False; loaded: []")
