"""Storing an extracted plan: all or nothing, once per document; a changed document of a stored plan
becomes a new version only once the office has seen what it adds, removes and changes, and the
figures and assignments of matching targets follow it. A version can be made current again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from luoshi.plans.catalogue import CATALOGUE, match
from luoshi.plans.models import Indicator, Origin, Plan, Section, Target, Task, target_words
from luoshi.plans.versions import Facts, PlanDiff, diff

MAIN_TARGETS = "总体要求和主要预期目标"


class PlanImportError(Exception):
    """The plan cannot be stored; the message says why and what to do."""


class Unconfirmed(PlanImportError):
    """A new version of a stored plan waits for the office to see its differences and confirm."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        d, current = preview.diff, preview.current
        assert d is not None and current is not None
        super().__init__(f"{preview.slug}: 这份文件与当前第{current.version}版不同——{d.summary}；"
                         f"确认后成为第{preview.next_version}版（命令行加 --confirm）")


class Unlike(PlanImportError):
    """The document looks nothing like the plan it would replace."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        d, current = preview.diff, preview.current
        assert d is not None and current is not None
        super().__init__(f"{preview.slug}: 这份文件不像当前第{current.version}版的新版本——只有{len(d.pairs)}个目标"
                         f"对得上（{d.likeness:.0%}），{d.summary}；确属同一计划时请坚持导入（命令行加 --insist）")


@dataclass(frozen=True)
class Preview:
    """What importing a document would do, worked out without storing anything."""

    slug: str
    region: str
    year: int
    title: str
    targets: int
    next_version: int
    current: Plan | None  # the version it would replace
    same: Plan | None  # a stored version made from exactly this document
    diff: PlanDiff | None  # from the current version to this document


@dataclass(frozen=True)
class Imported:
    plan: Plan
    created: bool
    carried: int  # reviewed or hand-made targets kept from the version before
    followed: int = 0  # figures and assignments moved to the matching targets of the new version

    @property
    def message(self) -> str:
        plan = self.plan
        if not self.created:
            return f"{plan.slug}: 这份文件已经导入过（第{plan.version}版），没有重复导入"
        counts = f"{plan.sections.filter(ordinal__gt=0).count()}个方面，{plan.targets.count()}个目标"
        kept = f"，保留上一版人工审核或添加的目标{self.carried}个" if self.carried else ""
        moved = f"，{self.followed}条进度数据和分工随对应目标转入新版本" if self.followed else ""
        return f"{plan.slug}: 已导入第{plan.version}版（{plan.region}{plan.year}年），{counts}{kept}{moved}"


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


def preview_import(doc: dict[str, Any], *, region: str | None = None, year: int | None = None,
                   slug: str | None = None) -> Preview:
    """Where ``doc`` would go and how it differs from the plan's current version; stores nothing."""
    region = region or doc.get("region")
    year = year or doc.get("year")
    if not region:
        raise PlanImportError("看不出这份报告是哪个地区的，请用 --region 指定，例如 --region 金华市")
    if not year:
        raise PlanImportError("看不出这份报告是哪一年的，请用 --year 指定，例如 --year 2024")
    found = doc.get("targets", [])
    most = settings.LUOSHI_MAX_TARGETS
    if len(found) > most:
        raise PlanImportError(f"这份文件抽取出{len(found)}个目标，超过{most}个：不像一份工作报告，没有导入"
                              "（确是一份计划时，由管理员调高 LUOSHI_MAX_TARGETS）")
    slug = slug or slug_for(region, int(year))
    versions = Plan.objects.filter(slug=slug)
    same = versions.filter(sha256=doc["sha256"]).first()
    current = versions.filter(is_current=True).first()
    return Preview(
        slug=slug, region=region, year=int(year), title=doc.get("title") or "", targets=len(found),
        next_version=(versions.aggregate(Max("version"))["version__max"] or 0) + 1, current=current, same=same,
        diff=diff(stored_facts(current), document_facts(doc)) if current is not None and same is None else None)


