"""A figure's local day, worked out fast, is the day the zone's own conversion gives, DST changes included."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from luoshi.deadlines.items import _day

# Shanghai (the default), a half-hour zone with DST changes at :30 UTC, a zone whose DST moves 30 minutes,
# Berlin, and Santiago, whose clocks jump at local midnight
ZONES = [ZoneInfo(name) for name in ("Asia/Shanghai", "America/St_Johns", "Australia/Lord_Howe", "Europe/Berlin",
                                               "America/Santiago")]


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)), st.sampled_from(ZONES))
def test_a_stored_moment_falls_on_the_day_the_zone_says(moment: datetime, zone: ZoneInfo) -> None:
    expected = moment.replace(tzinfo=UTC).astimezone(zone).date()
    assert _day(moment, zone) == expected  # SQLite: a naive UTC datetime
    assert _day(moment.isoformat(sep=" "), zone) == expected  # or its text
    assert _day(moment.replace(tzinfo=UTC).astimezone(zone), zone) == expected  # PostgreSQL: aware


def test_the_minutes_around_a_half_hour_dst_change_fall_on_their_own_days() -> None:
    zone = ZoneInfo("America/St_Johns")  # 2024-11-03 02:00 NDT -> 01:00 NST, at 04:30 UTC
    for minute in range(0, 60):
        moment = datetime(2024, 11, 3, 4, minute)
        assert _day(moment, zone) == moment.replace(tzinfo=UTC).astimezone(zone).date()
