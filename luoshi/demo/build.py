"""The Jinhua 2024 demo: the plan, the city's units, published outcomes and illustrative months.

Published outcomes (jinhua-2024-outcomes.csv) carry their source. Every other
figure is generated here, shaped by a seasonal profile, and marked as
illustrative (示例数据) wherever it shows.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user
from luoshi.demo.units import ensure_units, fallback
from luoshi.documents import read_text
from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.plans.importing import Imported, import_document
from luoshi.plans.models import Plan, Target
from luoshi.progress.models import Observation
from luoshi.units.assigning import assign_by_keywords

HERE = Path(__file__).resolve().parent
FACTS = HERE / "jinhua-2024.plan.json"
OUTCOMES = HERE / "jinhua-2024-outcomes.csv"
SLUG, REGION, YEAR = "jinhua-2024", "金华市", 2024
ILLUSTRATIVE = "示例数据（演示用生成，不是公布的统计数）"
# Last year's monthly shares of a year's work, as investment and output usually run:
# a slow start after the Spring Festival, a strong end of year.
PROFILE = (5.0, 5.5, 8.0, 8.0, 8.5, 9.5, 7.5, 8.0, 9.0, 9.0, 10.0, 12.0)
THROUGH_MONTH = 11  # illustrative months run to November; December is the published year
DEMO_PASSWORD = "luoshi-demo"
DEMO_USERS = (  # username, role, unit (short name), what to try
    ("office", Role.OFFICE, None, "督查室：全部目标、修改目标、审核报送"),
    ("leader", Role.LEADER, None, "领导：只看总览和目标"),
    ("shangwu", Role.LIAISON, "市商务局", "市商务局联络员：报送本单位目标"),
    ("fagai", Role.LIAISON, "市发改委", "市发改委联络员：报送本单位目标"),
)


@dataclass(frozen=True)
class Demo:
    plan: Plan
    imported: Imported
    units: int
    published: int
    illustrative: int
    from_text: bool


def build(seed: Path | None) -> Demo:
    """Set up the demo in the current database; running it again changes nothing."""
    with transaction.atomic():
        units = ensure_units()
        if seed is not None and seed.exists():
            text = read_text(seed)
            imported = import_document(document(extract_plan(text)), text=text, source_name=seed.name,
                                       region=REGION, year=YEAR, slug=SLUG)
        else:
            doc = json.loads(FACTS.read_text(encoding="utf-8"))
            imported = import_document(doc, source_name=FACTS.name, region=REGION, year=YEAR, slug=SLUG)
        plan = imported.plan
        assign_by_keywords(plan, fallback=fallback())
        _ensure_users()
        published = illustrative = 0
        if not Observation.objects.filter(target__plan=plan).exists():
            published = _load_outcomes(plan)
            illustrative = _generate_months(plan)
            _stamp_reporting_days(plan)
    return Demo(plan, imported, units, published, illustrative, bool(plan.text))


def _ensure_users() -> None:
    from django.contrib.auth import get_user_model

    existing = set(get_user_model().objects.values_list("username", flat=True))
    for username, role, unit, _ in DEMO_USERS:
        if username not in existing:
            user = add_user(username, DEMO_PASSWORD, role, unit, validate=False)  # a published demo password
            user.email = f"{username}@example.gov.cn"  # luoshi remind has somewhere to write (example: never sent)
            user.save(update_fields=["email"])


def _load_outcomes(plan: Plan) -> int:
    targets = {t.code: t for t in plan.targets.all()}
    rows = list(csv.DictReader(OUTCOMES.open(encoding="utf-8")))
    made = [Observation(target=targets[r["code"]], period=r["period"], value=float(r["value"]),
                        reference=float(r["reference"]) if r["reference"] else None,
                        narrative=r["note"], source=r["source_url"])
            for r in rows if r["code"] in targets]
    Observation.objects.bulk_create(made)
    return len(made)


def _generate_months(plan: Plan) -> int:
    outcomes = {r["code"]: float(r["value"]) for r in csv.DictReader(OUTCOMES.open(encoding="utf-8"))}
    made: list[Observation] = []
    seasonal: list[Target] = []
    for target in plan.targets.select_related("indicator"):
        rng = random.Random(f"{plan.slug}:{target.code}")  # the same figures every time
        frequency = target.indicator.frequency if target.indicator else "month"
        if frequency == "year":
            continue  # published once a year: nothing to show before January
        months = range(3 if frequency == "quarter" else 1, THROUGH_MONTH + 1, 3 if frequency == "quarter" else 1)
        for month, value, reference in _path(target, rng, outcomes.get(target.code), months):
            made.append(Observation(target=target, period=f"{plan.year}-{month:02d}", value=round(value, 2),
                                    reference=None if reference is None else round(reference, 2),
                                    narrative=ILLUSTRATIVE, illustrative=True))
        if target.kind == "level" and target.unit not in ("%", "‰", "百分点") and target.profile is None:
            target.profile = list(PROFILE)
            seasonal.append(target)
    bulk_update_with_history(seasonal, Target, ["profile"], default_change_reason="演示：按典型年份设置各月占比")
    Observation.objects.bulk_create(made)
    return len(made)


def _stamp_reporting_days(plan: Plan) -> None:
    """When each figure was reported and approved, as a year of reporting runs: most by the 10th of the
    next month, some a few days late; published year figures entered in early January."""
    local = timezone.get_current_timezone()
    figures = list(Observation.objects.filter(target__plan=plan).select_related("target"))
    for o in figures:
        rng = random.Random(f"{plan.slug}:{o.target.code}:{o.period}:reported")
        if o.illustrative:
            month = int(o.period[5:7])
            year, month = (plan.year, month + 1) if month < 12 else (plan.year + 1, 1)
            day = rng.choice((3, 5, 6, 7, 8, 8, 9, 9, 9, 10, 10, 11, 12, 15))
        else:
            year, month, day = plan.year + 1, 1, rng.randint(6, 9)
        o.reported_at = datetime(year, month, day, rng.randint(9, 17), rng.randint(0, 59), tzinfo=local)
        o.reviewed_at = o.reported_at + timedelta(days=rng.choice((0, 1, 1, 2, 3)), hours=1)
    Observation.objects.bulk_update(figures, ["reported_at", "reviewed_at"], batch_size=500)


def _path(target: Target, rng: random.Random, outcome: float | None,
          months: range) -> list[tuple[int, float, float | None]]:
    """A year's figures for one target, month by month (value, reference)."""
    shares = [sum(PROFILE[:m]) / sum(PROFILE) for m in range(13)]
    value = target.value
    kind = target.kind
    if kind == "milestone":
        done_in = rng.randint(3, 13)  # 13: still not done in November
        return [(m, 1.0 if m >= done_in else round(min(0.95, m / done_in), 2), None) for m in months]
    if kind == "relation":
        gap = rng.uniform(-1.5, 1.0)
        return [(m, 6.0 + gap + rng.uniform(-0.3, 0.3), 6.0 + rng.uniform(-0.2, 0.3)) for m in months]
    if kind == "direction":
        fall = rng.uniform(0.8, 1.05)
        return [(m, 100 * shares[m] * fall, 100 * shares[m]) for m in months]
    if value is None:
        return []
    if kind == "level" and target.unit not in ("%", "‰", "百分点"):
        reach = (outcome / value) if outcome else rng.uniform(0.8, 1.15)
        return [(m, value * reach * shares[m] * rng.uniform(0.96, 1.04), None) for m in months]
    final = outcome if outcome is not None else value + rng.uniform(-0.25, 0.15) * abs(value)
    if target.decrease:
        final = -abs(final)
    if kind == "change":
        return [(m, final * m / 12 + rng.uniform(-0.1, 0.1), None) for m in months]
    return [(m, final + (12 - m) / 12 * rng.uniform(-1.5, 1.5), None) for m in months]
