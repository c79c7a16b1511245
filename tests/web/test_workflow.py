"""The figure workflow (progress/workflow.py), each test written as the attack or the mistake it stops."""

from __future__ import annotations

import os
import threading

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.urls import reverse

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.plans.models import Plan, Target
from luoshi.plans.review import ReviewProblem, add_target, delete_target, merge_targets
from luoshi.progress import workflow
from luoshi.progress.assessing import assess_plan
from luoshi.progress.models import Observation
from luoshi.tracking import Status, parse_period
from luoshi.units.models import Assignment, Unit
from tests.world import client_for

S = Observation.Status


def _target(plan: Plan, code: str) -> Target:
    return plan.targets.select_related("plan", "indicator", "section").get(code=code)


def _submit(plan: Plan, code: str, value: object, by: User, period: str = "2024-06", **kwargs: object) -> Observation:
    seen = kwargs.pop("seen", None)
    figure = workflow.read_figure(_target(plan, code), period, value, **kwargs)  # type: ignore[arg-type]
    return workflow.submit(figure, by, seen)  # type: ignore[arg-type]


def _report(client, plan: Plan, fields: dict[str, str], period: str = "2024-06"):  # type: ignore[no-untyped-def]
    url = reverse("report", args=[plan.slug]) + f"?period={period}"
    return client.post(url, {"period": period, **fields}, follow=True)


