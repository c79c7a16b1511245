"""The Jinhua 2024 demo from nothing, and the year-end verdicts its published outcomes give."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from luoshi.demo.build import FACTS
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.units.models import Assignment, Unit

pytestmark = pytest.mark.django_db


def assess(*args: str) -> list[dict[str, object]]:
    out = io.StringIO()
    call_command("assess", "--plan", "jinhua-2024", *args, "--format", "json", stdout=out)
    return {row["code"]: row for row in json.loads(out.getvalue())}  # type: ignore[return-value]


@pytest.fixture
def demo(tmp_path: Path) -> str:
    out = io.StringIO()
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=out)  # from the shipped facts
    return out.getvalue()


def test_it_sets_up_the_demo_from_the_shipped_facts_when_the_report_is_absent(demo: str) -> None:
    plan = Plan.objects.get(slug="jinhua-2024")
    assert "随项目分发的抽取结果" in demo and plan.text == ""
    assert plan.targets.count() == 131
    assert Unit.objects.filter(kind="county").count() == 9
    assert Unit.objects.filter(kind="department").count() >= 17


def test_it_gives_every_target_one_lead_unit_and_says_why(demo: str) -> None:
    leads = Assignment.objects.filter(role="lead", target__plan__slug="jinhua-2024")
    assert leads.count() == 131 == leads.values("target").distinct().count()
    fai = leads.get(target__code="1.1.2")
    assert (fai.unit.short_name, fai.basis) == ("市发改委", "指标含“固定资产投资”")
    exports = leads.get(target__code="1.3.3")
    assert exports.unit.short_name == "市商务局"


def test_it_keeps_a_persons_choice_when_the_rule_runs_again(demo: str) -> None:
    lead = Assignment.objects.get(role="lead", target__code="1.3.3")
    lead.unit, lead.basis = Unit.objects.get(short_name="市口岸物流局"), ""
    lead.save()
    call_command("assign", "--plan", "jinhua-2024", "--replace", stdout=io.StringIO())
    assert Assignment.objects.get(role="lead", target__code="1.3.3").unit.short_name == "市口岸物流局"


def test_it_gives_the_year_end_verdict_for_every_published_outcome(demo: str) -> None:
    rows = assess("--on", "2024-12-31")
    verdicts = {code: rows[code]["status"] for code in
                ("0.0.1", "0.0.2", "0.0.7", "1.1.3", "1.3.3", "2.2.5", "10.1.1")}
    assert verdicts == {"0.0.1": "achieved", "0.0.2": "missed", "0.0.7": "achieved",
                        "1.1.3": "missed", "1.3.3": "achieved", "2.2.5": "achieved",
                        "10.1.1": "achieved"}
    assert rows["1.1.3"]["margin"] == pytest.approx(-4.7)
    assert rows["1.3.3"]["source"].startswith("https://epaper.jhnews.com.cn/")
    assert not rows["1.3.3"]["illustrative"]


def test_it_marks_generated_figures_as_illustrative(demo: str) -> None:
    generated = Observation.objects.filter(illustrative=True)
    assert generated.exists()
    assert all("示例数据" in o.narrative for o in generated)
    rows = assess("--on", "2024-06-30")
    assert rows["1.1.2"]["illustrative"] and rows["1.1.2"]["period"] == "2024年1-6月"


def test_it_changes_nothing_when_run_again(demo: str, tmp_path: Path) -> None:
    counts = (Plan.objects.count(), Observation.objects.count(), Assignment.objects.count())
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), stdout=io.StringIO())
    assert (Plan.objects.count(), Observation.objects.count(), Assignment.objects.count()) == counts


def test_it_ships_facts_that_the_extractor_makes_from_the_seed(seed_text: str) -> None:
    shipped = json.loads(FACTS.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(document(extract_plan(seed_text)), ensure_ascii=False))
