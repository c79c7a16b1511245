"""The month's reporting cycle in a real browser: a returned figure corrected from the inbox, a batch approved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.demo.units import ensure_units, fallback
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.units.assigning import assign_by_keywords
from tests.deadlines.helpers import reported
from tests.factories import imported_report

PASSWORD = "correct-horse-battery"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan(transactional_db: None, settings) -> Plan:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_units()
    plan = imported_report(region="江城市", year=2024, slug="jiangcheng-2024").plan
    assign_by_keywords(plan, fallback=fallback())
    add_user("alice", PASSWORD, Role.OFFICE)
    add_user("charlie", PASSWORD, Role.LIAISON, "市发改委")
    return plan


def log_in(page: Page, server: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_a_liaison_corrects_a_returned_figure_from_the_inbox(
        page: Page, live_server, plan: Plan, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    charlie = User.objects.get(username="charlie")
    reported(plan, "1.1.1", "2024-03", date(2024, 4, 5), status="returned", decided=date(2024, 4, 6),
             review_note="应填1-3月累计数，不是3月当月数", value=90, reported_by=charlie)
    server = live_server.url
    log_in(page, server, "charlie")
    expect(page.locator("h1")).to_contain_text("待办")  # a liaison lands on the inbox
    returned = page.locator("#returned")
    expect(returned).to_contain_text("退回理由：应填1-3月累计数，不是3月当月数")
    expect(page.locator("header .inbox .count")).not_to_have_text("0")
    page.screenshot(path=str(shots / "inbox-returned.png"), full_page=True)

    returned.get_by_role("link", name="修改后重新报送").click()
    expect(page).to_have_url(f"{server}/plans/{plan.slug}/report/?period=2024-03#t-1.1.1")
    page.locator("#t-1\\.1\\.1").get_by_label("1.1.1 数值").fill("260")
    page.get_by_role("button", name="提交报送").click()
    expect(page.locator(".messages")).to_contain_text("已报送1条")

    page.goto(f"{server}/plans/{plan.slug}/inbox/")
    expect(page.locator("#returned")).to_have_count(0)
    waiting = page.locator("#waiting")
    expect(waiting).to_contain_text("1.1.1")
    expect(waiting).to_contain_text("审核通过前不计入进度")
    page.screenshot(path=str(shots / "inbox-resubmitted.png"), full_page=True)
    assert Observation.objects.filter(target__code="1.1.1", period="2024-03", status="submitted").get().value == 260


def test_the_office_reads_the_chase_list_and_downloads_it(
        page: Page, live_server, plan: Plan, shots: Path) -> None:  # type: ignore[no-untyped-def]
    reported(plan, "1.2.1", "2024-01", date(2024, 2, 5))
    server = live_server.url
    log_in(page, server, "alice")
    page.goto(f"{server}/plans/{plan.slug}/chase/?on=2024-03-15")
    units = page.locator("section.chase-unit h2")
    expect(units.first).to_contain_text("市发改委")  # the most figures outstanding first
    commerce = page.locator("section.chase-unit", has_text="市商务局")
    expect(commerce).to_contain_text("1.2.2")
    expect(commerce.locator("tr", has_text="1.2.1")).to_have_count(1)  # January reported; February overdue
    page.screenshot(path=str(shots / "chase.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").click()
    assert download.value.suggested_filename == f"{plan.slug}-20240315-催报.xlsx"
