"""The shared world of the web and API tests: a small plan, the city's units, one user of each role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.demo.units import ensure_units, fallback
from luoshi.plans.models import Plan
from luoshi.units.assigning import assign_by_keywords
from tests.conftest import _plain_static  # noqa: F401  (kept importable for the conftests that import it)
from tests.factories import imported_report

PASSWORD = "correct-horse-battery"


@pytest.fixture
def plan(db: None) -> Plan:
    ensure_units()
    plan = imported_report(region="江城市", year=2024, slug="jiangcheng-2024").plan
    assign_by_keywords(plan, fallback=fallback())
    return plan


@pytest.fixture
def office(plan: Plan) -> User:
    return add_user("alice", PASSWORD, Role.OFFICE)  # type: ignore[return-value]


@pytest.fixture
def leader(plan: Plan) -> User:
    return add_user("bob", PASSWORD, Role.LEADER)  # type: ignore[return-value]


@pytest.fixture
def liaison(plan: Plan) -> User:
    """The 市发改委 liaison: leads the investment targets."""
    return add_user("charlie", PASSWORD, Role.LIAISON, "市发改委")  # type: ignore[return-value]


@pytest.fixture
def other_liaison(plan: Plan) -> User:
    """The 市商务局 liaison: leads consumption, not investment."""
    return add_user("dora", PASSWORD, Role.LIAISON, "市商务局")  # type: ignore[return-value]


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
