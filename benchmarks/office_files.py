"""The office's files as LibreOffice prints them: pages, paper, and the share of cell texts found whole.

    .venv/bin/python benchmarks/office_files.py            # the demo's files, made now
    .venv/bin/python benchmarks/office_files.py FOLDER     # files already made (e.g. by an older version)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reports.office import cell_texts, facts, found, text_of, to_pdf


def demo_files(folder: Path) -> list[Path]:
    import io
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from tests.reports.office import office_files

    call_command("migrate", verbosity=0)
    call_command("demo", "--seed", str(folder / "absent.txt"), stdout=io.StringIO())
    from luoshi.plans.models import Plan

    return list(office_files(Plan.objects.get(slug="jinhua-2024"), folder).values())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp)
        files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".xlsx")) if len(sys.argv) > 1 \
            else demo_files(folder)
        started = time.perf_counter()
        pdfs = to_pdf(files, Path(tmp) / "pdf")
        print(f"LibreOffice converted {len(files)} files in {time.perf_counter() - started:.1f} s")
        print(f"{'file':44} {'pages':>5}  {'paper':18} {'cells found whole':>18}")
        for path, pdf in pdfs.items():
            f = facts(pdf)
            texts = cell_texts(path)
            hits, missing = found(texts, text_of(pdf))
            share = 100 * hits / max(len(texts), 1)
            print(f"{path.name:44} {f.pages:>5}  {f.size:18} {hits:>6}/{len(texts):<5} {share:5.1f}%")
            for text in missing[:3]:
                print(f"    not found: {text[:60]!r}")


if __name__ == "__main__":
    main()
