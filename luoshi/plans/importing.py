"""Storing an extracted plan: all or nothing, once per document, new versions keep reviewed work."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from luoshi.plans.catalogue import CATALOGUE, match
from luoshi.plans.models import Indicator, Origin, Plan, Section, Target, Task

MAIN_TARGETS = "总体要求和主要预期目标"


class PlanImportError(Exception):
    """The plan cannot be stored; the message says why and what to do."""


@dataclass(frozen=True)
class Imported:
    plan: Plan
    created: bool
    carried: int  # reviewed or hand-made targets kept from the version before

    @property
    def message(self) -> str:
        plan = self.plan
        if not self.created:
            return f"{plan.slug}: 这份文件已经导入过（第{plan.version}版），没有重复导入"
        counts = f"{plan.sections.filter(ordinal__gt=0).count()}个方面，{plan.targets.count()}个目标"
        kept = f"，保留上一版人工审核或添加的目标{self.carried}个" if self.carried else ""
        return f"{plan.slug}: 已导入第{plan.version}版（{plan.region}{plan.year}年），{counts}{kept}"


def slug_for(region: str, year: int) -> str:
    """金华市, 2024 -> jinhua-2024: a code a person can type in a command or a URL.

    A region already stored keeps its letters (jinhua-2023 -> jinhua-2024) without asking
    pypinyin, whose dictionaries cost a third of a second and 58 MB to load.
    """
    known = Plan.objects.filter(region=region).values_list("slug", "year").first()
    if known is not None and known[0].endswith(f"-{known[1]}"):
        return f"{known[0][:-len(str(known[1]))]}{year}"
    from pypinyin import lazy_pinyin

    place = re.sub(r"(?:省|市|县|区|自治州|盟|旗)$", "", region) or region
    letters = "".join(lazy_pinyin(place))
    letters = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-") or "plan"
    return f"{letters}-{year}"


@transaction.atomic
def import_document(doc: dict[str, Any], *, text: str = "", source_name: str = "",
                    region: str | None = None, year: int | None = None,
                    slug: str | None = None) -> Imported:
    """Store ``doc`` (the extractor's JSON document) as a plan, or find it already stored."""
    region = region or doc.get("region")
    year = year or doc.get("year")
    if not region:
        raise PlanImportError("看不出这份报告是哪个地区的，请用 --region 指定，例如 --region 金华市")
    if not year:
        raise PlanImportError("看不出这份报告是哪一年的，请用 --year 指定，例如 --year 2024")
    slug = slug or slug_for(region, int(year))
    previous = Plan.objects.filter(slug=slug).order_by("-version").first()
    if previous is not None and previous.sha256 == doc["sha256"]:
        return Imported(previous, created=False, carried=0)
    plan = Plan.objects.create(
        slug=slug, version=previous.version + 1 if previous else 1, region=region, year=int(year),
        title=doc.get("title") or "", source_name=source_name, sha256=doc["sha256"], text=text)
    _store_outline(plan, doc)
    carried = 0
    if previous is not None:
        carried = _carry_reviewed(previous, plan)
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    return Imported(plan, created=True, carried=carried)


def _store_outline(plan: Plan, doc: dict[str, Any]) -> None:
    # Sections, tasks and targets each in bulk: a report of thousands of tasks is a few INSERTs, not thousands.
    found = doc.get("sections", [])
    made = Section.objects.bulk_create([Section(plan=plan, ordinal=0, title=MAIN_TARGETS), *(
        Section(plan=plan, ordinal=s["ordinal"], title=s["title"], start=s["span"][0], end=s["span"][1])
        for s in found)])
    sections = {section.ordinal: section for section in made}
    every = [((s["ordinal"], t["heading"]), Task(section=sections[s["ordinal"]], ordinal=n, heading=t["heading"],
                                                  start=t["span"][0], end=t["span"][1]))
             for s in found for n, t in enumerate(s.get("tasks", []), 1)]
    Task.objects.bulk_create(task for _, task in every)
    tasks = dict(every)  # a heading written twice in a section: its targets go to the later task
    _ensure_catalogue()
    catalogue = [(i.name, [i.name, *i.aliases]) for i in Indicator.objects.all()]
    by_name = {i.name: i for i in Indicator.objects.all()}
    targets = []
    for t in doc.get("targets", []):
        section = sections.get(t["section"], sections[0])
        name = match(t["indicator"], catalogue)
        targets.append(Target(
            plan=plan, section=section, task=tasks.get((t["section"], t["task"] or "")),
            code=t["code"], indicator_text=t["indicator"], indicator=by_name.get(name) if name else None,
            kind=t["kind"], comparator=t["comparator"] or "", value=t["value"], value_max=t["value_max"],
            unit=t["unit"] or "", deadline=date.fromisoformat(t["deadline"]) if t["deadline"] else None,
            aspirational=t["aspirational"], decrease=t.get("decrease", False),
            condition=t.get("condition") or "", span_start=t["span"][0], span_end=t["span"][1],
            quote=t["quote"], origin=Origin.EXTRACTED))
    bulk_create_with_history(targets, Target, default_change_reason="导入")  # history records each first version


def _ensure_catalogue() -> None:
    """The canonical indicators, should a database have lost them (a data migration ran only once)."""
    if not Indicator.objects.exists():
        Indicator.objects.bulk_create(Indicator(name=name, aliases=list(aliases), better=better, frequency=frequency)
                                      for name, aliases, better, frequency in CATALOGUE)


def _carry_reviewed(previous: Plan, plan: Plan) -> int:
    """Keep what people corrected or added in the version before; their codes win."""
    kept = 0
    fresh = {t.code: t for t in plan.targets.all()}
    sections = {s.ordinal: s for s in plan.sections.all()}
    for old in previous.targets.exclude(origin=Origin.EXTRACTED).select_related("section", "task"):
        new = fresh.get(old.code) or Target(plan=plan, code=old.code)
        for field in ("indicator_text", "indicator_id", "kind", "comparator", "value", "value_max",
                      "unit", "deadline", "aspirational", "decrease", "condition", "baseline",
                      "profile", "quote", "origin"):
            setattr(new, field, getattr(old, field))
        new.section = sections.get(old.section.ordinal, sections[0])
        if plan.text and old.quote and (at := plan.text.find(old.quote)) >= 0:
            new.span_start, new.span_end = at, at + len(old.quote)
        new.save()
        kept += 1
    return kept
