"""The pages' cached assessments: never stale after a write of any kind, worked out once, bounded."""

from __future__ import annotations

import importlib
import random
import threading
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from luoshi.deadlines import items
from luoshi.deadlines.models import ReportingRule
from luoshi.outcomes.models import Outcome, Source
from luoshi.plans.models import Indicator, Plan, Target
from luoshi.progress import assessing
from luoshi.progress.models import Change, Observation
from luoshi.reports import tables
from luoshi.tracking.rules import DEFAULT_RULES
from luoshi.units.models import Assignment, Unit
from tests.world import client_for

# Committed transactions, as in a running server: inside a transaction nothing is cached at all.
pytestmark = pytest.mark.django_db(transaction=True)


def figure_shown(client, plan: Plan, code: str) -> str:  # type: ignore[no-untyped-def]
    page = client.get(reverse("target", args=[plan.slug, code]) + "?on=2024-06-30").content.decode()
    return page


@pytest.mark.parametrize("how", ["save", "update", "sql"])
def test_it_shows_an_observation_edited_in_place_at_once(how: str, plan: Plan, office: User) -> None:
    """100 changed to 700 through the admin (a save), a bulk update, or SQL from another program."""
    client = client_for(office)
    figure = Observation.objects.create(target=plan.targets.get(code="1.1.1"), period="2024-05", value=100)
    dashboard = reverse("dashboard", args=[plan.slug]) + "?on=2024-06-30"
    client.get(dashboard)  # the whole plan's assessments are worked out and cached
    assert "100" in figure_shown(client, plan, "1.1.1")
    before = assessing.data_version()
    if how == "save":
        figure.value = 700
        figure.save()
    elif how == "update":
        Observation.objects.filter(pk=figure.pk).update(value=700)
    else:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE progress_observation SET value = 700 WHERE id = %s", [figure.pk])
    assert assessing.data_version() > before
    rows = assessing.assess_plan(plan, date(2024, 6, 30))
    [row] = [r for r in rows if r.target.code == "1.1.1"]
    assert row.assessment.actual == 700
    page = figure_shown(client, plan, "1.1.1")
    assert "700" in page and ">100<" not in page


def test_it_counts_a_target_changed_or_deleted_behind_the_pages_back(plan: Plan) -> None:
    on = date(2024, 6, 30)
    first = {r.target.code: r.assessment for r in assessing.assess_plan(plan, on)}
    target = plan.targets.get(code="1.1.1")
    plan.targets.filter(pk=target.pk).update(value=1)  # 800亿元 becomes 1亿元
    Observation.objects.create(target=target, period="2024-05", value=300)
    again = {r.target.code: r.assessment for r in assessing.assess_plan(plan, on)}
    assert first["1.1.1"].status.value == "no_data" and again["1.1.1"].status.value == "achieved"
    plan.targets.filter(code="1.1.2").delete()
    assert "1.1.2" not in {r.target.code for r in assessing.assess_plan(plan, on)}


def test_it_works_the_plan_out_once_for_requests_that_arrive_together() -> None:
    cache = assessing.PlanCache()
    key = (1, None, date(2024, 6, 30), None, 7)
    started, go = threading.Event(), threading.Event()
    calls = []

    def compute() -> dict[int, object]:
        calls.append(1)
        started.set()
        go.wait()
        return {1: "verdict"}

    results = []
    first = threading.Thread(target=lambda: results.append(cache.get_or_compute(key, compute)))  # type: ignore[arg-type]
    first.start()
    started.wait()  # the first request is working the plan out; seven more arrive meanwhile
    others = [threading.Thread(target=lambda: results.append(cache.get_or_compute(key, compute)))  # type: ignore[arg-type]
              for _ in range(7)]
    for t in others:
        t.start()
    go.set()
    for t in [first, *others]:
        t.join()
    assert len(calls) == 1 and len(results) == 8 and all(r is results[0] for r in results)


def test_it_forgets_older_versions_and_keeps_to_its_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cache = assessing.PlanCache()
    monkeypatch.setattr(cache, "BUDGET", 10)
    on = date(2024, 6, 30)
    cache.get_or_compute((1, None, on, None, 1), lambda: dict.fromkeys(range(4)))  # type: ignore[arg-type]
    cache.get_or_compute((1, None, on, None, 2), lambda: dict.fromkeys(range(4)))  # type: ignore[arg-type]
    assert list(cache.entries) == [(1, None, on, None, 2)]  # version 1 of plan 1 is never asked for again
    for plan in (2, 3, 4):
        cache.get_or_compute((plan, None, on, None, 2), lambda: dict.fromkeys(range(4)))  # type: ignore[arg-type]
    assert cache.size <= 10 and list(cache.entries) == [(3, None, on, None, 2), (4, None, on, None, 2)]


