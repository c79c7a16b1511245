"""The office uploads next year's report, sees the results it states and confirms or rejects each."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.outcomes.models import Outcome, Source
from luoshi.plans.models import Plan
from tests.world import client_for

pytestmark = pytest.mark.django_db

NEXT_REPORT = """江城市2025年政府工作报告

一、2024年工作回顾

过去一年,全市地区生产总值增长6.5%,固定资产投资820亿元、增长7.1%。社会消费品零售总额增长7.4%,网络零售额达到520亿元。城镇调查失业率4.6%。

二、2025年工作总体要求和目标任务

主要预期目标为:地区生产总值增长6%以上。
"""


def upload(client, plan: Plan, text: str = NEXT_REPORT, name: str = "jiangcheng-2025.txt"):  # type: ignore[no-untyped-def]
    return client.post(reverse("outcomes:sources", args=[plan.slug]),
                       {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def keys(plan: Plan, client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The proposals on the page: target code -> key of its same-indicator proposal."""
    source = Source.objects.get(plan=plan)
    page = client.get(reverse("outcomes:proposals", args=[plan.slug, source.pk]))
    found = {}
    for p in page.context["proposals"]:
        if p.same:
            found[p.target.code] = p.key
    return found


def test_it_proposes_and_records_nothing_until_the_office_confirms(plan: Plan, office: User) -> None:
    client = client_for(office)
    response = upload(client, plan)
    source = Source.objects.get(plan=plan)
    assert response.status_code == 302 and response.url.endswith(f"/outcomes/{source.pk}/")
    page = client.get(response.url)
    body = page.content.decode()
    assert "固定资产投资820亿元" in body and "全年完成固定资产投资800亿元" in body  # both sentences
    assert "相关指标" in body  # the growth of investment for the level target, shown as related only
    assert not Outcome.objects.exists()
    found = keys(plan, client)
    assert {"0.0.1", "1.1.1", "1.1.2", "1.2.2"} <= set(found)
    client.post(page.request["PATH_INFO"], {found["0.0.1"]: "confirm", found["1.1.1"]: "confirm",
                                            found["1.2.2"]: "reject"})
    confirmed = Outcome.objects.confirmed()
    assert sorted(o.target.code for o in confirmed) == ["0.0.1", "1.1.1"]
    assert {o.decided_by for o in confirmed} == {office}
    assert Outcome.objects.get(status="rejected").target.code == "1.2.2"
    gdp = confirmed.get(target__code="0.0.1")
    assert (gdp.value, gdp.unit, gdp.fit) == (6.5, "%", "same")
    assert NEXT_REPORT[gdp.span_start:gdp.span_end] == gdp.quote


def test_the_target_page_shows_the_promise_and_the_result_side_by_side(plan: Plan, office: User) -> None:
    client = client_for(office)
    upload(client, plan)
    found = keys(plan, client)
    source = Source.objects.get(plan=plan)
    client.post(reverse("outcomes:proposals", args=[plan.slug, source.pk]), {found["1.1.1"]: "confirm"})
    body = client.get(reverse("target", args=[plan.slug, "1.1.1"])).content.decode()
    assert 'class="beside"' in body
    assert "全年完成固定资产投资800亿元" in body and "固定资产投资820亿元" in body
    assert "报告陈述的结果 · 江城市2025年政府工作报告" in body  # the source, named by its title


def test_a_decision_on_a_proposal_the_report_does_not_make_records_nothing(plan: Plan, office: User) -> None:
    client = client_for(office)
    upload(client, plan)
    found = keys(plan, client)
    source = Source.objects.get(plan=plan)
    response = client.post(reverse("outcomes:proposals", args=[plan.slug, source.pk]),
                           {found["0.0.1"]: "confirm", "9.9.9@1-2": "confirm"}, follow=True)
    assert "报告中没有这些对应：9.9.9@1-2" in response.content.decode()
    assert not Outcome.objects.exists()


def test_an_unreadable_file_is_named_and_nothing_is_kept(plan: Plan, office: User) -> None:
    client = client_for(office)
    response = upload(client, plan, name="old.doc")
    assert "old.doc: 只能读取" in response.content.decode()
    response = upload(client, plan, text="\x00\x01binary", name="broken.txt")
    assert "broken.txt: 是二进制文件" in response.content.decode()
    assert not Source.objects.exists()


def test_only_the_office_reads_results(plan: Plan, leader: User, liaison: User) -> None:
    for user in (leader, liaison):
        assert client_for(user).get(reverse("outcomes:sources", args=[plan.slug])).status_code == 403
        assert upload(client_for(user), plan).status_code == 403
    assert not Source.objects.exists()
