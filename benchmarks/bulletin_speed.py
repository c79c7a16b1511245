"""The June bulletin of the demo: time to make the .docx and the .pdf, and where WeasyPrint spends it.

    .venv/bin/python benchmarks/bulletin_speed.py

The machine is shared: compare runs made at the same time only.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", "--seed", str(folder / "absent.txt"), stdout=io.StringIO())
    started = time.perf_counter()
    import weasyprint

    print(f"import weasyprint (once per process): {time.perf_counter() - started:.2f} s")
    from luoshi.plans.models import Plan
    from luoshi.reports import bulletin_files as layout
    from luoshi.reports.issuing import draft

    plan = Plan.objects.get(slug="jinhua-2024")
    layout.as_pdf(draft(plan, "2024-06"))  # warm: fonts found, templates compiled
    for _ in range(2):
        t0 = time.perf_counter()
        made = draft(plan, "2024-06")
        t1 = time.perf_counter()
        layout.as_docx(made)
        t2 = time.perf_counter()
        layout.as_pdf(made)
        t3 = time.perf_counter()
        print(f"rows {t1 - t0:.2f} s  docx {t2 - t1:.2f} s  pdf {t3 - t2:.2f} s")
    document = None
    t0 = time.perf_counter()
    from django.template.loader import render_to_string  # noqa: F401  (as_pdf's first step)

    captured = {}
    real = weasyprint.HTML

    class Keep:
        def __init__(self, string: str) -> None:
            captured["html"] = string

        def write_pdf(self) -> bytes:
            return b""

    weasyprint.HTML = Keep  # type: ignore[misc]
    layout.as_pdf(made)
    weasyprint.HTML = real  # type: ignore[misc]
    t1 = time.perf_counter()
    document = weasyprint.HTML(string=captured["html"]).render()
    t2 = time.perf_counter()
    document.write_pdf()
    t3 = time.perf_counter()
    print(f"where the PDF's time goes: rows and HTML {t1 - t0:.2f} s, layout {t2 - t1:.2f} s, "
          f"PDF with fonts subset once {t3 - t2:.2f} s; {len(document.pages)} pages")


if __name__ == "__main__":
    main()
