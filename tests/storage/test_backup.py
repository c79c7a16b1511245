"""Backup and restore: a round trip loses nothing, on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from luoshi.plans.models import Plan, Target
from luoshi.progress import assessing
from luoshi.progress.models import Observation
from luoshi.tracking.rules import DEFAULT_RULES

pytestmark = pytest.mark.django_db(transaction=True)


def everything() -> tuple[object, ...]:
    return (list(Plan.objects.values_list("slug", "version", "sha256", "text")),
            list(Target.objects.order_by("id").values_list("code", "indicator_text", "value", "unit", "quote")),
            list(Observation.objects.order_by("id").values_list("target__code", "period", "value", "status",
                                                                "narrative", "source")),
            Target.history.count())


def test_it_restores_exactly_what_it_backed_up(tmp_path: Path) -> None:
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=io.StringIO())
    before = everything()
    path = tmp_path / "snapshot.bak"
    call_command("backup", "-o", str(path), stdout=io.StringIO())
    Observation.objects.all().delete()
    Target.objects.filter(code__startswith="1.").update(value=0)
    assert everything() != before
    call_command("restore", str(path), "--yes", stdout=io.StringIO())
    assert everything() == before


def test_a_running_server_takes_nothing_it_worked_out_before_for_the_restored_data(tmp_path: Path) -> None:
    """The restored database's data version is older than the running server's caches: it is moved past
    them, so a page worked out before the restore is never served as if it were of the restored data."""
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=io.StringIO())
    plan = Plan.objects.get(is_current=True, year=2024)
    on = date(2024, 6, 30)
    path = tmp_path / "snapshot.bak"
    call_command("backup", "-o", str(path), stdout=io.StringIO())
    target = plan.targets.exclude(observations=None).order_by("id").first()
    target.observations.update(value=123456)  # the figures change after the backup ...
    changed = assessing.plan_verdicts(plan, on)[target.pk]  # ... and the server works them out
    version = assessing.data_version()
    call_command("restore", str(path), "--yes", stdout=io.StringIO())
    assert assessing.data_version() > version
    assert assessing.changed_since(version, at_most=10) is None  # everything is to be worked out again
    restored = assessing.plan_verdicts(plan, on)[target.pk]
    assert restored != changed and restored == assessing._assess(plan, on, DEFAULT_RULES)[target.pk]


def test_it_asks_before_replacing_everything_and_names_a_bad_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x.bak"))
    with pytest.raises(CommandError, match="找不到这个备份文件"):
        call_command("restore", str(tmp_path / "x.bak"), "--yes")
