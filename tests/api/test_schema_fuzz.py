"""Schemathesis against the API's own OpenAPI description: whatever it sends, no server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.contrib.auth.models import User
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from luoshi.accounts.tokens import make_token
from luoshi.plans.models import Plan
from luoshi.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def token(plan: Plan, liaison: User) -> str:
    return make_token(liaison)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_it_never_answers_with_a_server_error(case: schemathesis.Case, token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
