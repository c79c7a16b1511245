"""The office's administration in the browser: users, units, plans and their versions."""

from __future__ import annotations

import io
import zipfile

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from luoshi.accounts.models import ApiToken, Profile
from luoshi.accounts.tokens import make_token
from luoshi.plans.models import Plan, PlanUpload
from luoshi.units.models import Unit
from tests.factories import SMALL_REPORT
from tests.world import PASSWORD, client_for

GOOD = "a-long-unusual-passphrase-7"


def signs_in(username: str, password: str) -> bool:
    """Through the login form, as a browser does (django-axes needs the request)."""
    return Client().post(reverse("login"), {"username": username, "password": password}).status_code == 302


def test_it_keeps_administration_to_the_office(plan: Plan, leader: User, liaison: User) -> None:
    pages = [reverse("manage-users"), reverse("manage-user", args=[leader.pk]), reverse("manage-units"),
             reverse("manage-unit", args=[Unit.objects.first().pk]), reverse("manage-plans"),  # type: ignore[union-attr]
             reverse("manage-plan-versions", args=[plan.slug])]
    for user in (leader, liaison):
        for url in pages:
            assert client_for(user).get(url).status_code == 403, url
    assert Client().get(pages[0]).status_code == 302  # to the login page


def test_it_lets_the_office_add_a_liaison_for_a_unit(plan: Plan, office: User) -> None:
    client = client_for(office)
    unit = Unit.objects.get(short_name="市商务局")
    page = client.post(reverse("manage-users"), {"username": "erin", "role": "liaison", "password1": GOOD,
                                                 "password2": GOOD}).content.decode()
    assert "联络员必须属于一个单位" in page and not User.objects.filter(username="erin").exists()
    page = client.post(reverse("manage-users"), {"username": "erin", "role": "liaison", "unit": unit.pk,
                                                 "password1": GOOD, "password2": GOOD + "x"}).content.decode()
    assert "两次输入的密码不一致" in page
    response = client.post(reverse("manage-users"), {"username": "erin", "role": "liaison", "unit": unit.pk,
                                                     "password1": GOOD, "password2": GOOD}, follow=True)
    assert "已新建用户 erin（单位联络员）" in response.content.decode()
    assert Profile.objects.get(user__username="erin").unit == unit
    assert signs_in("erin", GOOD)
    again = client.post(reverse("manage-users"), {"username": "erin", "role": "leader", "password1": GOOD,
                                                  "password2": GOOD}).content.decode()
    assert "用户 erin 已经存在" in again


def test_it_resets_a_password_deactivates_an_account_and_revokes_its_tokens(
        plan: Plan, office: User, liaison: User) -> None:
    client = client_for(office)
    url = reverse("manage-user", args=[liaison.pk])
    make_token(liaison, "统计系统对接")
    assert "统计系统对接" in client.get(url).content.decode()
    client.post(url, {"action": "password", "password1": GOOD, "password2": GOOD})
    assert signs_in("charlie", GOOD)
    assert not signs_in("charlie", PASSWORD)
    client.post(url, {"action": "revoke", "token": ApiToken.objects.get().pk})
    assert not ApiToken.objects.exists()
    client.post(url, {"action": "deactivate"})
    assert not signs_in("charlie", GOOD)
    page = client.post(reverse("manage-user", args=[office.pk]), {"action": "deactivate"}, follow=True)
    assert "不能停用自己的账号" in page.content.decode() and User.objects.get(pk=office.pk).is_active


def test_it_adds_nests_and_deactivates_units_with_their_keywords(plan: Plan, office: User) -> None:
    client = client_for(office)
    government = Unit.objects.get(kind="government")
    client.post(reverse("manage-units"), {"action": "add", "name": "江城市数据局", "short_name": "市数据局",
                                          "kind": "department", "parent": government.pk,
                                          "keywords_text": "数据，算力、 数字政府"})
    unit = Unit.objects.get(name="江城市数据局")
    assert (unit.parent, unit.keywords) == (government, ["数据", "算力", "数字政府"])
    edit = reverse("manage-unit", args=[government.pk])
    page = client.post(edit, {"name": government.name, "kind": "government", "parent": unit.pk,
                              "active": "on"}).content.decode()
    assert "errorlist" in page and Unit.objects.get(pk=government.pk).parent is None  # never its own ancestor
    client.post(reverse("manage-unit", args=[unit.pk]), {"name": unit.name, "short_name": "市数据局",
                                                         "kind": "department", "parent": government.pk,
                                                         "keywords_text": "数据"})  # "active" unticked
    assert not Unit.objects.get(pk=unit.pk).active
    assert f'<option value="{unit.pk}">' not in client.get(reverse("assign", args=[plan.slug])).content.decode()


