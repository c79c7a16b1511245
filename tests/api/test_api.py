"""The API: the same permissions as the pages, the same checks and approval for a figure."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from luoshi.accounts.tokens import make_token
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation

pytestmark = pytest.mark.django_db


def api(user: User | None) -> Client:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {make_token(user)}"} if user else {}
    return Client(**headers)


ROUTES = {  # route: status for office, leader, liaison of the lead unit, liaison of another unit
    "/api/plans": (200, 200, 200, 200),
    "/api/plans/jiangcheng-2024": (200, 200, 200, 200),
    "/api/plans/jiangcheng-2024/targets": (200, 200, 200, 200),
    "/api/plans/jiangcheng-2024/targets/1.1.1": (200, 200, 200, 403),
    "/api/plans/jiangcheng-2024/targets/1.1.1/observations": (200, 200, 200, 403),
    "/api/plans/jiangcheng-2024/assessments?on=2024-06-30": (200, 200, 200, 200),
    "/api/plans/jiangcheng-2024/targets/9.9.9": (404, 404, 404, 404),
    "/api/plans/nowhere-2024": (404, 404, 404, 404),
}


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_it_answers_each_role_as_the_pages_do(route: str, plan: Plan, office: User, leader: User,
                                              liaison: User, other_liaison: User) -> None:
    got = tuple(api(u).get(route).status_code for u in (office, leader, liaison, other_liaison))
    assert got == ROUTES[route]


def test_it_refuses_a_request_without_a_valid_token(plan: Plan) -> None:
    assert api(None).get("/api/plans").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer not-a-token").get("/api/plans").status_code == 401


def test_it_shows_a_liaison_only_their_units_targets(plan: Plan, liaison: User) -> None:
    codes = [t["code"] for t in api(liaison).get("/api/plans/jiangcheng-2024/targets").json()]
    assert "1.1.1" in codes and "1.2.1" not in codes


def test_it_takes_a_figure_for_approval_exactly_as_the_form_does(plan: Plan, liaison: User, office: User,
                                                                  leader: User, other_liaison: User) -> None:
    url = "/api/plans/jiangcheng-2024/targets/1.1.1/observations"
    body = {"period": "2024-06", "value": 520, "narrative": "重大项目加快推进"}
    post = {"data": json.dumps(body), "content_type": "application/json"}
    assert api(leader).post(url, **post).status_code == 403
    assert api(other_liaison).post(url, **post).status_code == 403
    made = api(liaison).post(url, **post)
    assert made.status_code == 201 and made.json()["status"] == "submitted"
    status = api(liaison).get("/api/plans/jiangcheng-2024/assessments?on=2024-06-30").json()
    assert next(a for a in status if a["code"] == "1.1.1")["status"] == "no_data"  # not counted yet
    review = f"/api/plans/jiangcheng-2024/observations/{made.json()['id']}/approve"
    assert api(liaison).post(review, data="{}", content_type="application/json").status_code == 403
    assert api(office).post(review, data="{}", content_type="application/json").status_code == 200
    status = api(liaison).get("/api/plans/jiangcheng-2024/assessments?on=2024-06-30").json()
    assert next(a for a in status if a["code"] == "1.1.1")["status"] == "on_track"


@pytest.mark.parametrize(("body", "detail"), [
    ({"period": "June", "value": 1}, "period: 期别“June”应写成 2024-06"),
    ({"period": "2023-06", "value": 1}, "period: 期别 2023-06 不在计划年度 2024 年内"),
])
def test_it_names_what_is_wrong_with_a_figure(plan: Plan, liaison: User, body: dict[str, object],
                                              detail: str) -> None:
    response = api(liaison).post("/api/plans/jiangcheng-2024/targets/1.1.1/observations",
                                 data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and detail in response.json()["detail"]
    assert Observation.objects.count() == 0


def test_it_refuses_a_value_that_is_not_a_number(plan: Plan, liaison: User) -> None:
    response = api(liaison).post("/api/plans/jiangcheng-2024/targets/1.1.1/observations",
                                 data=json.dumps({"period": "2024-06", "value": "约12亿"}),
                                 content_type="application/json")
    assert response.status_code == 422 and Observation.objects.count() == 0


@pytest.mark.parametrize("value", ["Infinity", "-Infinity", "NaN", "1e308", "1e999"])
def test_it_refuses_an_infinite_or_impossible_value_and_never_writes_invalid_json(plan: Plan, liaison: User,
                                                                                  value: str) -> None:
    """The attack of issue 12: inf was stored, the target showed 已完成 and the API emitted Infinity."""
    response = api(liaison).post("/api/plans/jiangcheng-2024/targets/1.1.1/observations",
                                 data='{"period": "2024-06", "value": ' + value + '}', content_type="application/json")
    assert response.status_code in (400, 422) and Observation.objects.count() == 0

    def strict(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    json.loads(response.content, parse_constant=strict)
    json.loads(api(liaison).get("/api/plans/jiangcheng-2024/assessments?on=2024-06-30").content, parse_constant=strict)


def test_it_serves_its_docs_without_a_cdn(db: None) -> None:
    page = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    schema = Client().get("/api/openapi.json").json()
    assert schema["info"]["title"] == "落实 luoshi API" and "/api/plans/{slug}/assessments" in schema["paths"]
