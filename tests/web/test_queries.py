"""Whatever is typed after ``?``, every page answers with a page or a 4xx, never a 500."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.plans.models import Plan
from tests.world import client_for

PARAMETERS = ("on", "section", "unit", "kind", "status", "page", "year", "period", "plans", "format", "version",
              "region")


def pages(plan: Plan) -> list[str]:
    unit = plan.targets.get(code="1.1.1").assignments.get(role="lead").unit_id
    slug = plan.slug
    return [reverse("dashboard", args=[slug]), reverse("document", args=[slug]),
            reverse("target", args=[slug, "1.1.1"]), reverse("unit", args=[slug, unit]),
            reverse("report", args=[slug]), reverse("report-upload", args=[slug]), reverse("approvals", args=[slug]),
            reverse("assign", args=[slug]), reverse("evaluation", args=[slug]), reverse("compare"),
            reverse("public", args=[slug]), reverse("report-template", args=[slug]),
            reverse("manage-plan-versions", args=[slug]), reverse("manage-units"), reverse("manage-users"),
            reverse("inbox", args=[slug]), reverse("chase", args=[slug]), reverse("calendar", args=[slug])]


QUERIES = ("section=²", "unit=abc", "unit=99999999999999999999", "year=0", "year=99999", "on=0000-01-01",
           "on=2024-02-30", "page=-1", "page=¹", "kind=<b>", "status=x", "period=2024q9", "period=0-0",
           "section=%00", "unit=-5", "plans=,,,", "version=0", "version=99999999999999999999", "version=²")


def test_it_answers_the_query_strings_that_gave_500s(plan: Plan, office: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PUBLIC_PORTAL = True
    client = client_for(office)
    assert client.get(reverse("unit", args=[plan.slug, 99999999999999999999])).status_code == 404
    for url in pages(plan):
        for query in QUERIES:
            assert client.get(f"{url}?{query}").status_code < 500, f"{url}?{query}"


def test_it_filters_the_dashboard_by_kind_with_named_options(plan: Plan, office: User) -> None:
    page = client_for(office).get(reverse("dashboard", args=[plan.slug]) + "?kind=growth").content.decode()
    assert '<option value="growth" selected>增速</option>' in page
    assert '<option value="milestone">节点任务</option>' in page
    assert "8%以上" in page and "800亿元" not in page.split("全部目标")[1]  # growth only in the list


def test_it_shows_kinds_and_comparators_in_words_never_as_codes(plan: Plan, office: User) -> None:
    page = client_for(office).get(reverse("target", args=[plan.slug, "1.1.2"])).content.decode()
    facts = page.split("目标信息")[1].split("责任单位")[0]
    assert "增速" in facts and "不低于（以上）" in facts
    assert "growth" not in facts and "&gt;=" not in facts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.integers(0, 17), values=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=24), max_size=4))
def test_it_never_answers_an_arbitrary_query_string_with_a_server_error(
        plan: Plan, office: User, page: int, values: dict[str, str]) -> None:
    url = f"{pages(plan)[page]}?{urlencode(values)}"
    assert client_for(office).get(url).status_code < 500, url