@transaction.atomic
def import_document(doc: dict[str, Any], *, text: str = "", source_name: str = "",
                    region: str | None = None, year: int | None = None, slug: str | None = None,
                    confirm: bool = False, insist: bool = False, by: Any = None) -> Imported:
    """Store ``doc`` (the extractor's JSON document) as a plan, or find it already stored.

    A changed document of a stored plan raises :class:`Unlike` when it looks nothing like the current
    version (unless ``insist``), else :class:`Unconfirmed` (unless ``confirm``): both carry the preview.
    ``by`` is the person importing (None from the command line): the figures and assignments that follow
    their targets into the new version say so in their history."""
    preview = preview_import(doc, region=region, year=year, slug=slug)
    if preview.same is not None:
        if preview.same.is_current:
            return Imported(preview.same, created=False, carried=0)
        raise PlanImportError(f"{preview.slug}: 这份文件就是第{preview.same.version}版；"
                              f"要回到那一版，请在计划的版本页回退（或 luoshi versions --rollback）")
    current, changes = preview.current, preview.diff
    if current is not None and changes is not None:
        if not changes.alike and not insist:
            raise Unlike(preview)
        if not confirm:
            raise Unconfirmed(preview)
    plan = Plan.objects.create(
        slug=preview.slug, version=preview.next_version, region=preview.region, year=preview.year,
        title=preview.title, source_name=source_name, sha256=doc["sha256"], text=text)
    _store_outline(plan, doc)
    carried = followed = 0
    if current is not None and changes is not None:
        codes = [t["code"] for t in doc.get("targets", [])]
        new_ids = dict(plan.targets.values_list("code", "pk"))
        pairs = [(b.ref, new_ids[codes[a.ref]]) for b, a in changes.pairs]
        carried, kept = _carry_reviewed(current, plan, pairs)
        why = f"随目标转入第{plan.version}版（导入{source_name or '新文件'}）"
        followed = _follow(current, plan, pairs + kept, by, why)
        current.is_current = False
        current.save(update_fields=["is_current"])
    return Imported(plan, created=True, carried=carried, followed=followed)


def document_facts(doc: dict[str, Any]) -> list[Facts]:
    """The targets of an extracted document as the diff compares them; ``ref`` is their index."""
    facts = []
    for n, t in enumerate(doc.get("targets", [])):
        deadline = date.fromisoformat(t["deadline"]) if t.get("deadline") else None
        words = target_words(t["indicator"], t["kind"], t.get("comparator"), t.get("value"), t.get("value_max"),
                             t.get("unit"), deadline, bool(t.get("aspirational")), bool(t.get("decrease")),
                             t.get("condition"))
        facts.append(Facts(
            ref=n, code=t["code"], section=t["section"], task=t.get("task") or "", indicator=t["indicator"],
            kind=t["kind"], comparator=t.get("comparator") or "", value=t.get("value"), value_max=t.get("value_max"),
            unit=t.get("unit") or "", deadline=deadline, aspirational=bool(t.get("aspirational")),
            quote=t.get("quote") or "", words=words))
    return facts


def stored_facts(plan: Plan | None) -> list[Facts]:
    """The targets of a stored version as the diff compares them; ``ref`` is their id. Never loads the text."""
    if plan is None:
        return []
    rows = plan.targets.order_by("section__ordinal", "id").values_list(
        "pk", "code", "section__ordinal", "task__heading", "indicator_text", "kind", "comparator", "value",
        "value_max", "unit", "deadline", "aspirational", "quote", "decrease", "condition")
    return [Facts(ref=pk, code=code, section=section, task=task or "", indicator=indicator, kind=kind,
                  comparator=comparator, value=value, value_max=value_max, unit=unit, deadline=deadline,
                  aspirational=aspirational, quote=quote,
                  words=target_words(indicator, kind, comparator, value, value_max, unit, deadline, aspirational,
                                     decrease, condition))
            for (pk, code, section, task, indicator, kind, comparator, value, value_max, unit, deadline, aspirational,
                 quote, decrease, condition) in rows]


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
    Target.objects.bulk_create(targets)
    _record_first_versions(plan)


def _record_first_versions(plan: Plan) -> None:
    """Each new target's first version in its history, copied by the database in one statement (building
    a historical record per target in Python cost more than storing the targets themselves)."""
    history = Target.history.model
    columns = [f.column for f in Target._meta.concrete_fields]
    quote = connection.ops.quote_name
    listed = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({listed}, history_date, history_change_reason, "
            f"history_type, history_user_id) SELECT {listed}, %s, %s, '+', NULL "
            f"FROM {quote(Target._meta.db_table)} WHERE plan_id = %s",
            [connection.ops.adapt_datetimefield_value(timezone.now()), "导入", plan.pk])


def _ensure_catalogue() -> None:
    """The canonical indicators, should a database have lost them (a data migration ran only once)."""
    if not Indicator.objects.exists():
        Indicator.objects.bulk_create(Indicator(name=name, aliases=list(aliases), better=better, frequency=frequency)
                                      for name, aliases, better, frequency in CATALOGUE)


