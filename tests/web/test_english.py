"""In English, the forms that change targets and the messages after them are English too."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from luoshi.plans.models import Plan
from tests.world import client_for


def test_it_speaks_english_in_the_target_forms_and_their_messages(plan: Plan, office: User) -> None:
    client = client_for(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    edit = client.get(reverse("target-edit", args=[plan.slug, "1.1.1"])).content.decode()
    for english in ("Reason for the change", "Upper bound", "growth", "at least"):
        assert english in edit, english
    assert "修改理由" not in edit and "目标上限" not in edit
    split = client.get(reverse("target-change", args=[plan.slug, "1.1.1", "split"])).content.decode()
    assert "Split target" in split and "Reason:" in split and "理由" not in split
    added = client.post(reverse("target-add", args=[plan.slug]), {
        "indicator_text": "新增专精特新企业", "kind": "level", "comparator": ">=", "value": "30", "unit": "家",
        "reason": "missed", "section": "1"}, follow=True).content.decode()
    code = plan.targets.get(indicator_text="新增专精特新企业").code
    assert f"Target {code} added" in added


def test_it_gives_a_statuss_reason_in_english_and_keeps_it_chinese_for_chinese(plan: Plan, office: User,
                                                                               liaison: User) -> None:
    import re

    from luoshi.progress import workflow

    target = plan.targets.select_related("plan").get(code="1.1.1")
    workflow.approve(workflow.submit(workflow.read_figure(target, "2024-06", 300, problems="项目延期",
                                                          next_steps="加快开工"), liaison), office)
    client = client_for(office)
    url = reverse("target", args=[plan.slug, "1.1.1"]) + "?on=2024-07-31"
    chinese = client.get(url).content.decode()
    assert "2024年1-6月累计300亿元，为目标800亿元的37.5%" in chinese and "落后序时进度" in chinese
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(url).content.decode()
    [reason] = re.findall(r'<p class="reason">(.*?)</p>', page, re.S)
    assert "2024, months 1–6 year to date 300亿元, 37.5% of the target 800亿元" in reason
    assert "12.5 points behind time elapsed" in reason
    assert "Rule: year-to-date completion" in reason
    assert not re.search(r"[\u4e00-\u9fff]", reason.replace("亿元", "")), reason  # only the target's unit stays
    progress = page.split("<h2>Progress</h2>")[1].split('<p class="reason">')[0]
    assert "300 亿元（2024, months 1–6）" in progress  # the period of the figure, as the reason says it
    facts = page.split("<h2>Target</h2>")[1].split("</dl>")[0]
    assert "year end" in facts and "<dd>no</dd>" in facts and "年底" not in facts
    chart = page.split("<figcaption>")[1].split("</figcaption>")[0]
    assert "Year to date against time elapsed" in chart and not re.search(r"[\u4e00-\u9fff]", chart)


def test_it_speaks_english_after_a_figure_is_reported_and_approved(plan: Plan, office: User, liaison: User) -> None:
    client = client_for(liaison)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    url = reverse("report", args=[plan.slug]) + "?period=2024-06"
    page = client.post(url, {"period": "2024-06", "value-1.1.1": "450"}, follow=True).content.decode()
    assert "Figures submitted: 1, waiting for the office&#x27;s approval" in page and "已报送" not in page
    empty = client.post(url, {"period": "2024-06"}, follow=True).content.decode()
    assert "No figure was filled in" in empty


def test_it_says_in_english_why_a_figure_is_refused(plan: Plan, liaison: User) -> None:
    client = client_for(liaison)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    url = reverse("report", args=[plan.slug]) + "?period=2024-06"
    page = client.post(url, {"period": "2024-06", "value-1.1.1": "inf", "value-1.1.2": "-150"}).content.decode()
    assert "Figure: “inf” is not a finite number" in page and "is below −100%: nothing falls" in page
    lagging = client.post(url, {"period": "2024-06", "value-1.1.1": "100"}).content.decode()
    assert "This figure leaves the target behind time elapsed: write its problems and next steps" in lagging
    wrong_year = client.post(url, {"period": "2023-06", "value-1.1.1": "450"}, follow=True).content.decode()
    assert "The period 2023-06 is not in the plan&#x27;s year 2024" in wrong_year and "nothing was saved" in wrong_year


def test_it_names_an_uploads_problem_in_english(plan: Plan, liaison: User) -> None:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from luoshi.progress.sheets import template

    book = template(plan, "2024-06", list(plan.targets.order_by("section__ordinal", "id")))
    book["进度数据"]["E4"] = "=400+50"
    out = io.BytesIO()
    book.save(out)
    client = client_for(liaison)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.post(reverse("report-upload", args=[plan.slug]),
                       {"file": SimpleUploadedFile("进度.xlsx", out.getvalue())}).content.decode()
    assert "进度数据!E4" in page and "Is a formula (=400+50): paste it as a value and upload again" in page


def test_the_office_pages_of_the_last_session_speak_english(plan: Plan, office: User, leader: User) -> None:
    """The reporting calendar, reminders, bulletin settings, outcomes and administration: labels, choices,
    errors and refusals in English (tests/web/test_english_pages.py walks every page for Chinese)."""
    from tests.web.test_outcomes import upload

    client = client_for(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    calendar = client.post(reverse("calendar", args=[plan.slug]), {"scope": "plan", "due_day": "40"}).content.decode()
    assert "Frequency" in calendar and "As the level above" in calendar and "monthly" in calendar
    assert "The due day is a whole number from 1 to 31" in calendar
    settings = client.get(reverse("bulletins", args=[plan.slug]) + "?period=2024-06").content.decode()
    assert "Issuing office" in settings and "Number prefix" in settings and "Next number: " in settings
    reminders = client.get(reverse("contact")).content.decode()
    assert "E-mail address" in reminders and "Signing secret" in reminders
    users = client.get(reverse("manage-users")).content.decode()
    assert "Office (lead department)" in users and "Unit liaison" in users
    source = upload(client, plan).url
    proposals = client.get(source).content.decode()
    assert "same catalogue indicator: 固定资产投资" in proposals
    assert "the outcome is a growth rate, the target a total or level" in proposals
    refused = client_for(leader)
    refused.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = refused.get(reverse("report", args=[plan.slug])).content.decode()
    assert "A leader&#x27;s account can look but not report" in page


def test_it_says_why_an_outcome_matched_in_english_and_leaves_other_words_as_they_are() -> None:
    from django.utils import translation

    from luoshi.outcomes.why import said

    with translation.override("en"):
        assert said("指标名称相近（80%），但口径不同（结果：新增，目标：累计）；另有更贴近的结果或目标") == (
            "similar indicator names (80%), but counted differently (outcome: new, target: cumulative); "
            "another outcome or target is closer")
        assert said("结果复述了节点目标的名称（75%）") == "the outcome restates the milestone's name (75%)"
        assert said("指标名称相同，但单位不同（结果亿元，目标无）") == (
            "same indicator name, but different units (outcome 亿元, target none)")
        assert said("另一种说法") == "另一种说法"  # not the reader's words: shown as it is
    with translation.override("zh-hans"):
        assert said("指标名称相同，但结果是增速，目标是总量或水平") == "指标名称相同，但结果是增速，目标是总量或水平"


def test_an_english_page_downloads_the_offices_documents_in_chinese(plan: Plan, office: User) -> None:
    """The evaluation, the chase list and the bulletin are documents a clerk sends on: Chinese, whatever the
    page's language."""
    import io

    from openpyxl import load_workbook

    from tests.web.test_outcomes import upload

    client = client_for(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    proposals = upload(client, plan).url
    client.post(proposals, dict.fromkeys([p.key for p in client.get(proposals).context["proposals"]], "confirm"))
    page = client.get(reverse("evaluation", args=[plan.slug])).content.decode()
    assert "+0.5 percentage points" in page  # 0.0.1: GDP grew 6.5% for a target of 6%
    files = [client.get(reverse("evaluation", args=[plan.slug]) + "?format=xlsx"),
             client.get(reverse("chase-xlsx", args=[plan.slug]) + "?on=2024-12-31"),
             client.get(reverse("bulletin", args=[plan.slug, "xlsx"]) + "?period=2024-06")]
    texts = []
    for response in files:
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content))
        texts.append(" ".join(f"{c.value} {c.number_format}" for sheet in book for row in sheet.iter_rows()
                              for c in row if c.value is not None))
    evaluation, chase, bulletin = texts
    assert "个百分点" in evaluation and "percentage points" not in evaluation
    assert "未报" in chase and "Missing" not in chase
    assert "序时进度" in bulletin and "time elapsed" not in bulletin
