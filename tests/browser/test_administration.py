"""A city that is not Jinhua set up from the browser by its office: a unit, its liaison, the report,
one assignment; then the liaison sees just that target."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.plans.models import Plan
from luoshi.units.models import Assignment, Unit

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct-horse-battery"
LIAISON_PASSWORD = "shanchuan-green-river-2025"

# Written for this test: a small report of an invented city, in the genre's usual words.
REPORT = """山川市2025年政府工作报告

2025年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右,城镇调查失业率控制在5.5%以内,居民人均可支配收入增长与经济增长基本同步。

(一)稳住经济增长基本盘

抓实项目投资。全年固定资产投资增长6%以上,新开工5000万元以上项目120个。

激活消费市场。社会消费品零售总额增长5%,新增限额以上商贸企业150家。

(二)守护青山绿水

打好蓝天碧水保卫战。细颗粒物(PM2.5)平均浓度控制在28微克/立方米以内,空气质量优良天数比例达到92%以上,新建城镇污水管网60公里。

推进绿色转型。单位地区生产总值能耗下降3%,新增光伏装机容量20万千瓦。
"""


@pytest.fixture
def office(transactional_db: None, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    add_user("alice", PASSWORD, Role.OFFICE)


def log_in(page: Page, server: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_the_office_sets_up_a_new_city_and_its_liaison_sees_just_their_target(
        page: Page, live_server, office: None, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    server = live_server.url
    log_in(page, server, "alice", PASSWORD)
    expect(page.get_by_role("link", name="上传报告")).to_be_visible()  # a new city: no plan yet
    page.get_by_role("link", name="管理").click()

    page.get_by_role("link", name="单位", exact=True).click()
    page.get_by_label("名称").fill("山川市生态环境局")
    page.get_by_label("简称").fill("市生态环境局")
    page.get_by_label("牵头关键词").fill("细颗粒物、空气质量、污水")
    page.get_by_role("button", name="新建", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已新建单位 山川市生态环境局")
    expect(page.locator("table.lines")).to_contain_text("细颗粒物、空气质量、污水")
    page.screenshot(path=str(shots / "manage-units.png"), full_page=True)

    page.get_by_role("link", name="用户", exact=True).click()
    page.get_by_label("用户名").fill("lin")
    page.get_by_label("角色").select_option(label="单位联络员")
    page.get_by_label("所属单位（联络员必填）").select_option(label="市生态环境局")
    page.locator("#id_password1").fill(LIAISON_PASSWORD)
    page.get_by_label("再输一次密码").fill(LIAISON_PASSWORD)
    page.get_by_role("button", name="新建", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("已新建用户 lin（单位联络员）")
    page.screenshot(path=str(shots / "manage-users.png"), full_page=True)

    report = tmp_path / "山川市2025年政府工作报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    page.get_by_role("link", name="计划和版本").click()
    page.get_by_label("报告文件（.docx .pdf .txt .html）").set_input_files(str(report))
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator("h1")).to_contain_text("山川市2025年政府工作报告")
    expect(page.locator(".facts")).to_contain_text("shanchuan-2025")
    expect(page.locator("table.lines tbody tr")).to_have_count(12)
    expect(page.locator(".outline")).to_contain_text("打好蓝天碧水保卫战")
    assert not Plan.objects.exists()  # nothing stored before the office confirms
    page.screenshot(path=str(shots / "manage-preview.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 376  # a wide table scrolls in its card
    expect(page.get_by_role("button", name="确认导入")).to_be_visible()
    page.screenshot(path=str(shots / "manage-preview-375.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".messages")).to_contain_text("已导入第1版（山川市2025年），2个方面，12个目标")

    page.goto(f"{server}/plans/shanchuan-2025/assign/")
    page.get_by_label("选择 2.1.1").check()
    page.locator("select[name=lead]").select_option(label="山川市生态环境局")
    page.get_by_role("button", name="设为勾选任务和目标的单位").click()
    expect(page.locator(".messages")).to_contain_text("已为0项任务、1个目标：牵头单位设为山川市生态环境局")
    unit = Unit.objects.get(name="山川市生态环境局")
    assert [a.target.code for a in Assignment.objects.filter(unit=unit)] == ["2.1.1"]
    page.screenshot(path=str(shots / "manage-assign.png"), full_page=True)

    log_in(page, server, "lin", LIAISON_PASSWORD)
    page.screenshot(path=str(shots / "manage-liaison-landing.png"), full_page=True)
    page.get_by_role("link", name="总览").click()
    expect(page.locator("h1")).to_contain_text("山川市2025年政府工作报告")
    rows = page.locator("section.card", has=page.get_by_role("heading", name="全部目标")).locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("细颗粒物(PM2.5)平均浓度控制在28微克/立方米以内")
    expect(page.get_by_role("link", name="管理")).to_have_count(0)
    page.screenshot(path=str(shots / "manage-liaison.png"), full_page=True)
    assert page.goto(f"{server}/plans/shanchuan-2025/targets/1.1.1/").status == 403  # type: ignore[union-attr]
    assert page.goto(f"{server}/manage/users/").status == 403  # type: ignore[union-attr]
