"""How long assessing a whole plan takes, and how it grows with the number of targets.

    .venv/bin/python benchmarks/assess_speed.py

Builds, in a temporary SQLite database, a plan of 1,000 targets with 24 months of
figures each (2023-01 to 2024-12) and 50 lead units, then times assess_plan at
100, 250, 500 and 1,000 targets. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
folder = tempfile.mkdtemp(prefix="luoshi-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
# Measure as deployed: no debug bookkeeping (query logging, template debug info).
os.environ.update({"LUOSHI_DEBUG": "false", "LUOSHI_SECRET_KEY": "bench-" + "k3F!q9Zr#v2Lm8Wp@x5Ty7Bn&c4Hd6Js0Ga",
                   "LUOSHI_ALLOWED_HOSTS": "testserver", "LUOSHI_SSL_REDIRECT": "false"})

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from luoshi.plans.models import Plan, Section, Target, Task  # noqa: E402
from luoshi.progress.assessing import assess_plan  # noqa: E402
from luoshi.progress.models import Observation  # noqa: E402
from luoshi.units.models import Assignment, Unit  # noqa: E402

KINDS = [("level", "=", 1000.0, "亿元"), ("growth", ">=", 8.0, "%"), ("level", "<=", 5.0, "%"),
         ("change", ">=", 2.0, "百分点"), ("relation", "", None, ""), ("milestone", "", None, "")]


def build(n_targets: int) -> Plan:
    rng = random.Random(1)
    plan = Plan.objects.create(slug=f"bench-{n_targets}", region="基准市", year=2024, sha256="0" * 64)
    units = Unit.objects.bulk_create(Unit(name=f"{n_targets}-单位{i:02d}", keywords=[]) for i in range(50))
    sections = Section.objects.bulk_create(Section(plan=plan, ordinal=i, title=f"方面{i}") for i in range(11))
    tasks = Task.objects.bulk_create(Task(section=s, ordinal=j, heading=f"任务{s.ordinal}.{j}")
                                     for s in sections for j in range(1, 5))
    targets = Target.objects.bulk_create(
        Target(plan=plan, section=(task := tasks[i % len(tasks)]).section, task=task, code=f"t{i}",
               indicator_text=f"指标{i}", kind=(k := KINDS[i % len(KINDS)])[0], comparator=k[1],
               value=k[2], unit=k[3], condition="与经济增长同步" if k[0] == "relation" else "")
        for i in range(n_targets))
    Assignment.objects.bulk_create(Assignment(unit=units[i % 50], target=t, role="lead")
                                   for i, t in enumerate(targets))
    Observation.objects.bulk_create(
        Observation(target=t, period=f"{year}-{month:02d}", value=rng.uniform(0, 1000),
                    reference=rng.uniform(4, 8))
        for t in targets for year in (2023, 2024) for month in range(1, 13))
    return plan


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"SQLite in {folder}")
    baseline = None
    for n in (100, 250, 500, 1000):
        start = time.perf_counter()
        plan = build(n)
        built = time.perf_counter() - start
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            rows = assess_plan(plan, date(2024, 6, 30))
            runs.append(time.perf_counter() - start)
        best, median = min(runs), statistics.median(runs)
        per_target = best / n * 1e6
        baseline = baseline or per_target
        print(f"{n:>5} targets × 24 months × 50 units: built in {built:5.2f} s; assess all "
              f"best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms; "
              f"{per_target:6.1f} µs per target ({per_target / baseline:.2f}× the 100-target rate); "
              f"{len(rows)} assessed")


if __name__ == "__main__":
    main()
