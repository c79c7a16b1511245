"""The 催报 list: who has not reported what, by unit, how late — rows built once, for the page, print and .xlsx."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext

from luoshi.accounts.models import Profile, Role
from luoshi.deadlines.inbox import returned_figures
from luoshi.deadlines.items import due_items
from luoshi.deadlines.models import Channel, Reminder
from luoshi.plans.models import Plan
from luoshi.tracking.due import DueState

COLUMNS = ("单位", "联络员", "编号", "目标", "期别", "截止日期", "逾期天数", "情况", "最近提醒")


@dataclass(frozen=True)
class ChaseRow:
    code: str
    target: str
    period: str
    due: date
    days_late: int
    note: str  # 未报, or 被退回：the reason
    reminded: str  # the last reminder sent for it: 07-11 电子邮件, or blank


@dataclass
class ChaseGroup:
    """One unit's overdue figures, most overdue first."""

    unit: str
    liaisons: str
    rows: list[ChaseRow] = field(default_factory=list)

    @property
    def worst(self) -> int:
        return max((r.days_late for r in self.rows), default=0)


def chase(plan: Plan, on: date) -> list[ChaseGroup]:
    """Every overdue item on ``on``, grouped by reporting unit; the units with most outstanding first."""
    overdue = [i for i in due_items(plan, on) if i.state == DueState.OVERDUE]
    reasons = {(r.item.target_id, r.item.month): r.figure.review_note
               for r in returned_figures(plan, [i for i in overdue if i.returned])}
    liaisons: dict[int, list[str]] = {}
    for unit_id, username, name in Profile.objects.filter(role=Role.LIAISON, unit_id__in={i.unit_id for i in overdue}
                                                          ).values_list("unit_id", "user__username",
                                                                        "user__first_name").order_by("user__username"):
        liaisons.setdefault(unit_id, []).append(name or username)
    local = timezone.get_current_timezone()
    reminded: dict[tuple[int, str], str] = {}
    for target_id, period, channel, sent_at in (Reminder.objects.filter(target__plan=plan)
                                                .order_by("sent_at", "id")
                                                .values_list("target_id", "period", "channel", "sent_at")):
        reminded[(target_id, period)] = f"{sent_at.astimezone(local):%m-%d} {Channel(channel).label}"
    groups: dict[int | None, ChaseGroup] = {}
    for i in sorted(overdue, key=lambda i: (-i.days_late, i.code)):
        group = groups.setdefault(i.unit_id, ChaseGroup(i.unit_name or gettext("（未分派）"),
                                                        "、".join(liaisons.get(i.unit_id or 0, [])) or "—"))
        why = reasons.get((i.target_id, i.month))
        note = gettext("未报") if why is None else gettext("被退回：%(why)s") % {"why": why}
        group.rows.append(ChaseRow(i.code, i.indicator, i.period, i.due, i.days_late, note,
                                   reminded.get((i.target_id, i.period), "")))
    return sorted(groups.values(), key=lambda g: (-len(g.rows), -g.worst, g.unit))


def chase_table(groups: list[ChaseGroup]) -> list[tuple[object, ...]]:
    """The rows as a sheet lays them out: numbers as numbers, dates as dates."""
    return [(g.unit, g.liaisons, r.code, r.target, r.period, r.due, r.days_late, r.note, r.reminded)
            for g in groups for r in g.rows]
