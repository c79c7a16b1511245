"""The Jinhua 2024 demo from nothing, and the year-end verdicts its published outcomes give."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from luoshi.demo.build import CORPUS, FACTS, OUTCOMES_FROM_NEXT, facts_of, outcome_facts
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.outcomes.models import Outcome
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.reports.tables import evaluation
from luoshi.units.models import Assignment, Unit
from tests.conftest import require

pytestmark = pytest.mark.django_db


def assess(*args: str) -> list[dict[str, object]]:
    out = io.StringIO()
    call_command("assess", "--plan", "jinhua-2024", *args, "--format", "json", stdout=out)
    return {row["code"]: row for row in json.loads(out.getvalue())}  # type: ignore[return-value]


@pytest.fixture
def demo(tmp_path: Path) -> str:
    out = io.StringIO()
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), "--corpus", str(tmp_path / "absent"),
                 stdout=out)  # from the shipped facts
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
    lead = Assignment.objects.get(role="lead", target__code="1.3.3", target__plan__slug="jinhua-2024")
    lead.unit, lead.basis = Unit.objects.get(short_name="市口岸物流局"), ""
    lead.save()
    call_command("assign", "--plan", "jinhua-2024", "--replace", stdout=io.StringIO())
    assert Assignment.objects.get(role="lead", target__code="1.3.3",
                                  target__plan__slug="jinhua-2024").unit.short_name == "市口岸物流局"


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
    call_command("demo", "--seed", str(tmp_path / "absent.txt"), "--corpus", str(tmp_path / "absent"),
                 stdout=io.StringIO())
    assert (Plan.objects.count(), Observation.objects.count(), Assignment.objects.count()) == counts
    assert Outcome.objects.count() == 51


def test_it_ships_facts_that_the_extractor_makes_from_the_seed(seed_text: str) -> None:
    shipped = json.loads(FACTS.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(document(extract_plan(seed_text)), ensure_ascii=False))


def test_it_spans_three_years_and_opens_with_the_2024_evaluation(demo: str) -> None:
    assert sorted(Plan.objects.current().values_list("slug", flat=True)) == ["jinhua-2023", "jinhua-2024",
                                                                           "jinhua-2025"]
    assert "逐条确认51条" in demo
    assert "2024年终评定：无结果83个，已完成34个，仅有相关结果7个，未完成4个，部分完成3个" in demo
    result = evaluation(Plan.objects.get(slug="jinhua-2024"), 2024)
    judged = [r for r in result.rows if r.judged]
    from_report = [r for r in judged if r.source.startswith("金华市2025年政府工作报告「")]
    assert len(judged) == 41 and len(from_report) == 37
    assert all(r.link.startswith("http") for r in judged if r not in from_report)  # published statistics
    assert not Outcome.objects.filter(source__title="").exists()  # every outcome names its source


def test_it_ships_the_outcomes_the_reader_finds_in_the_2025_report(seed_text: str) -> None:
    from luoshi.plans.importing import import_document

    report = require(CORPUS / "jinhua-2025.txt")
    plan = import_document(json.loads(FACTS.read_text(encoding="utf-8")), region="金华市", year=2024,
                           slug="jinhua-2024").plan
    assert json.loads(OUTCOMES_FROM_NEXT.read_text(encoding="utf-8")) == outcome_facts(plan, report)


@pytest.mark.parametrize("year", [2023, 2025])
def test_it_ships_facts_of_the_years_around_the_seed(year: int) -> None:
    text = require(CORPUS / f"jinhua-{year}.txt").read_text(encoding="utf-8")
    shipped = json.loads(facts_of(year).read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(document(extract_plan(text)), ensure_ascii=False))
