"""The demo as `make demo` serves it: `luoshi serve` (gunicorn, DEBUG off) over a database of its own —
PostgreSQL when the suite runs on PostgreSQL — driven in Chromium like a user."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.serving import luoshi, production_env, production_server, server_database


def test_the_production_server_serves_the_demo_to_the_office_and_a_liaison(
        page: Page, tmp_path: Path, shots: Path) -> None:
    page.set_default_timeout(120_000)  # a cold server on a busy machine: workers start, the first view assesses
    expect.set_options(timeout=60_000)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    with server_database(tmp_path) as database:
        env = production_env(tmp_path, database)
        made = luoshi("demo", "--seed", str(tmp_path / "no-report-text.txt"), env=env)  # the shipped facts
        assert made.returncode == 0, made.stderr
        with production_server(env, "--workers", "2", "--threads", "2") as (server, process):
            page.goto(f"{server}/plans/jinhua-2024/")
            expect(page).to_have_url(f"{server}/login/?next=/plans/jinhua-2024/")
            sheet = page.locator("link[rel=stylesheet]").get_attribute("href") or ""
            assert sheet.startswith("/static/luoshi/css/luoshi.") and sheet != "/static/luoshi/css/luoshi.css"
            expect(page.locator("header.top")).to_have_css("background-color", "rgb(180, 35, 24)")  # styled
            page.get_by_label("用户名").fill("office")
            page.get_by_label("密码").fill("luoshi-demo")
            page.get_by_role("button", name="登录").click()
            expect(page).to_have_url(f"{server}/plans/jinhua-2024/")
            expect(page.locator(".plan-name")).to_contain_text("金华")
            page.screenshot(path=str(shots / "production-dashboard.png"), full_page=True)
            page.locator("a[href*='/targets/0.0.1/']").first.click()
            expect(page.locator("figure.chart svg")).to_have_count(1)

            page.goto(f"{server}/no/such/page/")
            expect(page.locator("h1")).to_have_text("页面不存在")
            expect(page.get_by_role("link", name="回到首页")).to_be_visible()
            expect(page.locator("body")).not_to_contain_text("URLconf")

            page.context.clear_cookies()
            page.goto(f"{server}/login/")
            page.get_by_label("用户名").fill("fagai")
            page.get_by_label("密码").fill("luoshi-demo")
            page.get_by_role("button", name="登录").click()
            page.get_by_role("link", name="报送", exact=True).click()
            expect(page.locator("h1")).to_contain_text("报送")
            page.screenshot(path=str(shots / "production-report.png"), full_page=True)
        log = process.stdout.read() if process.stdout else ""
    assert refused == []
    assert '"POST /login/ HTTP/1.1" 302' in log and '"GET /no/such/page/ HTTP/1.1" 404' in log
    assert "login ok: fagai from 127.0.0.1" in log