def test_every_watched_table_keeps_its_trigger_after_all_migrations() -> None:
    """A later migration that rebuilds a watched table (SQLite copies a table to alter it) drops its
    triggers without a word, and every page would go stale; each table must still have them."""
    tables = list(importlib.import_module("luoshi.progress.migrations.0005_change").WATCHED)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'luoshi_%'")
        else:
            cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "WHERE t.tgname LIKE 'luoshi_%'")
        watched = Counter(name for (name,) in cursor.fetchall())
    per_table = 3 if connection.vendor == "sqlite" else 1  # insert, update, delete; or one for all three
    assert {table: watched[table] for table in tables} == dict.fromkeys(tables, per_table)


# A cache of an older data version is brought up to date: only the targets written since are worked out.

ON = date(2024, 6, 30)


@pytest.fixture(autouse=True)
def _a_change_log_of_this_database_only() -> None:
    """Emptying the tables between tests fires the triggers out of order and can leave the log rows of
    versions the counter has not reached: harmless (a cache works the plan out whole), but these tests
    look at what is worked out."""
    Change.objects.all().delete()


def worked_out_whole(plan: Plan) -> tuple[object, ...]:
    """What the caches must hold: the plan's verdicts, due items and year-end rows worked out from nothing."""
    return assessing._assess(plan, ON, DEFAULT_RULES), items._work_out(plan, ON), tables._rows_by_target(plan, 2024)


def cached(plan: Plan) -> tuple[object, ...]:
    return assessing.plan_verdicts(plan, ON), items.due_items(plan, ON), tables._evaluation_rows(plan, 2024)


def a_write(plan: Plan, rng: random.Random) -> str:
    """One write of the kinds an office makes (or another program, in SQL), chosen at random."""
    targets = list(plan.targets.order_by("id"))
    target = rng.choice(targets)
    figures = list(Observation.objects.filter(target__plan=plan).order_by("id"))
    kind = rng.choice(["figure", "figure", "figure", "edit", "sql", "return", "delete figure", "target value",
                       "delete target", "lead", "unit name", "indicator", "calendar", "outcome"])
    if kind in ("edit", "sql", "return", "delete figure") and not figures:
        kind = "figure"
    if kind == "figure":
        Observation.objects.create(target=target, period=f"2024-{rng.randint(1, 6):02d}", value=rng.uniform(1, 900))
    elif kind == "edit":
        figure = rng.choice(figures)
        figure.value = rng.uniform(1, 900)
        figure.save()
    elif kind == "sql":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE progress_observation SET value = %s WHERE id = %s",
                           [rng.uniform(1, 900), rng.choice(figures).pk])
    elif kind == "return":
        Observation.objects.filter(pk=rng.choice(figures).pk).update(status="returned")
    elif kind == "delete figure":
        rng.choice(figures).delete()
    elif kind == "target value":
        plan.targets.filter(pk=target.pk).update(value=rng.uniform(1, 900))
    elif kind == "delete target" and len(targets) > 5:
        if target.outcomes.exists():
            kind = "outcome"  # deleted with the target
        target.delete()
    elif kind == "lead":
        Assignment.objects.filter(target=target, role="lead").update(unit=rng.choice(list(Unit.objects.all())))
    elif kind == "unit name":
        unit = rng.choice(list(Unit.objects.all()))
        Unit.objects.filter(pk=unit.pk).update(short_name=f"{unit.short_name}·")
    elif kind == "indicator" and target.indicator_id:
        Indicator.objects.filter(pk=target.indicator_id).update(frequency=rng.choice(["month", "quarter"]))
    elif kind == "calendar":
        ReportingRule.objects.update_or_create(plan=plan, target=target, defaults={"due_day": rng.randint(1, 20)})
    elif kind == "outcome":  # the next year's report states the year's result, and the office confirms it
        source, _ = Source.objects.get_or_create(plan=plan, sha256="0" * 64, defaults={"name": "2025.txt", "text": "…"})
        Outcome.objects.create(target=target, source=source, fit="same", kind="level", indicator_text="x",
                               value=rng.uniform(1, 900), unit=target.unit, quote=f"…{rng.random()}…",
                               span_start=0, span_end=1, status="confirmed")
    else:
        return "nothing"
    return kind


@pytest.mark.parametrize("seed", range(3))
def test_after_any_write_the_caches_hold_what_working_out_the_whole_plan_gives(  # type: ignore[no-untyped-def]
        seed: int, plan: Plan, monkeypatch) -> None:
    rng = random.Random(seed)
    for _ in range(3):
        Observation.objects.create(target=rng.choice(list(plan.targets.all())), period="2024-03", value=5)
    cached(plan)
    answers: list[set[int] | None] = []
    real = assessing.changed_since
    monkeypatch.setattr(assessing, "changed_since", lambda *a, **k: answers.append(real(*a, **k)) or answers[-1])
    for _ in range(25):
        answers.clear()
        kind = a_write(plan, rng)
        assert cached(plan) == worked_out_whole(plan), kind
        # a unit's name, the catalogue, an outcome may touch every target: the caches are worked out whole
        if kind not in ("unit name", "indicator", "outcome", "nothing"):
            assert len(answers) == 3 and all(isinstance(a, set) for a in answers), kind


