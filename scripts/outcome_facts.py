"""Write luoshi/demo/jinhua-2024-outcomes-2025.json: what luoshi reads in the 2025 report's review
about the 2024 plan, for the demo to use where ../shared/corpus is absent (make facts).

    DATABASE_URL=sqlite:////tmp/facts.sqlite3 .venv/bin/python scripts/outcome_facts.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from luoshi.demo.build import CORPUS, FACTS, OUTCOMES_FROM_NEXT, REGION, SLUG, YEAR, outcome_facts  # noqa: E402
from luoshi.plans.importing import import_document  # noqa: E402

call_command("migrate", verbosity=0)
plan = import_document(json.loads(FACTS.read_text(encoding="utf-8")), region=REGION, year=YEAR, slug=SLUG).plan
facts = outcome_facts(plan, CORPUS / "jinhua-2025.txt")
OUTCOMES_FROM_NEXT.write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {len(facts['proposals'])} proposals to {OUTCOMES_FROM_NEXT.relative_to(ROOT)}")
