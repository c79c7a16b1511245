"""Storing plans: once per document, all or nothing, new versions keep people's corrections."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from luoshi.plans.importing import PlanImportError, Unconfirmed, Unlike, roll_back, slug_for
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
    second = imported_report(changed, region="江城市", year=2024, confirm=True)
    assert (second.plan.version, second.carried) == (2, 2)
    plan = Plan.objects.current().get()
    assert plan.pk == second.plan.pk and not Plan.objects.get(pk=first.pk).is_current
    assert plan.targets.get(code="1.1.3").value == 9
    assert plan.targets.get(code="1.1.9").indicator_text == "新增专精特新企业"
    assert plan.targets.get(code="1.2.2").value == 520


def test_it_refuses_a_file_with_more_targets_than_a_plan_holds(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LUOSHI_MAX_TARGETS = 5
    with pytest.raises(PlanImportError, match=r"超过5个：不像一份工作报告.*LUOSHI_MAX_TARGETS"):
        imported_report(region="江城市", year=2024)
    assert (Plan.objects.count(), Target.objects.count()) == (0, 0)


def test_it_stores_nothing_when_it_cannot_tell_the_region() -> None:
    with pytest.raises(PlanImportError, match="--region"):
        imported_report("2024年工作要点\n\n全年地区生产总值增长6%。\n")
    assert (Plan.objects.count(), Target.objects.count()) == (0, 0)


def test_it_records_every_change_to_a_target() -> None:
    target = imported_report(region="江城市", year=2024).plan.targets.get(code="1.1.1")
    target.value = 820
    target.save()
    assert [h.value for h in target.history.order_by("history_date")] == [800, 820]


def test_every_imported_target_starts_its_history_as_it_was_imported() -> None:
    plan = imported_report(region="江城市", year=2024).plan
    for target in plan.targets.all():
        [first] = target.history.all()
        assert (first.history_type, first.history_change_reason, first.history_user) == ("+", "导入", None)
        assert (first.code, first.value, first.unit, first.quote, first.section_id, first.indicator_id) == (
            target.code, target.value, target.unit, target.quote, target.section_id, target.indicator_id)
        assert first.history_date.tzinfo is not None


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


def observe(plan: Plan, code: str, value: float) -> None:
    from luoshi.progress.models import Observation

    Observation.objects.create(target=plan.targets.get(code=code), period="2024-06", value=value)


def test_it_shows_a_changed_document_as_a_diff_and_stores_it_only_when_confirmed() -> None:
    first = imported_report(region="江城市", year=2024).plan
    changed = SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元").replace(
        "新开工亿元以上项目100个。", "新开工亿元以上项目100个,新增规上工业企业50家。").replace(
        "新建中小学12所,", "")
    with pytest.raises(Unconfirmed) as refused:
        imported_report(changed, region="江城市", year=2024)
    diff = refused.value.preview.diff
    assert diff is not None and diff.alike
    assert [(c.before.code, c.fields) for c in diff.changed] == [("1.2.2", ("value",))]
    assert [f.words for f in diff.added] == ["新增规上工业企业达到50家"]
    assert [f.code for f in diff.removed] == ["2.1.1"]
    assert "新增1个、删去1个、修改1个目标" in str(refused.value) and "--confirm" in str(refused.value)
    assert list(Plan.objects.values_list("pk", "is_current")) == [(first.pk, True)]  # nothing stored


def test_it_moves_figures_and_assignments_to_the_matching_targets_of_the_new_version() -> None:
    from luoshi.progress.models import Observation
    from luoshi.units.models import Assignment, Unit

    first = imported_report(region="江城市", year=2024).plan
    unit = Unit.objects.create(name="江城市商务局", short_name="市商务局")
    Assignment.objects.create(target=first.targets.get(code="1.2.2"), unit=unit, role="lead")
    task = first.targets.get(code="1.2.2").task
    Assignment.objects.create(task=task, unit=unit, role="co")
    observe(first, "1.2.2", 300)
    observe(first, "2.1.1", 6)
    changed = SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元").replace("新建中小学12所,", "")
    second = imported_report(changed, region="江城市", year=2024, confirm=True)
    plan = second.plan
    assert plan.is_current and plan.version == 2 and second.followed == 3
    moved = plan.targets.get(code="1.2.2")
    assert moved.value == 520 and [o.value for o in moved.observations.all()] == [300]
    assert moved.assignments.get(role="lead").unit == unit
    assert Assignment.objects.get(task__isnull=False, role="co").task.section.plan == plan
    # the dropped target keeps its figure in the version it was reported for
    assert Observation.objects.get(value=6).target.plan == first


def test_it_refuses_a_tiny_document_titled_as_the_jinhua_report_unless_the_office_insists() -> None:
    """The attack of issue 12: two paragraphs titled as Jinhua's 2024 report silently became version 2."""
    import json

    from luoshi.demo.build import FACTS
    from luoshi.plans.importing import import_document

    facts = json.loads(FACTS.read_text(encoding="utf-8"))
    first = import_document(facts, region="金华市", year=2024, slug="jinhua-2024").plan
    observe(first, "1.1.2", 1500)
    tiny = ("金华市2024年政府工作报告\n\n今年主要预期目标是:地区生产总值增长5%。\n\n"
            "(一)扩大内需\n\n提振消费。固定资产投资增长3%。\n")
    with pytest.raises(Unlike) as refused:
        imported_report(tiny, region="金华市", year=2024)
    assert "不像当前第1版的新版本" in str(refused.value) and "--insist" in str(refused.value)
    with pytest.raises(Unlike):
        imported_report(tiny, region="金华市", year=2024, confirm=True)  # confirming is not insisting
    with pytest.raises(Unconfirmed):
        imported_report(tiny, region="金华市", year=2024, insist=True)  # insisting still shows the diff
    assert Plan.objects.current().get(slug="jinhua-2024").pk == first.pk and Plan.objects.count() == 1

    second = imported_report(tiny, region="金华市", year=2024, insist=True, confirm=True).plan
    assert Plan.objects.current().get(slug="jinhua-2024").pk == second.pk
    rolled = roll_back("jinhua-2024", 1)
    current = Plan.objects.current().get(slug="jinhua-2024")
    assert current.pk == first.pk and current.targets.count() == 131
    assert [o.value for o in current.targets.get(code="1.1.2").observations.all()] == [1500]
    assert "第1版已成为当前版本" in rolled.message


