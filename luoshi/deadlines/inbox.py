"""What needs a user now: a liaison's due and overdue figures, returned ones, those waiting; the office's queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from luoshi.accounts.access import Access
from luoshi.deadlines.items import DueItem, due_items
from luoshi.plans.models import Plan
from luoshi.progress.models import Observation
from luoshi.tracking import parse_period
from luoshi.tracking.due import DueState

S = Observation.Status


@dataclass(frozen=True)
class Returned:
    """A due item whose figure the office sent back, with the figure (its reason is ``figure.review_note``)."""

    item: DueItem
    figure: Observation


@dataclass(frozen=True)
class Waiting:
    """A figure waiting for approval, and the one that counts meanwhile (None: none approved yet)."""

    figure: Observation
    counted: Observation | None


@dataclass
class Inbox:
    on: date
    overdue: list[DueItem] = field(default_factory=list)
    due_soon: list[DueItem] = field(default_factory=list)
    returned: list[Returned] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    units_overdue: int = 0  # the office: how many units have something overdue


def inbox_of(plan: Plan, access: Access, on: date) -> Inbox:
    """A liaison's inbox: their unit's items. The office's: every figure waiting, and every overdue item."""
    if access.is_liaison:
        items = due_items(plan, on, unit=access.unit)
        box = Inbox(on, *_due(items))
        box.returned = returned_figures(plan, [i for i in items if i.returned])
        box.waiting = _waiting(Observation.objects.filter(target__in={i.target_id for i in items}, status=S.SUBMITTED))
        return box
    items = due_items(plan, on)
    overdue, due_soon = _due(items)
    box = Inbox(on, overdue, due_soon, units_overdue=len({i.unit_id for i in overdue}))
    box.waiting = _waiting(Observation.objects.filter(target__plan=plan, status=S.SUBMITTED))
    return box


def needs_me(plan: Plan, access: Access, on: date) -> int:
    """The header's count: a liaison's items to report (due soon, overdue, returned); the office's figures
    waiting for approval; nothing for a leader."""
    if access.is_liaison:
        items = due_items(plan, on, unit=access.unit)
        return sum(1 for i in items if i.returned or i.state in (DueState.DUE_SOON, DueState.OVERDUE))
    if access.is_office:
        return Observation.objects.filter(target__plan=plan, status=S.SUBMITTED).count()
    return 0


def _due(items: list[DueItem]) -> tuple[list[DueItem], list[DueItem]]:
    overdue = sorted((i for i in items if i.state == DueState.OVERDUE and not i.returned),
                     key=lambda i: (i.due, i.code))
    soon = sorted((i for i in items if i.state == DueState.DUE_SOON and not i.returned), key=lambda i: (i.due, i.code))
    return overdue, soon


def returned_figures(plan: Plan, items: list[DueItem]) -> list[Returned]:
    """The figure the office returned for each of ``items`` (those marked returned), with its reason."""
    if not items:
        return []
    latest: dict[tuple[int, int], Observation] = {}
    for o in (Observation.objects.filter(target__in={i.target_id for i in items}, status=S.RETURNED,
                                         period__startswith=str(plan.year))
              .select_related("target", "reviewed_by").order_by("reviewed_at", "id")):
        latest[(o.target_id, parse_period(o.period).last)] = o
    return [Returned(i, latest[(i.target_id, i.month)]) for i in items if (i.target_id, i.month) in latest]


def _waiting(figures: QuerySet[Observation]) -> list[Waiting]:
    pending = list(figures.select_related("target", "reported_by").order_by("reported_at", "id"))
    if not pending:
        return []
    counted: dict[tuple[int, str], Observation] = {}
    for o in Observation.objects.counted().filter(target__in={o.target_id for o in pending},
                                                  period__in={o.period for o in pending}):
        counted[(o.target_id, o.period)] = o  # approved, in the order reported: the last one counts
    return [Waiting(o, counted.get((o.target_id, o.period))) for o in pending]