def _carry_reviewed(previous: Plan, plan: Plan, pairs: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Keep what people corrected or added in the version before: a corrected target overrides the
    new version's matching one; one without a match is added under its own code (or a free one).
    Returns how many were kept, and the (old, new) ids of the added ones."""
    match_of = dict(pairs)
    by_id = {t.pk: t for t in plan.targets.all()}
    taken = {t.code for t in by_id.values()}
    sections = {s.ordinal: s for s in plan.sections.all()}
    tasks = {(t.section.ordinal, t.heading): t
             for t in Task.objects.filter(section__plan=plan).select_related("section")}
    kept, added = 0, []
    for old in previous.targets.exclude(origin=Origin.EXTRACTED).select_related("section", "task"):
        new = by_id.get(match_of.get(old.pk, 0))
        if new is None:
            code = old.code
            while code in taken:
                code += "+"
            taken.add(code)
            new = Target(plan=plan, code=code)
        for field in ("indicator_text", "indicator_id", "kind", "comparator", "value", "value_max",
                      "unit", "deadline", "aspirational", "decrease", "condition", "baseline",
                      "profile", "quote", "origin"):
            setattr(new, field, getattr(old, field))
        new.section = sections.get(old.section.ordinal, sections[0])
        if new.task_id is None and old.task is not None:
            new.task = tasks.get((old.section.ordinal, old.task.heading))
        if plan.text and old.quote and (at := plan.text.find(old.quote)) >= 0:
            new.span_start, new.span_end = at, at + len(old.quote)
        created = new.pk is None
        new.save()
        if created:
            added.append((old.pk, new.pk))
        kept += 1
    return kept, added


def _follow(before: Plan, after: Plan, pairs: list[tuple[int, int]], by: Any, reason: str) -> int:
    """Move the figures and assignments of ``before``'s targets (and tasks) to their matches in ``after``,
    each move kept in the history with who did it, when and ``reason``. The figures go through the
    workflow (luoshi.progress.workflow.follow) as every other change of a figure does. What has no match
    stays with ``before``, so going back to it finds it again."""
    from simple_history.utils import bulk_update_with_history

    from luoshi.progress import workflow
    from luoshi.units.models import Assignment

    moves = dict(pairs)
    moved = workflow.follow(moves, by, reason)
    new_tasks = {(t.section.ordinal, t.heading): t.pk
                 for t in Task.objects.filter(section__plan=after).select_related("section")}
    old_tasks = Task.objects.filter(section__plan=before).select_related("section")
    task_moves = {task.pk: new_tasks[key] for task in old_tasks
                  if (key := (task.section.ordinal, task.heading)) in new_tasks}
    assignments = list(Assignment.objects.filter(target_id__in=list(moves)).order_by("id"))
    for a in assignments:
        a.target_id = moves[a.target_id]
    tasks_only = list(Assignment.objects.filter(task_id__in=list(task_moves), target__isnull=True).order_by("id"))
    for a in tasks_only:
        a.task_id = task_moves[a.task_id]
    user = by if getattr(by, "pk", None) is not None else None
    bulk_update_with_history(assignments, Assignment, ["target"], default_user=user, default_change_reason=reason)
    bulk_update_with_history(tasks_only, Assignment, ["task"], default_user=user, default_change_reason=reason)
    return moved + len(assignments) + len(tasks_only)


@dataclass(frozen=True)
class RollBack:
    current: Plan
    chosen: Plan
    diff: PlanDiff  # from the current version to the chosen one

    @property
    def message(self) -> str:
        return (f"{self.chosen.slug}: 第{self.chosen.version}版已成为当前版本（原为第{self.current.version}版）——"
                f"{self.diff.summary}")


def roll_back_preview(slug: str, version: int) -> RollBack:
    """What making ``version`` of plan ``slug`` current again would change; stores nothing."""
    versions = Plan.objects.filter(slug=slug)
    current = versions.filter(is_current=True).first()
    chosen = versions.filter(version=version).first()
    if current is None or chosen is None:
        raise PlanImportError(f"计划 {slug} 没有第{version}版")
    if chosen.pk == current.pk:
        raise PlanImportError(f"{slug}: 第{version}版已经是当前版本")
    return RollBack(current, chosen, diff(stored_facts(current), stored_facts(chosen)))


@transaction.atomic
def roll_back(slug: str, version: int, by: Any = None) -> RollBack:
    """Make an earlier (or later) version of a plan current again; the figures and assignments of the
    targets that match go with it (recorded in their history with ``by``), the others stay with the
    version they were reported for."""
    plan = roll_back_preview(slug, version)
    _follow(plan.current, plan.chosen, [(b.ref, a.ref) for b, a in plan.diff.pairs], by,
            f"随目标回到第{plan.chosen.version}版（由第{plan.current.version}版回退）")
    Plan.objects.filter(pk=plan.current.pk).update(is_current=False)
    Plan.objects.filter(pk=plan.chosen.pk).update(is_current=True)
    return plan