def test_a_figure_written_works_out_that_target_alone(plan: Plan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cached(plan)
    target = plan.targets.get(code="1.1.1")
    worked: list[object] = []
    real_assess, real_items = assessing._assess, items._work_out
    monkeypatch.setattr(assessing, "_assess", lambda *a, **k: worked.append(("assess", a[3:])) or real_assess(*a, **k))
    monkeypatch.setattr(items, "_work_out", lambda *a, **k: worked.append(("items", k)) or real_items(*a, **k))
    Observation.objects.create(target=target, period="2024-05", value=300)
    verdicts, due, _ = cached(plan)
    assert worked[:2] == [("assess", ([target.pk],)), ("items", {"touched": {target.pk}})]
    assert verdicts[target.pk][0].actual == 300
    assert due == real_items(plan, ON)


def test_a_cache_older_than_the_change_log_reaches_is_worked_out_whole(plan: Plan) -> None:
    cached(plan)
    target = plan.targets.get(code="1.1.1")
    Observation.objects.create(target=target, period="2024-05", value=300)
    version = assessing.data_version()
    assert assessing.changed_since(version - 1, at_most=10) == {target.pk}
    with connection.cursor() as cursor:  # the triggers keep the last Change.KEEP versions
        cursor.execute("DELETE FROM progress_change WHERE version <= %s", [version])
    assert assessing.changed_since(version - 1, at_most=10) is None
    verdicts, *_ = cached(plan)
    assert cached(plan) == worked_out_whole(plan) and verdicts[target.pk][0].actual == 300


def test_the_triggers_keep_only_the_last_versions_in_the_change_log(plan: Plan) -> None:
    target = plan.targets.get(code="1.1.1")
    with connection.cursor() as cursor:  # as if a hundred thousand writes had been made already
        cursor.execute("UPDATE progress_dataversion SET n = n + %s WHERE id = 1", [Change.KEEP])
    Observation.objects.create(target=target, period="2024-05", value=300)
    newest = assessing.data_version()
    assert Change.objects.filter(version__lte=newest - Change.KEEP).count() == 0
    assert list(Change.objects.filter(version=newest).values_list("target_id", flat=True)) == [target.pk]


def test_a_bulk_write_is_noted_as_everything_changed_without_a_row_per_figure(plan: Plan) -> None:
    """An upload of 1,500 figures in one transaction: PostgreSQL notes at most ROWS targets of it and then
    that everything changed; SQLite notes each row under its own version (the log keeps Change.KEEP)."""
    cached(plan)
    before = assessing.data_version()
    targets = list(plan.targets.all())
    Observation.objects.bulk_create(Observation(target=targets[i % len(targets)], period="2024-04", value=i)
                                    for i in range(1500))
    if connection.vendor == "postgresql":
        rows = importlib.import_module("luoshi.progress.migrations.0006_change_rows").ROWS
        noted = list(Change.objects.filter(version__gt=before).values_list("target_id", flat=True))
        assert len(noted) == rows + 1 and None in noted
        assert assessing.changed_since(before, at_most=100) is None
    else:
        assert assessing.changed_since(before, at_most=100) == {t.pk for t in targets}
    assert cached(plan) == worked_out_whole(plan)


def test_a_target_whose_outcome_decides_anothers_has_the_year_end_rows_worked_out_whole(plan: Plan) -> None:
    """与经济增长同步 is judged on the GDP target's outcome: a change to the GDP target (here it stops being
    one) changes the other's row too."""
    gdp = plan.targets.get(kind="growth", indicator__name="地区生产总值")
    income = Target.objects.create(plan=plan, section=gdp.section, code="9.9.1", indicator_text="居民人均可支配收入",
                                   kind="relation", condition="与经济增长同步", quote="居民收入增长与经济增长同步",
                                   span_start=0, span_end=1)
    source = Source.objects.create(plan=plan, sha256="0" * 64, name="2025.txt", text="…")
    for target, value in ((gdp, 6.0), (income, 5.5)):
        Outcome.objects.create(target=target, source=source, fit="same", kind="growth", indicator_text="x",
                               value=value, unit="%", quote=f"增长{value}%", span_start=0, span_end=1,
                               status="confirmed")
    before = cached(plan)[2]
    plan.targets.filter(pk=gdp.pk).update(indicator=None)
    after = cached(plan)[2]
    assert after == worked_out_whole(plan)[2] and after[income.pk] != before[income.pk]
