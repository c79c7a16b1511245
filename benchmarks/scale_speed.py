"""How fast luoshi is at a province's scale, before and after a change, in one run.

    .venv/bin/python benchmarks/scale_speed.py [--before TREE] [--postgres] [--scale 1000,10000]
                                               [--import-targets 13100]

Plans carry their real report text: the seed report (../shared) eight times over
(55,768 characters, 1,048 targets), imported ten times as ten years of one city,
with 24 months of approved figures for every target of the newest plan and 50 lead
units. Each page is timed three ways, through Django's test client, median of several
runs: right after a figure was written ("a figure written": what was worked out before
is stale for that target), right after a write that touches every target ("all to work
out": as for a server's first request or after an import; a no-op update of the plan's
row, which the triggers count), and warm (the same request again). The baselines are
measured in the same run by the same process: the login page, a bare ``python -c
pass``, ``jieba.lcut`` of the seed, and a bare ``python -c "import luoshi.extract"``
for the command line; every figure is also printed as a ratio to its baseline, so the
table holds on a loaded machine.

``--before TREE`` runs the very same measurements against another checkout (with
its own ``.venv``), e.g. ``git archive <rev> | tar -x -C /tmp/before && make -C
/tmp/before setup``: before and after in one run. ``--postgres`` adds a throwaway
PostgreSQL cluster on $PGPORT_TEST (scripts/throwaway-postgres.sh). ``--scale``
times a cold whole-plan assessment of synthetic plans (the same text, 24 months,
500 units) and its peak Python memory, per target. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
SEED = HERE.parent / "shared" / "seeds" / "jinhua-2024-work-report.txt"
COPIES = 8  # the seed 8 times over: 1,048 targets, 55,768 characters
PLANS = 10
ON = "2024-06-30"


def timed(job: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``job`` in milliseconds."""
    return timed_cpu(job, repeat)[0]


