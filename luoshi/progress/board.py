"""What the dashboard, the unit page and the plan document show: assessed rows and their tallies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from luoshi.accounts.access import Access
from luoshi.plans.models import Plan, Section, Target
from luoshi.progress.assessing import verdicts
from luoshi.tracking import STATUS_LABELS, Assessment, Status
from luoshi.units.models import Assignment, Unit

ORDER = (Status.ON_TRACK, Status.AT_RISK, Status.BEHIND, Status.ACHIEVED, Status.MISSED,
         Status.NO_DATA, Status.NOT_DUE)
LAGGING = (Status.BEHIND, Status.MISSED, Status.AT_RISK)
GOOD = (Status.ON_TRACK, Status.ACHIEVED)


@dataclass
class Tally:
    """Counts of statuses for a group of targets (a section, a unit, the whole plan)."""

    name: str
    counts: Counter[Status] = field(default_factory=Counter)
    key: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rated(self) -> int:
        """Targets that have a verdict at all (not no data, not not-due)."""
        return self.total - self.counts[Status.NO_DATA] - self.counts[Status.NOT_DUE]

    @property
    def good_share(self) -> float | None:
        """Share of rated targets on track or achieved, in percent: the league table's measure."""
        rated = self.rated
        return None if rated == 0 else 100 * sum(self.counts[s] for s in GOOD) / rated

    def bars(self) -> list[tuple[Status, int, str, str]]:
        """(status, count, percent of total as text, css class) for a stacked bar."""
        total = self.total or 1
        return [(s, self.counts[s], f"{100 * self.counts[s] / total:.2f}", s.value) for s in ORDER if self.counts[s]]


@dataclass
class Line:
    """One target on a page: its assessment and lead unit; the target itself is fetched only when shown."""

    target_id: int
    section: Section
    assessment: Assessment
    illustrative: bool
    source: str
    lead: Unit | None
    target: Target = field(init=False)

    @property
    def status(self) -> Status:
        return self.assessment.status


@dataclass(frozen=True)
class Board:
    plan: Plan
    on: date
    lines: list[Line]
    overall: Tally
    sections: list[Tally]
    units: list[Tally]
    laggards: list[Line]


@dataclass(frozen=True)
class Filters:
    section: int | None = None
    unit: int | None = None
    kind: str | None = None
    status: str | None = None


def leads_of(plan: Plan) -> dict[int, Unit]:
    """Each target's lead unit, in two queries whatever the number of targets."""
    units = {u.pk: u for u in Unit.objects.all()}
    pairs = Assignment.objects.filter(target__plan=plan, role=Assignment.Role.LEAD).values_list("target_id", "unit_id")
    return {target: units[unit] for target, unit in pairs if target is not None}


def board(plan: Plan, on: date, access: Access, filters: Filters = Filters(),
          targets: QuerySet[Target] | None = None) -> Board:
    """Every visible target assessed on ``on``, with tallies by section and lead unit.

    A fixed number of queries, and no target is built as a model here: call
    :func:`show` on the lines a page displays.
    """
    chosen = targets if targets is not None else access.visible_targets(plan)
    if filters.section is not None:
        chosen = chosen.filter(section__ordinal=filters.section)
    if filters.unit is not None:
        chosen = chosen.filter(assignments__unit_id=filters.unit, assignments__role=Assignment.Role.LEAD)
    if filters.kind:
        chosen = chosen.filter(kind=filters.kind)
    picked = list(chosen.order_by("section__ordinal", "id").values_list("pk", "section_id"))
    found = verdicts(plan, on, [pk for pk, _ in picked])
    sections_by_id = {s.pk: s for s in plan.sections.all()}
    leads = leads_of(plan)
    lines = [Line(pk, sections_by_id[section], *found[pk], leads.get(pk)) for pk, section in picked]
    if filters.status:
        lines = [line for line in lines if line.status.value == filters.status]
    overall = Tally("全部目标", Counter(line.status for line in lines))
    sections: dict[int, Tally] = {}
    units: dict[int, Tally] = {}
    for line in lines:
        section = line.section
        sections.setdefault(section.ordinal, Tally(section.title, key=str(section.ordinal))).counts[line.status] += 1
        if line.lead is not None:
            units.setdefault(line.lead.pk, Tally(str(line.lead), key=str(line.lead.pk))).counts[line.status] += 1
    league = sorted(units.values(), key=lambda t: (-(t.good_share if t.good_share is not None else -1), -t.total))
    laggards = sorted((line for line in lines if line.status in LAGGING),
                      key=lambda line: (LAGGING.index(line.status), line.section.ordinal, line.target_id))
    return Board(plan, on, lines, overall, [sections[k] for k in sorted(sections)], league, laggards)


def show(*groups: list[Line]) -> None:
    """Fetch, in one query, the targets of the lines a page is about to display."""
    wanted = {line.target_id for group in groups for line in group if not hasattr(line, "target")}
    if not wanted:
        return
    targets = {t.pk: t for t in Target.objects.filter(pk__in=wanted).select_related("section")}
    for group in groups:
        for line in group:
            if not hasattr(line, "target"):
                line.target = targets[line.target_id]


def status_label(status: Status) -> str:
    return STATUS_LABELS[status][0]
