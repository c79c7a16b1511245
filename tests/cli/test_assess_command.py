"""`luoshi assess --input CASE.json`: the tracking core with no database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "case.json"


def assess(*args: str) -> str:
    out = io.StringIO()
    call_command("assess", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_assessment_per_target_as_json() -> None:
    rows = json.loads(assess("--input", str(EXAMPLE), "--format", "json"))
    assert [(r["id"], r["status"]) for r in rows] == [
        ("1.1.2", "at_risk"), ("1.1.3", "behind"), ("0.0.4", "on_track"), ("0.0.2", "at_risk"),
        ("1.1.1", "on_track"), ("1.3.4", "at_risk")]
    first = rows[0]
    assert (first["expected"], first["actual"], first["completion"], first["forecast"],
            first["forecast_status"]) == (1350, 1296, 48, 2592, "missed")
    assert set(first) >= {"id", "status", "expected", "actual", "completion", "forecast",
                          "forecast_status", "reason"}


def test_it_prints_a_table_with_lights_and_reasons() -> None:
    table = assess("--input", str(EXAMPLE))
    assert "1.1.2 固定资产投资  ●黄 略低于序时进度" in table
    assert "落后序时进度2.0个百分点" in table


def test_it_assesses_on_another_date_when_asked() -> None:
    rows = json.loads(assess("--input", str(EXAMPLE), "--on", "2024-05-31", "--format", "json"))
    assert rows[0]["actual"] == 1080 and rows[0]["status"] == "at_risk"
    assert rows[1]["status"] == "no_data"  # the June figure does not count on 31 May


@pytest.mark.parametrize(("change", "message"), [
    ({"on": "30 June"}, "on: must be a date such as 2024-06-30"),
    ({"targets": [{"id": "a", "kind": "speed"}]}, "targets[0].kind: must be one of growth"),
    ({"observations": [{"target": "1.1.2", "period": "2024-13", "value": 1}]},
     "observations[0].period: '2024-13': month 13 is not 1-12"),
    ({"observations": [{"target": "1.1.2", "period": "2024-05", "value": "约12亿"}]},
     "observations[0].value: must be a number, not '约12亿'"),
    ({"observations": [{"target": "9.9.9", "period": "2024-05", "value": 1}]},
     "observations[0].target: no target has the id '9.9.9'"),
])
def test_it_names_the_field_that_is_wrong(tmp_path: Path, change: dict[str, object],
                                          message: str) -> None:
    case = json.loads(EXAMPLE.read_text(encoding="utf-8")) | change
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        assess("--input", str(path))
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


def test_it_says_when_the_file_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="不是有效的 JSON"):
        assess("--input", str(path))


@pytest.mark.django_db
def test_it_creates_units_and_users_by_command() -> None:
    from luoshi.accounts.models import Profile
    from luoshi.units.models import Unit

    call_command("units", "add", "江城市数据局", "--short", "市数据局", "--keywords", "数据、算力",
                 stdout=io.StringIO())
    unit = Unit.objects.get(short_name="市数据局")
    assert unit.keywords == ["数据", "算力"]
    call_command("users", "add", "dana", "--role", "liaison", "--unit", "市数据局",
                 "--password", "long-enough-1", stdout=io.StringIO())
    assert Profile.objects.get(user__username="dana").unit == unit
    with pytest.raises(CommandError, match="联络员必须属于一个单位"):
        call_command("users", "add", "eve", "--role", "liaison", "--password", "long-enough-1")
