"""The report as a document in a real browser: every target visible in its own status colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from tests.factories import imported_report

pytestmark = pytest.mark.django_db(transaction=True)
COLOURS = {"on_track": "--green", "behind": "--red", "at_risk": "--yellow", "no_data": "--grey",
           "not_due": "--grey", "achieved": "--blue", "missed": "--red"}


def test_the_office_sees_both_targets_of_one_phrase_each_in_its_colour(
        page: Page, live_server, seed_text: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    plan: Plan = imported_report(seed_text, region="金华市", year=2024, slug="jinhua-2024").plan
    for code in ("1.1.4", "1.1.5"):  # 制造业投资、高新技术产业投资分别增长10%、20%以上, both at 15%
        Observation.objects.create(target=plan.targets.get(code=code), period="2024-05", value=15)
    add_user("alice", "correct-horse-battery", Role.OFFICE)
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("用户名").fill("alice")
    page.get_by_label("密码").fill("correct-horse-battery")
    page.get_by_role("button", name="登录").click()
    page.goto(f"{live_server.url}/plans/{plan.slug}/document/?on=2024-06-30")
    twins = page.locator('span.mark[data-code="1.1.4"]')
    inner = twins.locator("a.mark")
    expect(inner).to_have_attribute("href", f"/plans/{plan.slug}/targets/1.1.5/")
    expect(twins).to_be_visible()
    expect(inner).to_be_visible()

    def underline(locator) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        """The colour the mark is underlined in, and the one its status stands for."""
        return locator.evaluate("""e => {
            const status = [...e.classList].find(c => c !== 'mark');
            const probe = document.createElement('i');
            probe.style.color = `var(${arguments_colours[status]})`;
            document.body.append(probe);
            const wanted = getComputedStyle(probe).color;
            probe.remove();
            return [getComputedStyle(e).borderBottomColor, wanted];
        }""".replace("arguments_colours", str(COLOURS)))

    outer_drawn, outer_wanted = underline(twins)
    inner_drawn, inner_wanted = underline(inner)
    assert outer_drawn == outer_wanted and inner_drawn == inner_wanted
    assert outer_drawn != inner_drawn  # 1.1.4 on track, 1.1.5 not: two colours, not one
    marked = page.evaluate("""() => new Set([...document.querySelectorAll('article.document .mark')].map(
        e => e.dataset.code || e.getAttribute('href').split('/').at(-2))).size""")
    assert marked == plan.targets.count()  # every target of the report has its highlight
    twins.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "document-twins.png"))
