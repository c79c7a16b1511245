"""The office reads the 2024 results out of the 2025 report; a leader compares 2023, 2024 and 2025."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.demo.units import ensure_units, fallback
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.outcomes.models import Outcome
from luoshi.plans.importing import import_document
from luoshi.units.assigning import assign_by_keywords
from tests.browser.helpers import log_in
from tests.conftest import SEED, SHARED, require
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
JINHUA = SHARED / "corpus" / "jinhua"


@pytest.fixture
def jinhua(transactional_db: None, settings) -> Path:  # type: ignore[no-untyped-def]
    """Jinhua's 2023, 2024 and 2025 plans from their reports; the path of the 2025 report."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_units()
    for year, path in ((2023, JINHUA / "jinhua-2023.txt"), (2024, SEED), (2025, JINHUA / "jinhua-2025.txt")):
        text = require(path).read_text(encoding="utf-8")
        plan = import_document(document(extract_plan(text)), text=text, region="金华市", year=year,
                               slug=f"jinhua-{year}").plan
        assign_by_keywords(plan, fallback=fallback())
    add_user("alice", PASSWORD, Role.OFFICE)
    add_user("bob", PASSWORD, Role.LEADER)
    return JINHUA / "jinhua-2025.txt"


def test_the_office_confirms_two_results_and_rejects_one_and_a_leader_compares_the_years(
        page: Page, live_server, jinhua: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    server = live_server.url
    log_in(page, server, "alice")
    page.goto(f"{server}/plans/jinhua-2024/outcomes/")
    page.set_input_files("input[type=file]", str(jinhua))
    page.locator("input[name=title]").fill("金华市2025年政府工作报告")
    page.get_by_role("button", name="读取结果").click()
    expect(page.locator("h1")).to_have_text("核对报告陈述的结果")
    gdp = page.locator("tr.same").filter(has_text="地区生产总值增长6%左右")
    expect(gdp).to_contain_text("全市地区生产总值6925.5亿元、增长6.3%")  # the promise and the result side by side
    exports = page.locator("tr.same").filter(has_text="外贸出口突破7000亿元")
    investment = page.locator("tr.same").filter(has_text="固定资产投资增长10%以上")
    gdp.locator("input[value=confirm]").check()
    exports.locator("input[value=confirm]").check()
    investment.locator("input[value=reject]").check()
    page.screenshot(path=str(shots / "outcomes-proposals.png"), full_page=False)
    page.get_by_role("button", name="记录所选决定").click()
    expect(page.locator(".messages")).to_contain_text("已确认2条，否决1条")
    assert sorted(Outcome.objects.confirmed().values_list("target__code", flat=True)) == ["0.0.1", "1.3.3"]

    page.goto(f"{server}/plans/jinhua-2024/evaluation/")
    row = page.locator("#e-0\\.0\\.1")
    expect(row).to_contain_text("已完成")
    expect(row).to_contain_text("金华市2025年政府工作报告「全市地区生产总值6925.5亿元、增长6.3%」")
    expect(page.locator("#e-1\\.3\\.3")).to_contain_text("「其中外贸出口7719.2亿元」")
    expect(page.locator("#e-1\\.1\\.3")).to_have_count(0)  # rejected: not judged on the report
    page.screenshot(path=str(shots / "evaluation-outcomes.png"), full_page=True)

    page.goto(f"{server}/plans/jinhua-2024/targets/1.3.3/")
    expect(page.locator(".beside")).to_contain_text("其中外贸出口7719.2亿元")
    page.screenshot(path=str(shots / "target-beside.png"), full_page=False)

    log_in(page, server, "bob")
    page.goto(f"{server}/compare/?plans=jinhua-2023,jinhua-2024,jinhua-2025")
    line = page.locator("tr[data-indicator='地区生产总值'][data-kind='growth']")
    expect(line.locator("td")).to_have_count(5)
    cells = line.locator("td")
    expect(cells.nth(1)).to_contain_text("地区生产总值增长6%左右")
    expect(cells.nth(2)).to_contain_text("地区生产总值增长6%左右")
    expect(cells.nth(2)).to_contain_text("6.3%")
    expect(cells.nth(2)).to_contain_text("已完成")
    expect(cells.nth(3)).to_contain_text("地区生产总值增长6%以上")
    expect(line.locator("svg circle.dot")).to_have_count(1)
    expect(line.locator("svg rect.target-dot")).to_have_count(3)
    line.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "compare-years.png"), full_page=True)