def test_it_rolls_back_and_forth_with_the_figures_reported_meanwhile() -> None:
    first = imported_report(region="江城市", year=2024).plan
    changed = SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元")
    second = imported_report(changed, region="江城市", year=2024, confirm=True).plan
    observe(second, "1.1.1", 400)  # reported against version 2
    with pytest.raises(PlanImportError, match="这份文件就是第1版"):
        imported_report(region="江城市", year=2024)
    roll_back(first.slug, 1)
    assert [o.value for o in first.targets.get(code="1.1.1").observations.all()] == [400]
    roll_back(first.slug, 2)
    assert Plan.objects.current().get().pk == second.pk
    assert [o.value for o in second.targets.get(code="1.1.1").observations.all()] == [400]
    with pytest.raises(PlanImportError, match="已经是当前版本"):
        roll_back(first.slug, 2)
    with pytest.raises(PlanImportError, match="没有第7版"):
        roll_back(first.slug, 7)


def test_it_says_on_the_command_line_what_a_new_version_changes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    imported_report(region="江城市", year=2024, slug="jiangcheng-2024")
    path = tmp_path / "report.txt"
    path.write_text(SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元"), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match="--confirm"):
        call_command("import", str(path), "--slug", "jiangcheng-2024", stdout=out)
    assert "~ 1.2.2 网络零售额突破500亿元 → 1.2.2 网络零售额突破520亿元" in out.getvalue()
    call_command("import", str(path), "--slug", "jiangcheng-2024", "--confirm", stdout=out)
    assert "已导入第2版" in out.getvalue()
    out = io.StringIO()
    call_command("versions", "--plan", "jiangcheng-2024", stdout=out)
    assert "当前 第2版" in out.getvalue() and "第1版" in out.getvalue()
    call_command("versions", "--plan", "jiangcheng-2024", "--rollback", "1", stdout=out)
    assert "加 --confirm 执行" in out.getvalue() and Plan.objects.current().get().version == 2
    call_command("versions", "--plan", "jiangcheng-2024", "--rollback", "1", "--confirm", stdout=out)
    assert Plan.objects.current().get().version == 1
