"""The pages' cached assessments: never stale after a write of any kind, worked out once, bounded."""

from __future__ import annotations

import importlib
import threading
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from luoshi.plans.models import Plan
from luoshi.progress import assessing
from luoshi.progress.models import Observation
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
    tables = importlib.import_module("luoshi.progress.migrations.0004_dataversion").TABLES
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'luoshi_bump_%'")
        else:
            cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "WHERE t.tgname = 'luoshi_bump_data_version'")
        watched = Counter(name for (name,) in cursor.fetchall())
    per_table = 3 if connection.vendor == "sqlite" else 1  # insert, update, delete; or one for all three
    assert {table: watched[table] for table in tables} == dict.fromkeys(tables, per_table)