@pytest.mark.django_db(transaction=True)
def test_it_lets_one_of_20_simultaneous_submitters_in_and_tells_the_other_19(plan: Plan) -> None:
    """20 liaisons of one unit submit the same target and period at once, none having seen the others."""
    if os.environ.get("CI") == "true" and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert connection.vendor == "postgresql"  # CI's PostgreSQL pass runs this on PostgreSQL, or fails
    people = [add_user(f"liaison{n}", "correct-horse-battery", Role.LIAISON, "市发改委") for n in range(20)]
    target = _target(plan, "1.1.1")
    start = threading.Barrier(20)
    outcomes: list[str] = []
    retries: list[int] = []

    def report(person: User, value: int) -> None:
        try:
            figure = workflow.read_figure(target, "2024-06", value)
            start.wait()
            for attempt in range(1000):
                try:
                    workflow.submit(figure, person)
                    outcomes.append("stored")
                    break
                except workflow.Clash:
                    outcomes.append("told")
                    break
                except OperationalError:  # SQLite's shared test database: table locked; the whole submit rolled back
                    assert connection.vendor == "sqlite"
                    retries.append(attempt)
        finally:
            connection.close()

    threads = [threading.Thread(target=report, args=(p, 500 + n)) for n, p in enumerate(people)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["stored"] + ["told"] * 19
    assert Observation.objects.filter(target=target, period="2024-06").count() == 1
    if connection.vendor == "postgresql":
        assert retries == []  # the row lock made everyone wait their turn; nobody saw an error


def test_it_replaces_a_resubmitted_pending_figure_and_keeps_both_in_the_history(plan: Plan, liaison: User) -> None:
    first = _submit(plan, "1.1.1", 300, liaison)
    second = _submit(plan, "1.1.1", 320, liaison, seen=first.pk)
    first.refresh_from_db()
    assert (first.status, second.status) == (S.REPLACED, S.SUBMITTED)
    assert Observation.objects.filter(target__code="1.1.1", status=S.SUBMITTED).count() == 1
    assert [h.status for h in first.history.order_by("history_id")] == [S.SUBMITTED, S.REPLACED]
    assert first.history.latest().history_user == liaison
    page = client_for(liaison).get(reverse("report", args=[plan.slug]) + "?period=2024-06").content.decode()
    assert "本期待审核 320" in page


def test_it_lets_a_liaison_withdraw_only_their_own_pending_figure(plan: Plan, liaison: User) -> None:
    colleague = add_user("carol", "correct-horse-battery", Role.LIAISON, "市发改委")
    mine = _submit(plan, "1.1.1", 300, liaison)
    url = reverse("withdraw", args=[plan.slug, mine.pk])
    client_for(colleague).post(url)  # type: ignore[arg-type]
    mine.refresh_from_db()
    assert mine.status == S.SUBMITTED
    client_for(liaison).post(url)
    mine.refresh_from_db()
    assert mine.status == S.WITHDRAWN
    assert mine.history.latest().history_user == liaison


def test_it_never_tells_a_reviewer_returned_when_another_approved_first(plan: Plan, liaison: User,
                                                                       office: User) -> None:
    pending = _submit(plan, "1.1.1", 300, liaison)
    stale = Observation.objects.select_related("target").get(pk=pending.pk)  # the second reviewer's page
    colleague = add_user("erin", "correct-horse-battery", Role.OFFICE)
    workflow.approve(pending, office)
    with pytest.raises(workflow.AlreadyReviewed, match="已审核"):
        workflow.send_back(stale, colleague, "数字不对")  # type: ignore[arg-type]
    pending.refresh_from_db()
    assert pending.status == S.APPROVED and pending.reviewed_by == office


def test_it_locks_an_approved_period_for_liaisons_and_lets_the_office_correct_it(plan: Plan, liaison: User,
                                                                                office: User) -> None:
    workflow.approve(_submit(plan, "1.1.1", 300, liaison), office)
    with pytest.raises(workflow.Locked, match="已锁定"):
        _submit(plan, "1.1.1", 350, liaison, seen=Observation.objects.get().pk)
    page = _report(client_for(liaison), plan, {"value-1.1.1": "450"}).content.decode()
    assert "已锁定" in page and Observation.objects.count() == 1
    correction = _submit(plan, "1.1.1", 310, office, seen=Observation.objects.get().pk)
    assert correction.status == S.SUBMITTED


def test_it_keeps_an_office_user_from_approving_their_own_figure_unless_allowed(plan: Plan, office: User,
                                                                               settings) -> None:  # type: ignore[no-untyped-def]
    own = _submit(plan, "1.1.1", 300, office)
    with pytest.raises(workflow.NotAllowed, match="职责分离"):
        workflow.approve(own, office)
    response = client_for(office).post(reverse("approvals", args=[plan.slug]),
                                       {"action": "approve", "observation": own.pk}, follow=True)
    assert "职责分离" in response.content.decode()
    own.refresh_from_db()
    assert own.status == S.SUBMITTED
    settings.SELF_APPROVAL = True
    assert workflow.approve(own, office).status == S.APPROVED


def test_it_approves_a_batch_of_all_that_pass_checks_or_the_ticked_ones(plan: Plan, liaison: User,
                                                                       other_liaison: User, office: User) -> None:
    clean = [_submit(plan, code, value, liaison) for code, value in (("1.1.1", 450), ("1.1.3", 60), ("2.1.1", 7))]
    doubtful = _submit(plan, "1.2.1", 7, other_liaison, period="2024-05")
    own = _submit(plan, "1.2.2", 260, office)
    client = client_for(office)
    page = client.get(reverse("approvals", args=[plan.slug])).content.decode()
    assert "通过全部无疑问的（4条）" in page and "本人报送，须由他人审核" in page
    client.post(reverse("approvals", args=[plan.slug]), {"action": "approve-clean"})
    assert {o.pk for o in Observation.objects.filter(status=S.APPROVED)} == {o.pk for o in [*clean, doubtful]}
    response = client.post(reverse("approvals", args=[plan.slug]),
                           {"action": "approve-checked", "chosen": [own.pk]}, follow=True)
    assert "本人报送" in response.content.decode()
    own.refresh_from_db()
    assert own.status == S.SUBMITTED


def test_it_returns_a_figure_only_with_a_reason(plan: Plan, liaison: User, office: User) -> None:
    pending = _submit(plan, "1.1.1", 300, liaison)
    with pytest.raises(workflow.Invalid, match="理由"):
        workflow.send_back(pending, office, "   ")
    workflow.send_back(pending, office, "口径不对，请按统计局公布数")
    pending.refresh_from_db()
    assert (pending.status, pending.review_note, pending.reviewed_by) == (S.RETURNED, "口径不对，请按统计局公布数",
                                                                         office)
    assert pending.history.latest().history_change_reason == "口径不对，请按统计局公布数"


def test_it_keeps_every_state_of_a_figure_with_who_and_when_through_the_pages(plan: Plan, liaison: User,
                                                                              office: User) -> None:
    """Review events had no history: submitted, returned, resubmitted and approved, each a record naming its person."""
    _report(client_for(liaison), plan, {"value-1.1.1": "450"})
    first = Observation.objects.get()
    approvals = reverse("approvals", args=[plan.slug])
    client_for(office).post(approvals, {"action": "return", "observation": first.pk, "reason": "口径不对"})
    _report(client_for(liaison), plan, {"value-1.1.1": "460", "seen-1.1.1": str(first.pk)})
    second = Observation.objects.exclude(pk=first.pk).get()
    client_for(office).post(approvals, {"action": "approve", "observation": second.pk})
    said = [(h.status, h.history_user, h.history_change_reason or "")
            for o in (first, second) for h in o.history.order_by("history_date", "history_id")]
    assert said == [(S.SUBMITTED, liaison, ""), (S.RETURNED, office, "口径不对"),
                    (S.SUBMITTED, liaison, ""), (S.APPROVED, office, "审核通过")]
    assert all(h.history_date is not None for o in (first, second) for h in o.history.all())


def test_it_records_who_changed_an_assignment(plan: Plan, office: User) -> None:
    assignment = Assignment.objects.filter(target__code="1.1.1").first()
    assert assignment is not None
    assignment.unit = Unit.objects.get(name__contains="商务局")
    assignment._history_user = office  # type: ignore[attr-defined]
    assignment.save()
    assert assignment.history.latest().history_user == office
    assert assignment.history.count() >= 1


def test_it_never_deletes_a_target_with_figures_waiting_for_approval(plan: Plan, liaison: User) -> None:
    _submit(plan, "1.1.3", 40, liaison)
    with pytest.raises(ReviewProblem, match="待审核"):
        delete_target(_target(plan, "1.1.3"), "重复")
    assert Observation.objects.filter(target__code="1.1.3", status=S.SUBMITTED).count() == 1


def test_it_says_what_a_merge_does_to_the_monthly_figures(plan: Plan, liaison: User, office: User) -> None:
    keep, drop = _target(plan, "1.1.1"), _target(plan, "1.1.3")
    workflow.approve(_submit(plan, "1.1.1", 450, liaison), office)
    workflow.approve(_submit(plan, "1.1.3", 20, liaison), office)
    workflow.approve(_submit(plan, "1.1.3", 30, liaison, period="2024-05"), office)
    merged = merge_targets(keep, drop, "同一指标", office)
    words = str(merged)
    assert "移入 2 个数值" in words and "2024-06 两者都有审核通过的数值，以保留目标的为准" in words
    assert "状态" in words
    moved = Observation.objects.get(value=20)
    assert moved.target == keep and moved.status == S.REPLACED
    [row] = assess_plan(plan, parse_period("2024-06").end, [keep])
    assert row.assessment.actual == 450


def test_it_shows_a_javascript_source_as_text_and_the_approvals_page_shows_sources(plan: Plan, liaison: User,
                                                                                  office: User) -> None:
    attack = "javascript:fetch('/plans/jiangcheng-2024/approvals/',{method:'POST'})"
    _report(client_for(liaison), plan, {"value-1.1.1": "450", "source-1.1.1": attack})
    honest = "https://tjj.jiangcheng.gov.cn/2024-06.html"
    _report(client_for(liaison), plan, {"value-1.1.3": "60", "source-1.1.3": honest})
    page = client_for(office).get(reverse("approvals", args=[plan.slug])).content.decode()
    assert "javascript:fetch" in page and 'href="javascript' not in page
    assert f'href="{honest}"' in page
    for o in Observation.objects.all():
        workflow.approve(o, office)
    target_page = client_for(office).get(reverse("target", args=[plan.slug, "1.1.1"])).content.decode()
    assert "javascript:fetch" in target_page and 'href="javascript' not in target_page
    _report(client_for(liaison), plan, {"value-1.1.1": "900", "source-1.1.1": attack}, period="2024")
    workflow.approve(Observation.objects.get(period="2024"), office)
    evaluation = client_for(office).get(reverse("evaluation", args=[plan.slug])).content.decode()
    assert "javascript:fetch" in evaluation and 'href="javascript' not in evaluation  # the year's verdict cites it


@pytest.mark.parametrize(("typed", "stored"), [("2024q2", "2024Q2"), ("2024-6", "2024-06"), ("2024 h1", "2024H1")])
def test_it_stores_every_period_in_one_form(plan: Plan, liaison: User, typed: str, stored: str) -> None:
    _report(client_for(liaison), plan, {"value-1.1.1": "450"}, period=typed)
    assert list(Observation.objects.values_list("period", flat=True)) == [stored]


def test_it_refuses_a_period_of_another_year_instead_of_moving_it(plan: Plan, liaison: User) -> None:
    page = _report(client_for(liaison), plan, {"value-1.1.1": "450"}, period="2023-06").content.decode()
    assert "2023-06 不在计划年度 2024 年内" in page and "没有保存任何数值" in page
    assert not Observation.objects.exists()


@pytest.mark.parametrize(("code", "typed", "why"), [
    ("1.1.1", "inf", "不是有限的数值"), ("1.1.1", "-inf", "不是有限的数值"), ("1.1.1", "nan", "不是有限的数值"),
    ("1.1.1", "1e308", "超出了任何统计数的范围"),
    ("1.1.2", "-150", "低于 −100%"), ("2.1.2", "1.5", "节点类目标只能填 1"), ("2.1.2", "2", "节点类目标只能填 1"),
    ("1.1.1", "约500", "不是数字"),
])
def test_it_refuses_impossible_figures_with_the_reason(plan: Plan, liaison: User, code: str, typed: str,
                                                      why: str) -> None:
    response = _report(client_for(liaison), plan, {f"value-{code}": typed})
    assert response.status_code == 200 and why in response.content.decode()
    assert not Observation.objects.exists()


def test_it_refuses_a_negative_share(plan: Plan, liaison: User) -> None:
    with pytest.raises(workflow.Invalid, match="比率或占比不能为负数"):
        _submit(plan, "0.0.2", -3, liaison)


def test_it_takes_the_compared_figure_so_a_relation_target_stays_behind_not_no_data(plan: Plan, office: User,
                                                                                    liaison: User) -> None:
    section = plan.sections.get(ordinal=0)
    relation = add_target(plan, section, None, "原文有此目标", indicator_text="主要经济指标增幅", kind="relation",
                          comparator=">", condition="高于全省平均水平", unit="%")
    form = client_for(office).get(reverse("report", args=[plan.slug]) + "?period=2024-06").content.decode()
    assert f'name="reference-{relation.code}"' in form
    page = _report(client_for(office), plan, {f"value-{relation.code}": "5.1"}).content.decode()
    assert "请填对照数" in page and not Observation.objects.exists()
    _report(client_for(office), plan, {f"value-{relation.code}": "3.0", f"reference-{relation.code}": "6.0",
                                       f"problems-{relation.code}": "工业拖累", f"next-{relation.code}": "抓项目"})
    figure = Observation.objects.get()
    assert figure.reference == 6.0
    workflow.approve(figure, add_user("erin", "correct-horse-battery", Role.OFFICE))  # type: ignore[arg-type]
    [row] = assess_plan(plan, parse_period("2024-06").end, [relation])
    assert row.assessment.status == Status.BEHIND


def test_it_asks_a_lagging_figure_for_its_problems_and_next_steps(plan: Plan, liaison: User, office: User) -> None:
    client = client_for(liaison)
    page = _report(client, plan, {"value-1.1.1": "100"}).content.decode()  # 100 of 800 by June: 滞后
    assert "使目标滞后于序时进度：请写明存在问题和下一步措施" in page and not Observation.objects.exists()
    _report(client, plan, {"value-1.1.1": "100", "problems-1.1.1": "两个大项目延期开工",
                           "next-1.1.1": "七月底前开工"})
    figure = Observation.objects.get()
    assert (figure.problems, figure.next_steps) == ("两个大项目延期开工", "七月底前开工")
    approvals = client_for(office).get(reverse("approvals", args=[plan.slug])).content.decode()
    assert "两个大项目延期开工" in approvals and "七月底前开工" in approvals
    workflow.approve(figure, office)
    target_page = client_for(office).get(reverse("target", args=[plan.slug, "1.1.1"])).content.decode()
    assert "两个大项目延期开工" in target_page and "计入" in target_page


def test_it_asks_once_when_a_figure_is_slightly_behind_and_takes_it_the_second_time(plan: Plan,
                                                                                    liaison: User) -> None:
    client = client_for(liaison)
    first = _report(client, plan, {"value-1.1.2": "7.8"}).content.decode()  # 8% or more wanted: 略低
    assert "略低于序时进度" in first and 'name="asked-1.1.2" value="1"' in first
    assert not Observation.objects.exists()
    _report(client, plan, {"value-1.1.2": "7.8", "asked-1.1.2": "1"})
    assert Observation.objects.get().value == 7.8
