"""The inbox, the 催报 list, the calendar's settings and the reminder choice, as each role sees them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.deadlines.models import Contact, ReportingRule
from luoshi.plans.models import Plan, Target
from luoshi.units.models import Unit
from tests.deadlines.helpers import reported
from tests.world import client_for

pytestmark = pytest.mark.django_db
ON = "?on=2024-04-08"  # March is due on the 10th: due soon; January and February overdue where missing


def some_reports(plan: Plan, liaison: User) -> None:
    reported(plan, "1.1.1", "2024-01", date(2024, 2, 5))
    reported(plan, "1.1.1", "2024-02", date(2024, 3, 5), status="returned", decided=date(2024, 3, 6),
             review_note="口径应为全社会固定资产投资，请核对", value=250, reported_by=liaison)
    reported(plan, "1.1.2", "2024-01", date(2024, 2, 5))
    reported(plan, "1.1.2", "2024-02", date(2024, 3, 9))
    reported(plan, "1.1.2", "2024-03", date(2024, 4, 2), status="submitted", value=9.5, reported_by=liaison)


@pytest.mark.parametrize(("page", "expected"), [
    ("inbox", (200, 302, 200, 200)), ("chase", (200, 403, 403, 403)), ("chase-xlsx", (200, 403, 403, 403)),
    ("calendar", (200, 403, 403, 403))])
def test_it_lets_each_role_reach_only_its_pages(page: str, expected: tuple[int, ...], plan: Plan, office: User,
                                                leader: User, liaison: User, other_liaison: User) -> None:
    url = reverse(page, args=[plan.slug]) + ON
    assert tuple(client_for(u).get(url).status_code for u in (office, leader, liaison, other_liaison)) == expected


def test_it_lands_a_liaison_on_their_inbox(plan: Plan, liaison: User, office: User) -> None:
    assert client_for(liaison).get("/")["Location"] == reverse("inbox", args=[plan.slug])
    assert client_for(office).get("/")["Location"] == reverse("dashboard", args=[plan.slug])


def test_it_puts_a_returned_figure_first_with_its_reason_and_a_link_to_the_form(
        plan: Plan, liaison: User) -> None:
    some_reports(plan, liaison)
    page = client_for(liaison).get(reverse("inbox", args=[plan.slug]) + ON)
    box = page.context["box"]
    assert [(r.item.code, r.item.period, r.figure.review_note) for r in box.returned] == [
        ("1.1.1", "2024-02", "口径应为全社会固定资产投资，请核对")]
    html = page.content.decode()
    assert html.index("退回理由") < html.index("已逾期") < html.index("即将到期") < html.index("等待审核")
    assert "/report/?period=2024-02#t-1.1.1" in html
    overdue = {(i.code, i.period) for i in box.overdue}
    assert ("1.1.3", "2024-01") in overdue and ("1.1.1", "2024-02") not in overdue  # returned is listed once
    assert ("1.1.1", "2024-03") in {(i.code, i.period) for i in box.due_soon}
    assert [(w.figure.target.code, w.counted) for w in box.waiting] == [("1.1.2", None)]
    assert "审核通过前不计入进度" in html
    assert not any(i.code.startswith("1.2") for i in box.overdue + box.due_soon)  # 市商务局's targets


def test_it_says_which_figure_counts_while_a_correction_waits(plan: Plan, liaison: User) -> None:
    reported(plan, "1.1.2", "2024-01", date(2024, 2, 5), value=8.1)
    reported(plan, "1.1.2", "2024-01", date(2024, 2, 20), status="submitted", value=8.4, reported_by=liaison)
    box = client_for(liaison).get(reverse("inbox", args=[plan.slug]) + ON).context["box"]
    [waiting] = box.waiting
    assert (waiting.figure.value, waiting.counted.value) == (8.4, 8.1)


def test_it_counts_what_needs_me_in_the_header(plan: Plan, liaison: User, office: User, leader: User) -> None:
    some_reports(plan, liaison)
    from luoshi.accounts.access import access_of
    from luoshi.deadlines.inbox import needs_me

    on = date(2024, 4, 8)
    mine = needs_me(plan, access_of(liaison), on)
    box = client_for(liaison).get(reverse("inbox", args=[plan.slug]) + ON).context["box"]
    assert mine == len(box.overdue) + len(box.due_soon) + len(box.returned) > 0
    assert needs_me(plan, access_of(office), on) == 1  # one figure waiting for approval
    assert needs_me(plan, access_of(leader), on) == 0
    html = client_for(office).get(reverse("dashboard", args=[plan.slug])).content.decode()
    assert '<span class="count" title="需要我处理的事项">1</span>' in html


def test_it_lists_who_has_not_reported_what_by_unit_and_exports_it(plan: Plan, office: User, liaison: User) -> None:
    some_reports(plan, liaison)
    client = client_for(office)
    page = client.get(reverse("chase", args=[plan.slug]) + ON)
    groups = {g.unit: g for g in page.context["groups"]}
    assert set(groups) == {"市发改委", "市人力社保局", "市商务局"}
    drc = groups["市发改委"]
    assert drc.liaisons == "charlie"
    rows = {(r.code, r.period): r for r in drc.rows}
    assert rows[("1.1.1", "2024-02")].note == "被退回：口径应为全社会固定资产投资，请核对"
    assert rows[("1.1.3", "2024-01")].days_late == (date(2024, 4, 8) - date(2024, 2, 10)).days == 58
    assert ("1.1.2", "2024-02") not in rows  # reported, late: not to chase
    assert ("0.0.1", "2024Q1") not in rows  # not due until 10 April
    sheet = load_workbook(io.BytesIO(client.get(reverse("chase-xlsx", args=[plan.slug]) + ON).content)).active
    table = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert len(table) == page.context["total"]
    line = next(r for r in table if r[2] == "1.1.3" and r[4] == "2024-01")
    assert line[0] == "市发改委" and line[6] == 58 and line[7] == "未报"  # days as a number
    assert "data-print" in page.content.decode() and "js/print" in page.content.decode()  # no inline script (CSP)


def test_it_lets_the_office_set_the_calendar(plan: Plan, office: User) -> None:
    client = client_for(office)
    url = reverse("calendar", args=[plan.slug])
    response = client.post(url, {"scope": "plan", "due_day": "40", "frequency": ""})
    assert response.status_code == 200 and "1 到 31" in response.content.decode()
    assert not ReportingRule.objects.exists()
    client.post(url, {"scope": "plan", "due_day": "15", "frequency": ""})
    indicator = plan.targets.get(code="1.2.1").indicator
    client.post(url, {"scope": f"indicator:{indicator.pk}", "frequency": "quarter", "due_day": ""})
    client.post(url, {"scope": "target", "code": "9.9.9", "due_day": "5"})
    assert ReportingRule.objects.count() == 2
    from luoshi.deadlines.items import due_items

    items = {(i.code, i.period): i.due for i in due_items(plan, date(2024, 4, 20))}
    assert items[("1.1.1", "2024-01")] == date(2024, 2, 15)
    assert items[("1.2.1", "2024Q1")] == date(2024, 4, 15) and ("1.2.1", "2024-01") not in items
    page = client.get(url).content.decode()
    assert "整个计划" in page and indicator.name in page


def test_it_lets_a_user_choose_how_to_be_reminded(plan: Plan, liaison: User) -> None:
    client = client_for(liaison)
    url = reverse("contact")
    response = client.post(url, {"channel": "dingtalk", "webhook": "", "email": ""})
    assert "请填写机器人的 Webhook 地址" in response.content.decode() and not Contact.objects.exists()
    client.post(url, {"channel": "email", "email": "charlie@example.gov.cn"})
    liaison.refresh_from_db()
    assert (liaison.contact.channel, liaison.email) == ("email", "charlie@example.gov.cn")


@pytest.mark.parametrize("page", ["inbox", "chase", "dashboard", "unit"])
def test_it_asks_the_database_the_same_number_of_times_however_many_due_items(
        page: str, plan: Plan, office: User, liaison: User) -> None:
    drc = Unit.objects.get(short_name="市发改委")
    url = (reverse("unit", args=[plan.slug, drc.pk]) if page == "unit" else reverse(page, args=[plan.slug])) + ON
    client = client_for(liaison if page == "inbox" else office)
    some_reports(plan, liaison)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    section = plan.sections.get(ordinal=1)
    for n in range(30):
        target = Target.objects.create(plan=plan, section=section, code=f"1.9.{n}", indicator_text=f"投资{n}",
                                       kind="level", comparator="=", value=10, unit="亿元")
        target.assignments.create(unit=drc, role="lead")
        reported(plan, target.code, "2024-01", date(2024, 2, 20))
        reported(plan, target.code, "2024-02", date(2024, 3, 5), status="returned", decided=date(2024, 3, 6),
                 review_note="请核对", reported_by=liaison)
        reported(plan, target.code, "2024-03", date(2024, 4, 1), status="submitted", reported_by=liaison)
    client.get(url)  # worked out once after the change, then reused
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
