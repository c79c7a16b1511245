"""What every browser journey does: sign in through the login form, as a person would."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.world import PASSWORD


def log_in(page: Page, server: str, username: str, password: str = PASSWORD) -> None:
    """Sign in as ``username`` on a fresh session (the cookies of whoever was signed in are dropped)."""
    page.context.clear_cookies()
    page.goto(f"{server}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