def timed_cpu(job: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process for ``job``, in milliseconds.

    With SQLite the database works in this process, so the CPU time is the whole cost and the
    steadier figure on a shared machine; with PostgreSQL the server's share is not in it.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        job()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def process_ms(argv: list[str], cwd: Path, repeat: int = 5) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a whole process, in milliseconds.

    On a machine shared with others the CPU time is the steadier of the two.
    """
    env = {**os.environ, "PYTHONPATH": str(cwd), "DATABASE_URL": f"sqlite:///{tempfile.gettempdir()}/luoshi-cli.sqlite3"}
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


# ---------------------------------------------------------------- the worker: one tree, one database


def worker(args: argparse.Namespace) -> dict[str, Any]:
    os.environ.update({"DATABASE_URL": args.database, "DJANGO_SETTINGS_MODULE": "luoshi.settings",
                       "LUOSHI_DEBUG": "false", "LUOSHI_ALLOWED_HOSTS": "testserver", "LUOSHI_SSL_REDIRECT": "false",
                       "LUOSHI_SECRET_KEY": "bench-k3F!q9Zr#v2Lm8Wp@x5Ty7Bn&c4Hd6Js0Ga1Ue^Ri3Oo%Kl8Mz"})
    import django

    django.setup()
    importlib.import_module("luoshi.wsgi")  # the server process's own set-up, garbage collection included
    import random
    import tracemalloc
    from datetime import date

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from luoshi.accounts.models import Role
    from luoshi.accounts.tokens import make_token
    from luoshi.accounts.users import add_user
    from luoshi.plans.importing import import_document
    from luoshi.plans.models import Plan
    from luoshi.progress.assessing import assess_plan
    from luoshi.progress.models import Observation
    from luoshi.units.models import Assignment, Unit

    setup_test_environment()
    call_command("migrate", verbosity=0)
    out: dict[str, Any] = {}
    text = SEED.read_text(encoding="utf-8") * COPIES
    doc = json.loads(Path(args.doc).read_text(encoding="utf-8"))
    storing = []
    for year in range(2024 - PLANS + 1, 2025):
        start = time.perf_counter()
        plan = import_document({**doc, "sha256": f"{year:064d}"}, text=text, source_name="seed.txt",
                               region="金华市", year=year, slug=f"jinhua-{year}").plan
        storing.append(time.perf_counter() - start)
    out["import 1,048 targets (storing)"] = statistics.median(storing) * 1000
    units = Unit.objects.bulk_create(Unit(name=f"单位{i:03d}", keywords=[]) for i in range(50))
    targets = list(plan.targets.order_by("id"))
    Assignment.objects.bulk_create(Assignment(unit=units[i % len(units)], target=t, role="lead")
                                   for i, t in enumerate(targets))
    rng = random.Random(1)
    Observation.objects.bulk_create(
        (Observation(target=t, period=f"{y}-{m:02d}", value=rng.uniform(1, 1000), reference=rng.uniform(4, 8))
         for t in targets for y in (2023, 2024) for m in range(1, 13)), batch_size=2000)
    office = add_user("bench-office", "correct-horse-battery", Role.OFFICE)
    settle()
    client, anonymous = Client(), Client()
    client.force_login(office)
    token = make_token(office)
    first = targets[0]
    unit = units[0]

    def write() -> None:  # a figure reported: what was worked out for its target is stale now
        Observation.objects.create(target=first, period="2023-01", value=rng.uniform(1, 1000))

    def write_all() -> None:  # a write every target depends on: everything is to be worked out again
        Plan.objects.filter(pk=plan.pk).update(is_current=True)

    pages = {
        "dashboard": f"/plans/{plan.slug}/?on={ON}",
        "target": f"/plans/{plan.slug}/targets/{first.code}/?on={ON}",
        "unit": f"/plans/{plan.slug}/units/{unit.pk}/?on={ON}",
        "document": f"/plans/{plan.slug}/document/?on={ON}",
        "evaluation": f"/plans/{plan.slug}/evaluation/",
        f"compare {PLANS} plans": "/compare/",
        "API assessments": f"/api/plans/{plan.slug}/assessments?on={ON}",
    }
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for url in pages.values():
        assert client.get(url, **headers).status_code == 200, url
    out["login page (baseline)"], out["login page (CPU) (baseline)"] = timed_cpu(
        lambda: anonymous.get("/login/"), args.repeat * 2)
    writes = {"a figure written": (write, timed_cpu(write, args.repeat)),  # each write is timed apart and taken off
              "all to work out": (write_all, timed_cpu(write_all, args.repeat))}
    for name, url in pages.items():
        for how, (written, writing) in writes.items():
            def cold(url: str = url, written: Callable[[], None] = written) -> None:
                written()
                client.get(url, **headers)
            wall, cpu = timed_cpu(cold, args.repeat)
            out[f"{name}: {how}"], out[f"{name}: {how} (CPU)"] = max(0.0, wall - writing[0]), max(0.0, cpu - writing[1])
        out[f"{name}: warm"], out[f"{name}: warm (CPU)"] = timed_cpu(
            lambda url=url: client.get(url, **headers), args.repeat * 2)
    on = date.fromisoformat(ON)

    for how, (written, writing) in writes.items():
        def whole(written: Callable[[], None] = written) -> None:
            written()
            assess_plan(plan, on)
        wall, cpu = timed_cpu(whole, args.repeat)
        out[f"assess whole plan: {how}"], out[f"assess whole plan: {how} (CPU)"] = wall - writing[0], cpu - writing[1]
    write_all()
    tracemalloc.start()
    assess_plan(plan, on)
    out["assess whole plan: peak MB"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    if args.big_doc:
        big = json.loads(Path(args.big_doc).read_text(encoding="utf-8"))
        big_text = SEED.read_text(encoding="utf-8") * args.big_copies
        start, cpu = time.perf_counter(), time.process_time()
        huge = import_document(big, text=big_text, source_name="big.txt", region="大市", year=2024,
                               slug="big-2024").plan
        wall, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        count = huge.targets.count()
        out[f"import {count:,} targets (storing)"], out[f"import {count:,} targets (storing, CPU)"] = wall, cpu
        import inspect

        from luoshi.plans import views

        marks = [views.Mark(*row) for row in huge.targets.values_list("pk", "code", "quote", "span_start", "span_end")]
        status_of = dict.fromkeys((m.pk for m in marks), "on_track")
        cut = ((lambda: views._segments(big_text, marks)) if len(inspect.signature(views._segments).parameters) == 2
               else (lambda: views._segments(big_text, marks, status_of)))
        out[f"document segments, {count:,} targets"], out[f"document segments, {count:,} targets (CPU)"] = timed_cpu(
            cut, args.repeat)
    for n in args.scale:
        out.update(scaled(n, text, args.repeat))
    return out


def settle() -> None:
    """The planner's statistics of the world just made, as a running database has them: without this,
    PostgreSQL's autovacuum analyses the new tables while the first pages are timed."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def scaled(n: int, text: str, repeat: int) -> dict[str, float]:
    """A whole-plan assessment of ``n`` synthetic targets × 24 months × 500 units with everything to work
    out (after a write to the plan's row), and its peak memory."""
    import random
    import tracemalloc
    from datetime import date

    from luoshi.plans.models import Plan, Section, Target, Task
    from luoshi.progress.assessing import assess_plan
    from luoshi.progress.models import Observation
    from luoshi.units.models import Assignment, Unit

    kinds = [("level", "=", 1000.0, "亿元"), ("growth", ">=", 8.0, "%"), ("level", "<=", 5.0, "%"),
             ("change", ">=", 2.0, "百分点"), ("relation", "", None, ""), ("milestone", "", None, "")]
    rng = random.Random(n)
    plan = Plan.objects.create(slug=f"scale-{n}", region="基准市", year=2024, sha256=f"{n:064d}", text=text)
    units = Unit.objects.bulk_create(Unit(name=f"{n}-单位{i:03d}", keywords=[]) for i in range(500))
    sections = Section.objects.bulk_create(Section(plan=plan, ordinal=i, title=f"方面{i}") for i in range(11))
    tasks = Task.objects.bulk_create(Task(section=s, ordinal=j, heading=f"任务{s.ordinal}.{j}")
                                     for s in sections for j in range(1, 40))
    targets = Target.objects.bulk_create(
        (Target(plan=plan, section=(task := tasks[i % len(tasks)]).section, task=task, code=f"t{i}",
                indicator_text=f"指标{i}", kind=(k := kinds[i % len(kinds)])[0], comparator=k[1], value=k[2],
                unit=k[3], condition="与经济增长同步" if k[0] == "relation" else "") for i in range(n)),
        batch_size=2000)
    Assignment.objects.bulk_create((Assignment(unit=units[i % 500], target=t, role="lead")
                                    for i, t in enumerate(targets)), batch_size=2000)
    Observation.objects.bulk_create(
        (Observation(target=t, period=f"{y}-{m:02d}", value=rng.uniform(0, 1000), reference=rng.uniform(4, 8))
         for t in targets for y in (2023, 2024) for m in range(1, 13)), batch_size=5000)
    on = date(2024, 6, 30)
    settle()

    def write_all() -> None:
        Plan.objects.filter(pk=plan.pk).update(is_current=True)

    def whole() -> None:
        write_all()
        assess_plan(plan, on)

    ms, cpu = timed_cpu(whole, max(2, repeat // 2))
    write_all()
    tracemalloc.start()
    assess_plan(plan, on)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return {f"assess {n:,} targets: cold ms": ms, f"assess {n:,} targets: cold ms (CPU)": cpu,
            f"assess {n:,} targets: µs per target": ms * 1000 / n,
            f"assess {n:,} targets: µs per target (CPU)": cpu * 1000 / n,
            f"assess {n:,} targets: peak MB": peak}


# ---------------------------------------------------------------- the parent: baselines, trees, table


def postgres() -> tuple[str, str]:
    found = subprocess.run([str(HERE / "scripts" / "throwaway-postgres.sh")], check=True, capture_output=True,
                           text=True, env={**os.environ, "PGPORT_TEST": os.environ.get("PGPORT_TEST", "54338")})
    values = dict(line.split("=", 1) for line in found.stdout.split())
    return values["PGDIR"], values["DATABASE_URL"]


def fresh_database(url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="another checkout (with its .venv) to measure in the same run")
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL ($PGPORT_TEST)")
    parser.add_argument("--scale", default="", help="synthetic plan sizes to assess, e.g. 1000,10000,50000")
    parser.add_argument("--import-targets", type=int, default=0, help="also time storing a plan this large")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-cli", dest="cli", action="store_false", help="leave out the command line's start-up")
    parser.add_argument("--no-pages", dest="pages", action="store_false", help="only the command line")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--doc", help=argparse.SUPPRESS)
    parser.add_argument("--big-doc", help=argparse.SUPPRESS)
    parser.add_argument("--big-copies", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.scale = [int(n) for n in args.scale.split(",") if n] if isinstance(args.scale, str) else args.scale
    if args.worker:
        print(json.dumps(worker(args)))
        return

    sys.path.insert(0, str(HERE))
    from luoshi.extract import extract_plan
    from luoshi.extract.render import document

    seed = SEED.read_text(encoding="utf-8")
    cache = Path(tempfile.gettempdir()) / "luoshi-bench"
    cache.mkdir(exist_ok=True)
    doc_path = cache / f"seed-x{COPIES}.json"
    if not doc_path.exists():
        doc_path.write_text(json.dumps(document(extract_plan(seed * COPIES)), ensure_ascii=False), encoding="utf-8")
    big_path, copies = None, 0
    if args.import_targets:
        copies = max(1, args.import_targets * COPIES // len(json.loads(doc_path.read_text())["targets"]))
        big_path = cache / f"seed-x{copies}.json"
        if not big_path.exists():
            big_path.write_text(json.dumps(document(extract_plan(seed * copies)), ensure_ascii=False), encoding="utf-8")

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    rows: dict[str, dict[str, float]] = {}
    trees = {"before": args.before.resolve(), "after": HERE} if args.before else {"now": HERE}
    wall, cpu = process_ms([sys.executable, "-c", "pass"], HERE, max(3, args.repeat))
    base = {"python -c pass (baseline)": wall, "python -c pass (baseline, CPU)": cpu,
            "jieba.lcut(seed) (baseline)": timed(lambda: jieba.lcut(seed), 10)}
    commands = {"import luoshi.extract (baseline)": ["-c", "import luoshi.extract"],
                "luoshi extract seed": ["-m", "luoshi.cli", "extract", str(SEED)],
                "luoshi assess --input case": ["-m", "luoshi.cli", "assess", "--input",
                                               str(HERE / "docs" / "examples" / "case.json")]}
    for name, tree in trees.items() if args.cli else ():
        python = str(tree / ".venv" / "bin" / "python")
        column = rows.setdefault(name, {})
        for key, argv in commands.items():
            wall, cpu = process_ms([python, *argv], tree, max(3, args.repeat))
            column[key] = wall
            column[key.replace(" (baseline)", "") + " (CPU)" + (" (baseline)" if "baseline" in key else "")] = cpu
    databases = {"SQLite": None}
    pg = None
    if args.postgres:
        pg = postgres()
        databases["PostgreSQL"] = pg[1]
    try:
        for db, url in databases.items() if args.pages else ():
            for name, tree in trees.items():
                folder = tempfile.mkdtemp(prefix="luoshi-scale-")
                database = fresh_database(url, f"bench_{name}") if url else f"sqlite:///{folder}/bench.sqlite3"
                argv = [str(tree / ".venv" / "bin" / "python"), str(Path(__file__).resolve()), "--worker",
                        "--database", database, "--doc", str(doc_path), "--repeat", str(args.repeat),
                        "--scale", ",".join(map(str, args.scale))]
                if big_path:
                    argv += ["--big-doc", str(big_path), "--big-copies", str(copies)]
                print(f"… {name} on {db}", file=sys.stderr, flush=True)
                done = subprocess.run(argv, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree),
                                           "LUOSHI_MAX_TARGETS": str(max(5_000, 2 * args.import_targets))},
                                      capture_output=True, text=True)
                if done.returncode:
                    print(done.stderr, file=sys.stderr)
                    continue
                figures = json.loads(done.stdout.strip().splitlines()[-1])
                rows.setdefault(name, {}).update({f"{db}: {k}": v for k, v in figures.items()})
    finally:
        if pg:
            subprocess.run([str(HERE / "scripts" / "throwaway-postgres.sh"), "stop", pg[0]], check=False)
    report(base, rows, trees)


def report(base: dict[str, float], rows: dict[str, dict[str, float]], trees: dict[str, Path]) -> None:
    print(f"luoshi at scale: {PLANS} plans × 1,048 targets with their text, 24 months, 50 units; "
          f"median wall times in ms, with the ratio to the baseline measured in the same run")
    for name, value in base.items():
        print(f"  {name:<52} {value:9.1f}")
    names = list(trees)
    print(f"  {'':<52} " + "".join(f"{n:>22}" for n in names) + ("   after/before" if len(names) == 2 else ""))
    keys = list(dict.fromkeys(k for column in rows.values() for k in column))
    for key in keys:
        cells = []
        values = []
        for n in names:
            value = rows.get(n, {}).get(key)
            values.append(value)
            cells.append(f"{'—':>22}" if value is None else f"{value:9.1f} {_ratio(key, value, rows[n]):>12}")
        change = f"   {values[1] / values[0]:.2f}×" if len(values) == 2 and None not in values and values[0] else ""
        print(f"  {key:<52} " + "".join(cells) + change)


def _ratio(key: str, value: float, column: dict[str, float]) -> str:
    """The figure against its baseline in the same process: pages against the login page."""
    if "MB" in key or "µs" in key or "baseline" in key:
        return ""
    if key.startswith("luoshi ") and "(CPU)" in key:
        return f"({value / column['import luoshi.extract (CPU) (baseline)']:.1f}× imp)"
    if key.startswith("luoshi "):
        return f"({value / column['import luoshi.extract (baseline)']:.1f}× imp)"
    db = key.split(":", 1)[0]
    login = column.get(f"{db}: login page (CPU) (baseline)" if "(CPU)" in key else f"{db}: login page (baseline)")
    return f"({value / login:.1f}× login)" if login else ""


if __name__ == "__main__":
    main()
