"""报送及时率 on a small world, counted by hand and compared with what the pages show."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from luoshi.deadlines.items import due_items
from luoshi.deadlines.models import ReportingRule
from luoshi.plans.models import Plan
from luoshi.tracking.due import DueState
from luoshi.units.models import Unit
from tests.deadlines.helpers import reported
from tests.world import client_for

pytestmark = pytest.mark.django_db
ON = date(2024, 4, 20)  # January to March are due (by 10 Feb, 10 Mar, 10 Apr); April is not (10 May)
DRC = ("0.0.1", "1.1.1", "1.1.2", "1.1.3", "2.1.1", "2.1.2")  # 市发改委 leads these; 0.0.1 (GDP) is quarterly


def a_quarter_of_reports(plan: Plan) -> None:
    """By hand: 市商务局 3 on time, 1 late, 2 missing (50%); 市人力社保局 3 missing (0%);
    市发改委 15 on time and its quarterly GDP late (15/16 = 93.75%)."""
    # 市商务局: 1.2.1 and 1.2.2, monthly
    reported(plan, "1.2.1", "2024-01", date(2024, 2, 5))  # on time
    reported(plan, "1.2.1", "2024-02", date(2024, 3, 12))  # late
    # 1.2.1 2024-03: missing
    reported(plan, "1.2.2", "2024-01", date(2024, 2, 10))  # on time: on the due day itself
    reported(plan, "1.2.2", "2024-02", date(2024, 3, 1), status="returned", decided=date(2024, 3, 3),
             review_note="口径不对")  # returned and never sent again: missing
    reported(plan, "1.2.2", "2024-03", date(2024, 4, 9), status="submitted")  # on time, waiting for approval
    # 市人力社保局: 0.0.2 nothing by 20 April; its March figure comes on the 25th
    reported(plan, "0.0.2", "2024-03", date(2024, 4, 25))
    # 市发改委: every monthly target on the 8th; GDP's first quarter on 15 April
    for code in DRC[1:]:
        for month in (1, 2, 3):
            reported(plan, code, f"2024-{month:02d}", date(2024, month + 1, 8))
    reported(plan, "0.0.1", "2024Q1", date(2024, 4, 15))


def test_it_counts_the_league_tables_timeliness_as_done_by_hand(plan: Plan, office: User) -> None:
    a_quarter_of_reports(plan)
    page = client_for(office).get(reverse("dashboard", args=[plan.slug]) + f"?on={ON}")
    league = {t.name: timely for t, timely in page.context["league"]}
    got = {name: (t.on_time, t.late, t.missing, t.rate) for name, t in league.items()}
    assert got == {"市商务局": (3, 1, 2, 50.0), "市人力社保局": (0, 0, 3, 0.0), "市发改委": (15, 1, 0, 93.75)}
    html = page.content.decode()
    assert "93.8%" in html and "50.0%" in html and "报送及时率" in html


def test_it_shows_a_units_timeliness_month_by_month(plan: Plan, office: User) -> None:
    a_quarter_of_reports(plan)
    commerce = Unit.objects.get(short_name="市商务局")
    page = client_for(office).get(reverse("unit", args=[plan.slug, commerce.pk]) + f"?on={ON}")
    t = page.context["timeliness"]
    assert [(m, x.on_time, x.late, x.missing) for m, x in t.months] == [(1, 2, 0, 0), (2, 0, 1, 1), (3, 1, 0, 1)]
    assert (t.year.due, t.year.rate) == (6, 50.0)
    assert "全年累计" in page.content.decode()


def test_it_gives_every_item_its_state_on_the_day(plan: Plan) -> None:
    a_quarter_of_reports(plan)
    states = {(i.code, i.period): i.state for i in due_items(plan, ON)}
    assert states[("1.2.1", "2024-01")] == DueState.APPROVED
    assert states[("1.2.1", "2024-03")] == DueState.OVERDUE
    assert states[("1.2.2", "2024-03")] == DueState.SUBMITTED_ON_TIME
    assert states[("0.0.2", "2024-03")] == DueState.OVERDUE  # reported on the 25th, after the day asked about
    assert states[("1.2.1", "2024-04")] == DueState.NOT_YET_DUE
    assert states[("0.0.1", "2024Q1")] == DueState.APPROVED
    assert ("0.0.1", "2024-01") not in states  # GDP is published quarterly
    returned = [i for i in due_items(plan, ON) if i.returned]
    assert [(i.code, i.period) for i in returned] == [("1.2.2", "2024-02")]
    on_may_8 = {(i.code, i.period): i.state for i in due_items(plan, date(2024, 5, 8))}
    assert on_may_8[("1.2.1", "2024-04")] == DueState.DUE_SOON


def test_it_follows_the_offices_calendar(plan: Plan) -> None:
    a_quarter_of_reports(plan)
    ReportingRule.objects.create(plan=plan, due_day=15)  # the whole plan: by the 15th
    ReportingRule.objects.create(plan=plan, target=plan.targets.get(code="1.2.2"), frequency="quarter")
    items = {(i.code, i.period): i for i in due_items(plan, ON)}
    assert items[("1.2.1", "2024-02")].state == DueState.APPROVED and items[("1.2.1", "2024-02")].days_late == 0
    assert items[("1.2.1", "2024-02")].due == date(2024, 3, 15)
    assert ("1.2.2", "2024-02") not in items and items[("1.2.2", "2024Q1")].state == DueState.SUBMITTED_ON_TIME


def test_it_puts_each_units_timeliness_for_the_month_in_the_bulletin(plan: Plan) -> None:
    import io

    from docx import Document

    from luoshi.reports.bulletin import bulletin
    from luoshi.reports.bulletin_files import as_docx

    a_quarter_of_reports(plan)
    made = bulletin(plan, "2024-03")
    [part] = [p for p in made.body if p.title == "报送及时率"]
    # March, by hand: 市商务局 1.2.1 missing, 1.2.2 on time; 市人力社保局 0.0.2 late (25 April);
    # 市发改委 five on time and GDP's first quarter late (15 April)
    assert part.paragraphs[0] == "3月份各单位应报数据9项，按时报送6项、逾期报送2项、未报1项，报送及时率66.7%。"
    worst_first = part.paragraphs[1]
    assert worst_first.startswith("报送不够及时的单位：")
    units = [Unit.objects.get(short_name=s).name for s in ("市人力社保局", "市商务局", "市发改委")]
    assert [worst_first.index(u) for u in units] == sorted(worst_first.index(u) for u in units)
    assert f"{units[1]}（应报2项：按时1项、逾期0项、未报1项，及时率50.0%）" in worst_first
    text = "\n".join(p.text for p in Document(io.BytesIO(as_docx(made))).paragraphs)
    assert "报送及时率66.7%" in text


@pytest.mark.django_db(transaction=True)  # committed, as in a running server, so the whole plan's items are cached
def test_a_units_items_are_the_same_worked_out_alone_or_from_the_whole_plans(plan: Plan) -> None:
    a_quarter_of_reports(plan)
    units = Unit.objects.filter(short_name__in=["市商务局", "市人力社保局", "市发改委"])
    alone = {u.pk: due_items(plan, ON, unit=u) for u in units}  # nothing cached yet: each unit's own
    assert all(alone.values())
    whole = due_items(plan, ON)  # the whole plan's, now cached and used for the units
    for u in units:
        assert due_items(plan, ON, unit=u) == alone[u.pk] == [i for i in whole if i.unit_id == u.pk]
