"""In a real browser: no page breaks the Content-Security-Policy; one changes one's password and makes a token."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from luoshi.plans.models import Plan
from tests.browser.test_journeys import log_in, plan  # noqa: F401  (the journeys' world)

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_page_breaks_the_content_security_policy(page: Page, live_server, plan: Plan,  # noqa: F811
                                                     shots: Path) -> None:  # type: ignore[no-untyped-def]
    refused: list[str] = []
    page.on("console", lambda m: refused.append(f"{page.url}: {m.text}")
            if "Content Security Policy" in m.text else None)
    server = live_server.url
    log_in(page, server, "alice")
    slug = plan.slug
    for address in ["/", f"/plans/{slug}/", f"/plans/{slug}/document/", f"/plans/{slug}/targets/1.1.1/",
                    f"/plans/{slug}/report/?period=2024-06", f"/plans/{slug}/report/upload/",
                    f"/plans/{slug}/approvals/", f"/plans/{slug}/assign/", f"/plans/{slug}/evaluation/",
                    f"/plans/{slug}/targets/1.1.1/edit/", f"/plans/{slug}/targets/new/", "/compare/",
                    f"/plans/{slug}/inbox/", f"/plans/{slug}/chase/", f"/plans/{slug}/calendar/", "/account/reminders/",
                    "/account/", "/account/password/", "/account/security/", "/no/such/page/", "/api/docs"]:
        response = page.goto(server + address)
        assert response is not None and "Content-Security-Policy" in response.headers | {
            k.title(): v for k, v in response.headers.items()}, address
    assert refused == []
    page.goto(f"{server}/plans/{slug}/")
    bar = page.locator(".stack").first.locator("svg").first
    assert bar.bounding_box()["width"] > 0  # type: ignore[index]  (the bars' widths are attributes, not styles)
    page.screenshot(path=str(shots / "dashboard-under-csp.png"), full_page=True)


def test_one_changes_ones_password_and_makes_a_token(page: Page, live_server, plan: Plan,  # noqa: F811
                                                     shots: Path) -> None:  # type: ignore[no-untyped-def]
    server = live_server.url
    log_in(page, server, "charlie")
    page.get_by_role("link", name="我的账号").click()
    page.get_by_role("link", name="修改密码").click()
    page.get_by_label("旧密码").fill("correct-horse-battery")
    page.get_by_label("新密码", exact=True).fill("12345678")
    page.get_by_label("新密码确认").fill("12345678")
    page.get_by_role("button", name="修改密码").click()
    expect(page.locator(".error").first).to_contain_text("密码太短：至少要有 12 个字符")
    page.screenshot(path=str(shots / "password-refused.png"), full_page=True)
    page.get_by_label("旧密码").fill("correct-horse-battery")
    page.get_by_label("新密码", exact=True).fill("river-lantern-harbour")
    page.get_by_label("新密码确认").fill("river-lantern-harbour")
    page.get_by_role("button", name="修改密码").click()
    expect(page.locator(".messages")).to_contain_text("密码已修改")
    page.get_by_label("用途").fill("统计局自动报送")
    page.get_by_role("button", name="新建令牌").click()
    expect(page.locator(".new-token code")).to_have_count(1)
    expect(page.locator("table.tokens")).to_contain_text("统计局自动报送")
    page.screenshot(path=str(shots / "account-tokens.png"), full_page=True)