def sheet(*rows: tuple[object, ...]) -> bytes:
    book = Workbook()
    page = book.active
    page.title = "单位"
    page.append(("名称", "简称", "类别", "上级", "牵头关键词"))
    for row in rows:
        page.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload_units(client: Client, data: bytes, name: str = "单位.xlsx") -> str:
    return client.post(reverse("manage-units"), {"action": "import",
                                                 "file": SimpleUploadedFile(name, data)}, follow=True).content.decode()


def test_it_imports_a_unit_list_from_a_sheet_and_names_every_bad_cell(plan: Plan, office: User) -> None:
    client = client_for(office)
    before = Unit.objects.count()
    page = upload_units(client, sheet(("山川市人民政府", "市政府", "人民政府", "", ""),
                                      ("", "市空", "部门", "", ""),
                                      ("山川市财政局", "市财政局", "局", "山川市人民政府", ""),
                                      ("山川市审计局", "市审计局", "部门", "省审计厅", "=HYPERLINK(\"x\")"),
                                      ("山川市人民政府", "", "", "", "")))
    for said in ("单位!A3: 名称为空", "单位!C4: 类别“局”应为", "单位!D5: 上级单位“省审计厅”不在本表前面的行中",
                 "单位!E5: 是公式", "单位!A6: “山川市人民政府”与单位!A2重复", "表格有5处问题，没有导入任何单位"):
        assert said in page, said
    assert Unit.objects.count() == before
    page = upload_units(client, sheet(("山川市人民政府", "市政府", "人民政府", "", ""),
                                      ("山川市财政局", "市财政局", "部门", "市政府", "财政、一般公共预算"),
                                      ("青石县", "青石县", "县（市、区）", "山川市人民政府", "")))
    assert "已从表格新建3个单位" in page
    finance = Unit.objects.get(name="山川市财政局")
    assert finance.parent is not None and finance.parent.name == "山川市人民政府"
    assert finance.keywords == ["财政", "一般公共预算"]
    assert Unit.objects.get(name="青石县").kind == "county"


def test_it_refuses_a_unit_sheet_that_is_a_bomb_or_no_workbook(plan: Plan, office: User) -> None:
    client = client_for(office)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    assert "像是压缩炸弹" in upload_units(client, bomb.getvalue())
    assert "不是有效的 Excel .xlsx 文件" in upload_units(client, b"not a workbook")
    assert "超过 2 MB 的上限" in upload_units(client, b"x" * (2 * 1024 * 1024 + 1))


def upload_report(client: Client, text: str, name: str = "report.txt", **extra: str) -> str:
    response = client.post(reverse("manage-plans"), {"file": SimpleUploadedFile(name, text.encode()), **extra})
    return response["Location"] if response.status_code == 302 else response.content.decode()


def test_it_uploads_a_report_previews_it_and_stores_it_once_confirmed(db: None, office: User) -> None:
    client = client_for(office)
    report = SMALL_REPORT.replace("江城市", "山川市")
    preview = upload_report(client, report)
    assert preview.startswith("/manage/plans/upload/")
    assert not Plan.objects.filter(slug="shanchuan-2024").exists()
    assert "upload" not in client.session and PlanUpload.objects.count() == 1  # kept out of the session
    page = client.get(preview).content.decode()
    for said in ("山川市", "扩大有效需求", "固定资产投资", "800亿元", "增速", "确认导入", "shanchuan-2024"):
        assert said in page, said
    response = client.post(preview, {"region": "", "year": ""}, follow=True)
    assert "已导入第1版（山川市2024年）" in response.content.decode()
    assert Plan.objects.current().get(slug="shanchuan-2024").targets.count() == 9
    assert not PlanUpload.objects.exists()


