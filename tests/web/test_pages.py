"""Every page for every role: who sees what, who may do what, and that it stays fast and safe."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation
from tests.factories import imported_report
from tests.world import client_for

pytestmark = pytest.mark.django_db


def pages(plan: Plan) -> dict[str, str]:
    fai = plan.targets.get(code="1.1.1")  # 固定资产投资800亿元: led by 市发改委
    unit = fai.assignments.get(role="lead").unit
    return {
        "dashboard": reverse("dashboard", args=[plan.slug]),
        "document": reverse("document", args=[plan.slug]),
        "target": reverse("target", args=[plan.slug, fai.code]),
        "unit": reverse("unit", args=[plan.slug, unit.pk]),
        "report": reverse("report", args=[plan.slug]),
        "template": reverse("report-template", args=[plan.slug]) + "?period=2024-06",
        "upload": reverse("report-upload", args=[plan.slug]),
        "approvals": reverse("approvals", args=[plan.slug]),
        "edit": reverse("target-edit", args=[plan.slug, fai.code]),
        "add": reverse("target-add", args=[plan.slug]),
        "split": reverse("target-change", args=[plan.slug, fai.code, "split"]),
        "assign": reverse("assign", args=[plan.slug]),
        "breakdown": reverse("breakdown", args=[plan.slug, "xlsx"]),
        "evaluation": reverse("evaluation", args=[plan.slug]),
        "bulletin": reverse("bulletin", args=[plan.slug, "xlsx"]) + "?period=2024-06",
    }


EXPECTED = {  # page: status for office, leader, liaison of the lead unit, liaison of another unit
    "dashboard": (200, 200, 200, 200),
    "document": (200, 200, 200, 200),
    "target": (200, 200, 200, 403),
    "unit": (200, 200, 200, 403),
    "report": (200, 403, 200, 200),
    "template": (200, 403, 200, 200),
    "upload": (200, 403, 200, 200),
    "approvals": (200, 403, 403, 403),
    "edit": (200, 403, 403, 403),
    "add": (200, 403, 403, 403),
    "split": (200, 403, 403, 403),
    "assign": (200, 403, 403, 403),
    "breakdown": (200, 200, 403, 403),
    "evaluation": (200, 200, 403, 403),
    "bulletin": (200, 200, 403, 403),
}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_it_lets_each_role_reach_only_its_pages(page: str, plan: Plan, office: User, leader: User,
                                                liaison: User, other_liaison: User) -> None:
    url = pages(plan)[page]
    got = tuple(client_for(u).get(url).status_code for u in (office, leader, liaison, other_liaison))
    assert got == EXPECTED[page]


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_it_sends_strangers_to_the_login_page(page: str, plan: Plan) -> None:
    response = Client().get(pages(plan)[page])
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_it_shows_a_liaison_only_their_units_targets(plan: Plan, liaison: User) -> None:
    page = client_for(liaison).get(reverse("dashboard", args=[plan.slug])).content.decode()
    assert "固定资产投资" in page and "社会消费品零售总额" not in page


def test_it_refuses_a_liaisons_figure_for_another_units_target(plan: Plan, other_liaison: User) -> None:
    client = client_for(other_liaison)
    response = client.post(reverse("report", args=[plan.slug]), {"period": "2024-06", "value-1.1.1": "380"})
    assert Observation.objects.count() == 0  # 1.1.1 is not on 市商务局's form, so nothing is taken
    assert response.status_code == 302 or "没有填写任何数值" in response.content.decode()


def test_it_takes_a_liaisons_figure_for_approval_and_counts_it_once_approved(
        plan: Plan, liaison: User, office: User) -> None:
    client = client_for(liaison)
    client.post(reverse("report", args=[plan.slug]), {"period": "2024-06", "value-1.1.1": "520",
                                                       "narrative-1.1.1": "重大项目加快推进"})
    submitted = Observation.objects.get()
    assert (submitted.status, submitted.reported_by) == ("submitted", liaison)
    target_page = reverse("target", args=[plan.slug, "1.1.1"]) + "?on=2024-06-30"
    assert "无数据" in client.get(target_page).content.decode()
    client_for(office).post(reverse("approvals", args=[plan.slug]),
                            {"observation": submitted.pk, "action": "approve"})
    assert "达到序时进度" in client.get(target_page).content.decode()


def test_it_returns_a_submission_with_a_reason(plan: Plan, liaison: User, office: User) -> None:
    client_for(liaison).post(reverse("report", args=[plan.slug]), {"period": "2024-06", "value-1.1.1": "5200"})
    o = Observation.objects.get()
    client_for(office).post(reverse("approvals", args=[plan.slug]),
                            {"observation": o.pk, "action": "return", "reason": "单位应为亿元，请核实"})
    o.refresh_from_db()
    assert (o.status, o.review_note) == ("returned", "单位应为亿元，请核实")
    form = client_for(liaison).get(reverse("report", args=[plan.slug]) + "?period=2024-06").content.decode()
    assert "单位应为亿元，请核实" in form


def test_it_says_which_figure_is_not_a_number_and_stores_nothing(plan: Plan, liaison: User) -> None:
    response = client_for(liaison).post(reverse("report", args=[plan.slug]),
                                        {"period": "2024-06", "value-1.1.1": "约12亿", "value-1.1.2": "8"})
    assert "“约12亿”不是数字" in response.content.decode()
    assert Observation.objects.count() == 0


def test_it_records_who_changed_a_target_and_why(plan: Plan, office: User) -> None:
    url = reverse("target-edit", args=[plan.slug, "1.1.1"])
    client_for(office).post(url, {"indicator_text": "固定资产投资", "kind": "level", "comparator": ">=",
                                  "value": "820", "unit": "亿元", "reason": "按人代会决议调整"})
    target = Target.objects.get(plan=plan, code="1.1.1")
    latest = target.history.latest()
    assert (target.value, target.origin, latest.history_user, latest.history_change_reason) == (
        820, "reviewed", office, "按人代会决议调整")


def test_it_refuses_a_form_without_its_csrf_token(plan: Plan, office: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    response = client.post(reverse("target-edit", args=[plan.slug, "1.1.1"]), {"reason": "x"})
    assert response.status_code == 403


def test_it_shows_report_text_as_text_never_as_markup(db: None, office: User) -> None:
    text = "江城市2024年政府工作报告\n\n(一)稳增长\n\n扩大投资。<script>alert(1)</script>固定资产投资增长8%。\n"
    plan = imported_report(text, region="江城市", year=2024, slug="xss-2024").plan
    client = client_for(office)
    for url in (reverse("document", args=[plan.slug]), reverse("target", args=[plan.slug, "1.1.1"])):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("page", ["dashboard", "document", "target", "unit", "report"])
def test_it_asks_the_database_the_same_number_of_times_however_many_targets(
        page: str, plan: Plan, office: User, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    client = client_for(office)
    url = pages(plan)[page]
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    section = plan.sections.get(ordinal=1)
    for n in range(40):
        target = Target.objects.create(plan=plan, section=section, code=f"1.9.{n}", indicator_text=f"固定资产投资{n}",
                                       kind="level", comparator="=", value=10, unit="亿元")
        Observation.objects.create(target=target, period="2024-05", value=3)
        target.assignments.create(unit=plan.targets.get(code="1.1.1").assignments.get().unit, role="lead")
    client.get(url)  # the plan's assessments are worked out again once after a change, then reused
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_it_renders_every_page_with_one_heading_for_the_office(plan: Plan, office: User) -> None:
    client = client_for(office)
    for name, url in pages(plan).items():
        response = client.get(url)
        assert response.status_code == 200, name
        if response["Content-Type"].startswith("text/html"):
            assert response.content.decode().count("<h1") == 1, name


@pytest.mark.parametrize("with_text", [True, False])
def test_it_renders_every_page_of_the_jinhua_demo(db: None, seed_path, tmp_path, with_text: bool) -> None:  # type: ignore[no-untyped-def]
    import io

    from django.core.management import call_command

    from luoshi.accounts.models import Role
    from luoshi.accounts.users import add_user

    call_command("demo", "--seed", str(seed_path if with_text else tmp_path / "absent.txt"), stdout=io.StringIO())
    plan = Plan.objects.get(slug="jinhua-2024")
    client = client_for(add_user("zoe", "correct-horse-battery", Role.OFFICE))  # type: ignore[arg-type]
    for url in (reverse("dashboard", args=[plan.slug]) + "?on=2024-06-30",
                reverse("document", args=[plan.slug]),
                *[reverse("target", args=[plan.slug, code]) + "?on=2024-08-31" for code in ("1.1.1", "1.1.2", "0.0.1")],
                reverse("report", args=[plan.slug]), reverse("approvals", args=[plan.slug])):
        response = client.get(url)
        assert response.status_code == 200, url
    document = client.get(reverse("document", args=[plan.slug])).content.decode()
    assert ("地区生产总值增长6%左右" in document) and (("article" in document) == with_text)


def test_it_lets_the_office_add_split_merge_and_delete_targets_with_reasons(plan: Plan, office: User) -> None:
    client = client_for(office)
    response = client.post(reverse("target-add", args=[plan.slug]), {
        "section": "1", "task": "扩大有效投资", "indicator_text": "新增专精特新企业", "kind": "level",
        "comparator": ">=", "value": "30", "unit": "家", "reason": "原文第三段遗漏"})
    added = Target.objects.get(plan=plan, indicator_text="新增专精特新企业")
    assert (response.status_code, added.code, added.origin) == (302, "1.1.4", "manual")
    assert added.history.latest().history_change_reason == "原文第三段遗漏"

    client.post(reverse("target-change", args=[plan.slug, "1.1.4", "split"]), {"reason": "两个指标"})
    twin = Target.objects.get(plan=plan, code="1.1.5")
    assert twin.indicator_text == "新增专精特新企业"

    Observation.objects.create(target=twin, period="2024-06", value=12)
    client.post(reverse("target-change", args=[plan.slug, "1.1.4", "merge"]), {"reason": "重复", "other": "1.1.5"})
    assert not Target.objects.filter(plan=plan, code="1.1.5").exists()
    assert Observation.objects.get().target.code == "1.1.4"

    refused = client.post(reverse("target-change", args=[plan.slug, "1.1.4", "delete"]), {"reason": "误抽"})
    assert "已有审核通过的进度数据，不能删除" in refused.content.decode()
    client.post(reverse("target-change", args=[plan.slug, "2.1.1", "delete"]), {"reason": "误抽"})
    assert not Target.objects.filter(plan=plan, code="2.1.1").exists()


def test_it_refuses_review_changes_by_anyone_but_the_office(plan: Plan, leader: User, liaison: User) -> None:
    for user in (leader, liaison):
        client = client_for(user)
        assert client.get(reverse("target-add", args=[plan.slug])).status_code == 403
        assert client.post(reverse("target-change", args=[plan.slug, "1.1.1", "delete"]),
                           {"reason": "x"}).status_code == 403
    assert Target.objects.filter(plan=plan, code="1.1.1").exists()


def test_it_lets_the_office_set_lead_and_co_units_for_many_targets_at_once(plan: Plan, office: User) -> None:
    from luoshi.units.models import Assignment, Unit

    commerce = Unit.objects.get(short_name="市商务局")
    finance = Unit.objects.get(short_name="市金融办")
    education = Unit.objects.get(short_name="市教育局")
    client = client_for(office)
    client.post(reverse("assign", args=[plan.slug]), {"target": ["1.1.1", "1.1.2"], "lead": commerce.pk})
    client.post(reverse("assign", args=[plan.slug]), {"target": ["1.1.1"], "co": [finance.pk, education.pk]})
    leads = Assignment.objects.filter(target__plan=plan, target__code__in=["1.1.1", "1.1.2"], role="lead")
    assert sorted((a.target.code, a.unit.short_name, a.basis) for a in leads) == [
        ("1.1.1", "市商务局", ""), ("1.1.2", "市商务局", "")]
    assert {a.unit for a in Assignment.objects.filter(target__code="1.1.1", role="co")} == {finance, education}


def test_it_assigns_a_task_with_all_its_targets_and_several_units_at_once(plan: Plan, office: User) -> None:
    from luoshi.plans.models import Task
    from luoshi.units.models import Assignment, Unit

    task = Task.objects.get(section__plan=plan, heading="扩大有效投资")
    commerce, finance, education = (Unit.objects.get(short_name=n) for n in ("市商务局", "市金融办", "市教育局"))
    response = client_for(office).post(reverse("assign", args=[plan.slug]), {
        "task": [task.pk], "lead": commerce.pk, "co": [finance.pk, education.pk, commerce.pk]}, follow=True)
    codes = sorted(task.targets.values_list("code", flat=True))
    assert len(codes) >= 2
    assert f"已为1项任务、{len(codes)}个目标" in response.content.decode()
    for code in codes:
        mine = Assignment.objects.filter(target__plan=plan, target__code=code)
        assert mine.get(role="lead").unit == commerce
        assert {a.unit for a in mine.filter(role="co")} == {finance, education}  # never lead and co at once
    assert Assignment.objects.get(task=task, target__isnull=True, role="lead").unit == commerce


def test_it_refuses_an_assignment_without_units_or_subjects_and_changes_nothing(plan: Plan, office: User) -> None:
    from luoshi.units.models import Assignment

    before = list(Assignment.objects.values_list("pk", "unit_id", "role"))
    for data in ({"target": ["1.1.1"]}, {"lead": "abc", "target": ["1.1.1"]}, {"lead": "99999999999999999999"},
                 {"task": ["²", "-1"], "co": ["x"]}):
        response = client_for(office).post(reverse("assign", args=[plan.slug]), data, follow=True)
        assert response.status_code == 200 and "请勾选任务或目标" in response.content.decode()
    assert list(Assignment.objects.values_list("pk", "unit_id", "role")) == before


def test_it_shows_the_public_only_targets_and_statuses_when_the_portal_is_on(
        plan: Plan, liaison: User, settings) -> None:  # type: ignore[no-untyped-def]
    url = reverse("public", args=[plan.slug])
    settings.PUBLIC_PORTAL = False
    assert Client().get(url).status_code == 404
    settings.PUBLIC_PORTAL = True
    Observation.objects.create(target=plan.targets.get(code="1.1.1"), period="2024-06", value=380,
                               narrative="内部情况说明", reported_by=liaison)
    page = Client().get(url + "?on=2024-06-30").content.decode()
    assert "固定资产投资达到800亿元" in page and "略低于序时进度" in page
    assert "内部情况说明" not in page and "charlie" not in page and "市发改委" not in page


def test_it_speaks_english_when_asked_and_chinese_first(plan: Plan, office: User) -> None:
    client = client_for(office)
    url = reverse("dashboard", args=[plan.slug]) + "?on=2024-06-30"
    assert "牵头单位排行" in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": url})
    page = client.get(url).content.decode()
    assert "Lead units, ranked" in page and "Sign out" in page and "No data" in page
    assert '<html lang="en">' in page


def test_it_has_english_for_every_string_of_every_page() -> None:
    import importlib.util
    from pathlib import Path

    import polib

    script = Path(__file__).resolve().parents[2] / "scripts" / "english.py"
    spec = importlib.util.spec_from_file_location("english", script)
    english = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(english)  # type: ignore[union-attr]
    assert english.template_ids() <= set(english.ENGLISH)
    compiled = polib.mofile(str(english.LOCALE / "django.mo"))
    assert {e.msgid for e in compiled} >= set(english.ENGLISH), "run make messages"


def test_it_lets_a_unit_answer_for_a_whole_task(plan: Plan, office: User, other_liaison: User) -> None:
    from luoshi.plans.models import Task
    from luoshi.units.models import Unit

    task = Task.objects.get(section__plan=plan, heading="扩大有效投资")
    client_for(office).post(reverse("assign", args=[plan.slug]),
                            {"task": [task.pk], "co": [Unit.objects.get(short_name="市商务局").pk]})
    client = client_for(other_liaison)  # 市商务局: now answers for the investment task's targets too
    assert client.get(reverse("target", args=[plan.slug, "1.1.1"])).status_code == 200
    form = client.get(reverse("report", args=[plan.slug]) + "?period=2024-06").content.decode()
    assert "固定资产投资达到800亿元" in form


def test_it_never_lets_a_second_liaison_overwrite_the_first_silently(plan: Plan, liaison: User) -> None:
    from luoshi.accounts.models import Role
    from luoshi.accounts.users import add_user

    colleague = add_user("carol", "correct-horse-battery", Role.LIAISON, "市发改委")
    url = reverse("report", args=[plan.slug]) + "?period=2024-06"
    first, second = client_for(liaison), client_for(colleague)  # type: ignore[arg-type]
    form = second.get(url).content.decode()  # carol opens the form while nothing is reported
    assert 'name="seen-1.1.1" value=""' in form
    first.post(url, {"period": "2024-06", "value-1.1.1": "520", "seen-1.1.1": ""})
    clash = second.post(url, {"period": "2024-06", "value-1.1.1": "480", "seen-1.1.1": ""})
    page = clash.content.decode()
    assert "在你填写期间，charlie已于" in page and "报送了 520" in page
    assert list(Observation.objects.values_list("value", flat=True)) == [520]
    seen = Observation.objects.get().pk
    second.post(url, {"period": "2024-06", "value-1.1.1": "480", "seen-1.1.1": str(seen)})  # having seen it
    assert sorted(Observation.objects.values_list("value", flat=True)) == [480, 520]  # both kept


def test_it_stays_chinese_for_an_english_browser_until_english_is_chosen(plan: Plan, office: User) -> None:
    client = client_for(office)
    url = reverse("dashboard", args=[plan.slug])
    assert "牵头单位排行" in client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()


def test_it_explains_a_refusal_on_a_page_of_its_own_never_a_bare_403_forbidden(plan: Plan, office: User,
                                                                                other_liaison: User) -> None:
    """A liaison opening another unit's target, and a form posted without its CSRF token: a Chinese page
    that says why and leads back, as every other page of luoshi."""
    refused = client_for(other_liaison).get(reverse("target", args=[plan.slug, "1.1.1"]))
    page = refused.content.decode()
    assert refused.status_code == 403 and "<h1>没有权限</h1>" in page and "这个目标不属于你的单位" in page
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    forged = client.post(reverse("target-edit", args=[plan.slug, "1.1.1"]), {"reason": "x"})
    page = forged.content.decode()
    assert forged.status_code == 403 and "<h1>没有权限</h1>" in page and "Forbidden" not in page
