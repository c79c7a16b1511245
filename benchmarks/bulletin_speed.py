"""The June bulletin of the demo: time to make the .pdf and the .docx, made anew each time.

    .venv/bin/python benchmarks/bulletin_speed.py [--rounds 5]

"first pdf of the process" is the cold figure (fonts found and loaded, nothing laid out before); the
rounds then make it under a new number each time. The machine is shared: each figure is the best of
the rounds (the median beside it), with its ratio to a reference measured between them in the same
run (a fixed pure-Python loop): compare ratios between runs made at different times, not seconds.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def seconds(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def reference() -> int:
    return sum(i * i % 7 for i in range(2_000_000))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    folder = Path(tempfile.mkdtemp())
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", "--seed", str(folder / "absent.txt"), stdout=io.StringIO())
    from luoshi.plans.models import Plan
    from luoshi.reports import bulletin_files as layout
    from luoshi.reports.issuing import draft

    plan = Plan.objects.get(slug="jinhua-2024")
    made = draft(plan, "2024-06")

    numbers = iter(range(1, 1000))

    def pdf() -> bytes:
        """The bulletin under a new number each time, as when it is issued after its draft was seen: Typst
        may reuse its layout of what did not change (the tables), as it would in a server."""
        getattr(layout, "_MADE", {}).clear()  # an older version kept the last PDFs made: made anew here
        numbered = replace(made.letterhead, reference=f"金政督〔2024〕{next(numbers)}号")
        return layout.as_pdf(replace(made, letterhead=numbered))

    first = seconds(pdf)  # the process's first: fonts found and loaded, nothing laid out before
    times: dict[str, list[float]] = {"reference": [], "pdf": [], "docx": []}
    for _ in range(rounds):
        times["reference"].append(seconds(reference))
        times["pdf"].append(seconds(pdf))
        times["docx"].append(seconds(lambda: layout.as_docx(made)))
    best = {name: min(values) for name, values in times.items()}
    print(f"first pdf of the process {first:5.2f} s")
    for name, values in times.items():
        print(f"{name:9} best {best[name]:5.2f} s  median {statistics.median(values):5.2f} s  "
              f"({best[name] / best['reference']:.2f}× the reference)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf())
        f.flush()
        import subprocess

        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=False).stdout
    print(next((line for line in info.splitlines() if line.startswith("Pages:")), "pdfinfo: not installed"))


if __name__ == "__main__":
    main()