def test_it_shows_a_new_version_as_a_diff_and_refuses_an_unlike_one_unless_insisted(
        plan: Plan, office: User) -> None:
    client = client_for(office)
    changed = SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元")
    page = client.get(upload_report(client, changed, slug="x")).content.decode()
    assert "与当前第1版的差异" in page and "网络零售额突破520亿元" in page and "将成为第2版" in page
    tiny = "江城市2024年政府工作报告\n\n今年主要预期目标是:地区生产总值增长5%。\n"
    preview = upload_report(client, tiny)
    assert "不像同一计划的新版本" in client.get(preview).content.decode()
    page = client.post(preview, {}).content.decode()
    assert "坚持导入" in page and Plan.objects.current().get().pk == plan.pk
    client.post(preview, {"insist": "yes"})
    assert Plan.objects.current().get().version == 2
    versions = reverse("manage-plan-versions", args=[plan.slug])
    assert "把第1版设为当前版本" in client.get(versions + "?version=1").content.decode()
    client.post(versions, {"version": "1", "confirm": "yes"})
    assert Plan.objects.current().get().pk == plan.pk


def test_it_refuses_report_files_it_should_not_read(db: None, office: User) -> None:
    client = client_for(office)
    assert "只能上传 .docx、.pdf、.txt 或 .html 文件" in upload_report(client, "x", name="old.doc")
    assert "超过 10 MB 的上限" in upload_report(client, "年" * (4 * 1024 * 1024))
    assert "没有读到任何文字" in upload_report(client, "   \n")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    response = client.post(reverse("manage-plans"), {"file": SimpleUploadedFile("bomb.docx", bomb.getvalue())})
    assert "像是压缩炸弹" in response.content.decode() and not PlanUpload.objects.exists()


def test_it_shows_the_office_a_way_to_administration(plan: Plan, office: User, leader: User) -> None:
    assert reverse("manage-users") in client_for(office).get(reverse("dashboard", args=[plan.slug])).content.decode()
    dashboard = client_for(leader).get(reverse("dashboard", args=[plan.slug])).content.decode()
    assert reverse("manage-users") not in dashboard
    page = client_for(office).get(reverse("manage-users")).content.decode()
    assert "charlie" not in page or "单位联络员" in page
    assert page.count("<h1>") == 1


def test_it_records_who_moved_each_figure_and_assignment_into_a_new_version_and_back(
        plan: Plan, office: User, liaison: User) -> None:
    """The figures that follow their targets into a re-imported plan change state like any other: in their
    history, with who and when (they were moved by a bare UPDATE, unseen)."""
    from luoshi.progress import workflow
    from luoshi.progress.models import Observation
    from luoshi.units.models import Assignment

    target = plan.targets.select_related("plan").get(code="1.1.1")
    figure = workflow.submit(workflow.read_figure(target, "2024-06", 450), liaison)
    assignment = Assignment.objects.filter(target=target).first()
    assert assignment is not None
    client = client_for(office)
    preview = upload_report(client, SMALL_REPORT.replace("网络零售额突破500亿元", "网络零售额突破520亿元"))
    client.post(preview, {"region": "", "year": ""})
    second = Plan.objects.current().get()
    figure.refresh_from_db()
    assignment.refresh_from_db()
    assert second.version == 2 and figure.target.plan == second and assignment.target.plan == second
    assert figure.status == Observation.Status.SUBMITTED  # still waiting: moving is not reviewing
    for moved in (figure, assignment):
        record = moved.history.latest()
        assert (record.history_user, record.history_change_reason) == (office, "随目标转入第2版（导入report.txt）")
        assert record.target_id == moved.target_id
    versions = reverse("manage-plan-versions", args=[plan.slug])
    client.post(versions, {"version": "1", "confirm": "yes"})
    figure.refresh_from_db()
    assert figure.target_id == target.pk
    record = figure.history.latest()
    assert (record.history_user, record.history_change_reason) == (office, "随目标回到第1版（由第2版回退）")
    assert [h.target_id for h in figure.history.order_by("history_id")] == [target.pk, second.targets.get(
        code="1.1.1").pk, target.pk]
