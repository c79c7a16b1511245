"""`luoshi outcomes REPORT --plan`: proposals printed, nothing recorded until --confirm names them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.outcomes.models import Outcome
from tests.factories import imported_report

pytestmark = pytest.mark.django_db
REVIEW = ("一、2024年工作回顾\n\n全市地区生产总值增长6.5%,城镇调查失业率4.6%。\n\n"
          "二、2025年工作安排\n\n地区生产总值增长6%。\n")


def outcomes(*args: str) -> str:
    out = io.StringIO()
    call_command("outcomes", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def report(tmp_path: Path) -> str:
    imported_report(region="江城市", year=2024, slug="jiangcheng-2024")
    path = tmp_path / "jiangcheng-2025.txt"
    path.write_text(REVIEW, encoding="utf-8")
    return str(path)


def test_it_proposes_and_records_nothing(report: str) -> None:
    printed = outcomes(report, "--plan", "jiangcheng-2024")
    assert "0.0.1@" in printed and "「全市地区生产总值增长6.5%」" in printed
    assert "没有记录任何结果" in printed
    assert not Outcome.objects.exists()


def test_it_records_what_the_office_confirms_with_who(report: str) -> None:
    add_user("alice", "pw-alice-123456", Role.OFFICE)
    printed = outcomes(report, "--plan", "jiangcheng-2024", "--confirm", "same", "--by", "alice")
    assert "已记录：确认2条，否决0条" in printed
    assert sorted(Outcome.objects.confirmed().values_list("target__code", "value", "decided_by__username")) == [
        ("0.0.1", 6.5, "alice"), ("0.0.2", 4.6, "alice")]


def test_it_refuses_unknown_keys_and_a_missing_confirmer(report: str) -> None:
    add_user("alice", "pw-alice-123456", Role.OFFICE)
    with pytest.raises(CommandError, match=r"报告中没有这些对应：9\.9@1-2"):
        outcomes(report, "--plan", "jiangcheng-2024", "--confirm", "9.9@1-2", "--by", "alice")
    with pytest.raises(CommandError, match="--by"):
        outcomes(report, "--plan", "jiangcheng-2024", "--confirm", "same")
    assert not Outcome.objects.exists()
