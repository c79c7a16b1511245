"""Backup and restore: a round trip loses nothing, on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation

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


def test_it_asks_before_replacing_everything_and_names_a_bad_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x.bak"))
    with pytest.raises(CommandError, match="找不到这个备份文件"):
        call_command("restore", str(tmp_path / "x.bak"), "--yes")
