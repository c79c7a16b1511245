"""The report as a document: every target highlighted where it is written, each in its own status colour."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.plans.views import Mark, _segments
from luoshi.progress.assessing import assess_plan
from luoshi.progress.models import Observation
from tests.factories import imported_report
from tests.world import client_for

MARKED = re.compile(r'<(?:a class="mark (\w*)" href="[^"]*/targets/([^/"]+)/"'
                    r'|span class="mark (\w*)" data-code="([^"]+)")')


def marks_on(page: str) -> dict[str, str]:
    """Each target marked in the page's text, with the status class it is drawn in."""
    found: dict[str, str] = {}
    for link_state, link_code, span_state, span_code in MARKED.findall(page.split('<article class="document">')[1]):
        found.setdefault(link_code or span_code, link_state or span_state)
    return found


@pytest.mark.django_db
def test_it_highlights_every_target_of_a_sentence_in_its_own_colour(seed_text: str) -> None:
    plan = imported_report(seed_text, region="金华市", year=2024, slug="jinhua-2024").plan
    # 制造业投资、高新技术产业投资分别增长10%、20%以上: one phrase, two targets; at 15% the first is on
    # track and the second is not.
    for code in ("1.1.4", "1.1.5"):
        Observation.objects.create(target=plan.targets.get(code=code), period="2024-05", value=15)
    office: User = add_user("zoe", "correct-horse-battery", Role.OFFICE)  # type: ignore[assignment]
    page = client_for(office).get(reverse("document", args=[plan.slug]) + "?on=2024-06-30").content.decode()
    status = {r.target.code: r.assessment.status.value for r in assess_plan(plan, date(2024, 6, 30))}
    assert status["1.1.4"] == "on_track" and status["1.1.5"] in ("behind", "at_risk")
    shown = marks_on(page)
    assert shown == status  # all 131 targets, the nested and the twins too, each in its own colour


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=30), st.integers(1, 60))
def test_it_cuts_the_text_so_every_piece_lists_exactly_the_targets_covering_it(
        spans: list[tuple[int, int]], length: int) -> None:
    text = "字" * length
    marks = [Mark(n, f"t{n}", "", a, b) for n, (a, b) in enumerate(spans)]
    pieces = _segments(text, marks)
    assert "".join(words for words, _ in pieces) == text
    at = 0
    for words, covering in pieces:
        expected = {m.pk for m in marks if m.span_start is not None and m.span_end is not None
                    and m.span_start <= at and at + len(words) <= m.span_end and m.span_start < m.span_end <= length}
        assert {m.pk for m in covering} == expected
        assert [m.span_start for m in covering] == sorted(m.span_start for m in covering)  # outermost first
        at += len(words)
