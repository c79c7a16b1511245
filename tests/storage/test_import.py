"""Storing plans: once per document, all or nothing, new versions keep people's corrections."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from luoshi.plans.importing import PlanImportError, slug_for
from luoshi.plans.models import Origin, Plan, Section, Target
from tests.factories import SMALL_REPORT, imported_report

pytestmark = pytest.mark.django_db


def test_it_stores_the_seed_with_every_section_task_and_target(seed_path) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    call_command("import", str(seed_path), "--region", "金华市", stdout=out)
    plan = Plan.objects.get(slug="jinhua-2024")
    assert out.getvalue().startswith("jinhua-2024: 已导入第1版（金华市2024年），11个方面，131个目标")
    assert plan.sections.filter(ordinal__gt=0).count() == 11
    assert Section.objects.filter(plan=plan, ordinal__gt=0, tasks__isnull=False).distinct().count() == 11
    numeric = plan.targets.filter(kind__in=["growth", "level", "change"])
    assert numeric.count() >= 105
    for target in plan.targets.all():
        assert plan.text[target.span_start:target.span_end] == target.quote
    fai = plan.targets.get(code="1.1.2")
    assert (fai.indicator.name, fai.value, fai.unit) == ("固定资产投资", 2700, "亿元")


def test_it_does_not_store_the_same_document_twice() -> None:
    first = imported_report(region="江城市", year=2024)
    again = imported_report(region="江城市", year=2024)
    assert (first.created, again.created) == (True, False)
    assert Plan.objects.count() == 1
    assert "已经导入过" in again.message


def test_it_keeps_reviewed_and_hand_made_targets_in_a_new_version() -> None:
    first = imported_report(region="江城市", year=2024).plan
    reviewed = first.targets.get(code="1.1.3")
    reviewed.value, reviewed.origin = 9, Origin.REVIEWED
    reviewed.save()
    Target.objects.create(plan=first, section=reviewed.section, code="1.1.9", indicator_text="新增专精特新企业",
                          kind="level", comparator=">=", value=30, unit="家", origin=Origin.MANUAL)
    changed = SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元")
    second = imported_report(changed, region="江城市", year=2024)
    assert (second.plan.version, second.carried) == (2, 2)
    plan = Plan.objects.current().get()
    assert plan.pk == second.plan.pk and not Plan.objects.get(pk=first.pk).is_current
    assert plan.targets.get(code="1.1.3").value == 9
    assert plan.targets.get(code="1.1.9").indicator_text == "新增专精特新企业"
    assert plan.targets.get(code="1.2.2").value == 520


def test_it_stores_nothing_when_it_cannot_tell_the_region() -> None:
    with pytest.raises(PlanImportError, match="--region"):
        imported_report("2024年工作要点\n\n全年地区生产总值增长6%。\n")
    assert (Plan.objects.count(), Target.objects.count()) == (0, 0)


def test_it_records_every_change_to_a_target() -> None:
    target = imported_report(region="江城市", year=2024).plan.targets.get(code="1.1.1")
    target.value = 820
    target.save()
    assert [h.value for h in target.history.order_by("history_date")] == [800, 820]


def test_it_names_plans_with_a_code_a_person_can_type() -> None:
    assert slug_for("金华市", 2024) == "jinhua-2024"
    assert slug_for("婺城区", 2025) == "wucheng-2025"


def test_it_keeps_a_regions_letters_for_its_next_year() -> None:
    imported_report(region="江城市", year=2023, slug="jc-2023")
    assert slug_for("江城市", 2024) == "jc-2024"  # as stored, without reading the region out in pinyin again


def test_it_says_what_is_wrong_with_a_file_it_cannot_import(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    path.write_text('{"title": "x"}', encoding="utf-8")
    with pytest.raises(CommandError, match="不是 luoshi extract --format json 生成的计划文件"):
        call_command("import", str(path))
