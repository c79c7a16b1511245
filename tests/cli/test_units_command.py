"""A city that is not Jinhua: its own units, the keyword rule, `luoshi assign`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from luoshi.units.models import Assignment
from tests.factories import imported_report

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_assigns_leads_for_a_city_that_starts_from_its_own_units() -> None:
    plan = imported_report(region="江城市", year=2024, slug="jiangcheng-2024").plan
    with pytest.raises(CommandError, match="还没有带牵头关键词的单位"):
        run("assign", "--plan", plan.slug)
    run("units", "add", "江城市人民政府", "--short", "市政府", "--kind", "government")
    run("units", "add", "江城市发展和改革局", "--short", "市发改局", "--parent", "市政府", "--keywords", "投资、项目")
    run("units", "add", "江城市商务局", "--short", "市商务局", "--parent", "市政府", "--keywords", "消费,零售")

    said = run("assign", "--plan", plan.slug)
    leads = {a.target.code: a.unit.short_name for a in Assignment.objects.select_related("target", "unit")}
    assert leads["1.1.1"] == "市发改局" and leads["1.2.1"] == "市商务局"
    assert "0.0.1" not in leads  # GDP: no word of this city's lists it, so a person decides
    assert "没有命中任何关键词" in said

    run("assign", "--plan", plan.slug, "--fallback", "市发改局")
    assert Assignment.objects.get(target__code="0.0.1").unit.short_name == "市发改局"
    with pytest.raises(CommandError, match="没有名为“市财政局”的单位"):
        run("assign", "--plan", plan.slug, "--fallback", "市财政局")


def test_it_keeps_jinhuas_units_in_the_demo_only() -> None:
    from luoshi.demo.units import COUNTIES, DEPARTMENTS, GOVERNMENT

    names = {GOVERNMENT, *COUNTIES, *(name for name, _, _ in DEPARTMENTS)}
    package = Path(__file__).resolve().parents[2] / "luoshi"
    leaks = [f"{path.relative_to(package)}: {name}" for path in package.rglob("*")
             if path.suffix in (".py", ".html", ".json", ".csv") and "demo" not in path.parts
             and "migrations" not in path.parts
             for name in names if name in path.read_text(encoding="utf-8")]
    assert leaks == []
