"""What the office, a liaison and a leader do every day, in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.demo.units import ensure_units, fallback
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.progress.sheets import template
from luoshi.units.assigning import assign_by_keywords
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
    add_user("bob", PASSWORD, Role.LEADER)
    return plan


def log_in(page: Page, server: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_a_liaison_reports_a_figure_and_the_office_approves_it(
        page: Page, live_server, plan: Plan, shots: Path) -> None:  # type: ignore[no-untyped-def]
    server = live_server.url
    log_in(page, server, "charlie")
    page.goto(f"{server}/plans/{plan.slug}/report/?period=2024-06")
    card = page.locator("#t-1\\.1\\.1")
    expect(card).to_contain_text("无数据")
    card.get_by_label("1.1.1 数值").fill("520")
    page.get_by_role("button", name="提交报送").click()
    expect(page.locator(".messages")).to_contain_text("已报送1条，等待督查室审核")
    expect(page.locator("#t-1\\.1\\.1")).to_contain_text("按报送数：达到序时进度")
    page.screenshot(path=str(shots / "report-liaison.png"), full_page=True)

    log_in(page, server, "alice")
    page.goto(f"{server}/plans/{plan.slug}/approvals/")
    page.screenshot(path=str(shots / "approvals.png"), full_page=True)
    page.get_by_role("button", name="通过").click()
    expect(page.locator(".messages")).to_contain_text("1.1.1 2024-06：已审核")
    assert Observation.objects.get().status == "approved"

    page.goto(f"{server}/plans/{plan.slug}/targets/1.1.1/?on=2024-06-30")
    expect(page.locator(".verdict")).to_contain_text("达到序时进度")
    expect(page.locator("figure.chart svg polyline.actual")).to_have_count(1)
    page.screenshot(path=str(shots / "target.png"), full_page=True)


def test_an_upload_with_a_bad_cell_is_refused_with_the_cell_named(
        page: Page, live_server, plan: Plan, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    book = template(plan, "2024-06")
    sheet = book["进度数据"]
    sheet["E4"] = "约12亿"
    path = tmp_path / "进度.xlsx"
    book.save(path)
    assert load_workbook(path)["进度数据"]["E4"].value == "约12亿"
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/plans/{plan.slug}/report/upload/")
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="检查").click()
    expect(page.locator(".problems")).to_contain_text("E4: 数值“约12亿”不是数字")
    expect(page.locator("h2")).to_contain_text("没有保存任何数据")
    assert Observation.objects.count() == 0
    page.screenshot(path=str(shots / "upload-problem.png"), full_page=True)


def test_the_leader_reads_the_dashboard_on_a_laptop_and_on_a_phone(
        page: Page, live_server, plan: Plan, shots: Path) -> None:  # type: ignore[no-untyped-def]
    target = plan.targets.get(code="1.1.1")
    Observation.objects.create(target=target, period="2024-06", value=300)
    log_in(page, live_server.url, "bob")
    page.goto(f"{live_server.url}/plans/{plan.slug}/?on=2024-06-30")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".tiles")).to_contain_text("个目标")
    expect(page.get_by_role("link", name="报送", exact=True)).to_have_count(0)  # leaders only read
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/plans/{plan.slug}/?on=2024-06-30")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1, f"the page is {width}px wide on a 375px phone"
    page.screenshot(path=str(shots / "dashboard-375.png"), full_page=True)
    page.goto(f"{live_server.url}/plans/{plan.slug}/document/")
    expect(page.locator("article.document a.mark").first).to_be_visible()
    page.screenshot(path=str(shots / "document-375.png"), full_page=True)


def test_a_phone_keeps_the_status_column_and_paper_keeps_the_colours(
        page: Page, live_server, plan: Plan, shots: Path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PUBLIC_PORTAL = True
    target = plan.targets.get(code="1.1.1")
    unit = target.assignments.get(role="lead").unit
    Observation.objects.create(target=target, period="2024-06", value=100, status="approved")
    page.set_viewport_size({"width": 375, "height": 800})
    server = live_server.url
    page.goto(f"{server}/public/{plan.slug}/?on=2024-06-30")
    expect(page.locator("table.lines tbody tr").first.locator(".status")).to_be_visible()
    page.screenshot(path=str(shots / "public-375.png"), full_page=True)
    log_in(page, server, "alice")
    checks = {f"/plans/{plan.slug}/targets/1.1.1/?on=2024-06-30": "报送记录",
              f"/plans/{plan.slug}/units/{unit.pk}/?on=2024-06-30": "本期报送情况"}
    for url, heading in checks.items():
        page.goto(server + url)
        card = page.locator("section.card", has=page.get_by_role("heading", name=heading))
        status = card.locator("thead th", has_text="状态")
        expect(status).to_be_visible()
        box = status.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 375, f"{url}: 状态 is off the screen"
        assert page.evaluate("document.documentElement.scrollWidth") <= 376
    page.screenshot(path=str(shots / "unit-375.png"), full_page=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/plans/{plan.slug}/?on=2024-06-30")
    page.emulate_media(media="print")
    light = page.locator(".lines .light.red, .lines .light.yellow, .lines .light.green").first
    assert light.evaluate("e => getComputedStyle(e).printColorAdjust") == "exact"
    assert light.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(shots / "dashboard-print.png"), full_page=True)
