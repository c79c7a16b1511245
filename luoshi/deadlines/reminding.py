"""Reminders: who is told what (due soon, overdue, returned), by which channel, and never twice.

:func:`pending_reminders` works out the messages for a day; :func:`send` sends each one and
records a :class:`~luoshi.deadlines.models.Reminder` per item. The record is written first,
under a unique key (channel, address, what it is about), so two runs at once — an hourly cron
job overlapping a slow one — never send the same thing twice; a message that fails to send
has its records removed and is tried again on the next run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import IntegrityError, transaction

from luoshi.accounts.models import Profile, Role
from luoshi.deadlines import channels
from luoshi.deadlines.inbox import returned_figures
from luoshi.deadlines.items import DueItem, due_items
from luoshi.deadlines.models import Channel, Contact, Reminder
from luoshi.plans.models import Plan
from luoshi.tracking.due import DueState

Kind = Reminder.Kind
LINES_PER_MESSAGE = 30  # a robot message has a size limit; the rest is one click away in the inbox


@dataclass(frozen=True)
class Line:
    """One thing a message is about."""

    kind: str
    item: DueItem
    key: str
    reason: str = ""  # for a returned figure: the office's reason

    def words(self) -> str:
        i = self.item
        if self.kind == Kind.RETURNED:
            return f"{i.code} {i.indicator} {i.period}：被退回，理由：{self.reason}（截止 {i.due:%m月%d日}）"
        if self.kind == Kind.OVERDUE:
            return f"{i.code} {i.indicator} {i.period}：已逾期 {i.days_late} 天（截止 {i.due:%m月%d日}）"
        return f"{i.code} {i.indicator} {i.period}：{i.due:%m月%d日}截止，还有 {i.days_left} 天"

    def link(self, plan: Plan) -> str:
        return f"{settings.LUOSHI_BASE_URL}/plans/{plan.slug}/report/?period={self.item.period}#t-{self.item.code}"


@dataclass
class Message:
    """What one address receives in one run: the lines not sent to it before."""

    plan: Plan
    channel: str
    address: str
    secret: str
    users: list[AbstractUser]
    lines: list[Line] = field(default_factory=list)

    @property
    def to(self) -> str:
        return "、".join(u.get_full_name() or u.username for u in self.users)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for line in self.lines:
            out[line.kind] += 1
        return out

    def subject(self) -> str:
        counts = self.counts()
        parts = [f"{n}项{Kind(k).label}" for k, n in ((Kind.RETURNED, counts[Kind.RETURNED]),
                                                   (Kind.OVERDUE, counts[Kind.OVERDUE]),
                                                   (Kind.DUE_SOON, counts[Kind.DUE_SOON])) if n]
        return f"【落实】{self.plan.region}{self.plan.year}年目标任务报送提醒：{'、'.join(parts)}"

    def body(self, markdown: bool = False) -> str:
        """The message in Chinese, every line with the link to its form; the inbox for the rest."""
        out = [f"### {self.subject()}" if markdown else self.subject(), ""]
        for line in self.lines[:LINES_PER_MESSAGE]:
            out.append(f"- [{line.words()}]({line.link(self.plan)})" if markdown
                       else f"· {line.words()}\n  {line.link(self.plan)}")
        if len(self.lines) > LINES_PER_MESSAGE:
            out.append(f"另有 {len(self.lines) - LINES_PER_MESSAGE} 项，见待办。")
        inbox = f"{settings.LUOSHI_BASE_URL}/plans/{self.plan.slug}/inbox/"
        out += ["", f"[打开待办]({inbox})" if markdown else f"待办：{inbox}",
                "" if markdown else "（本邮件由落实系统自动发送；不想收到提醒，可在“提醒方式”页面更改。）"]
        return "\n".join(out).rstrip() + "\n"


@dataclass
class DayOfReminders:
    """A day's reminders: the messages to send, and who could not be reached."""

    messages: list[Message]
    already_sent: int  # lines left out because their address was told before
    no_channel: list[str]  # users who chose no reminders or have no address
    no_liaison: dict[str, int]  # units with items to remind and nobody to tell: unit → items


def pending_reminders(plan: Plan, on: date) -> DayOfReminders:
    """Every reminder due on ``on`` that has not been sent: due soon and overdue items to their unit's
    liaisons, returned figures to whoever reported them (else the unit's liaisons)."""
    items = due_items(plan, on)
    wanted: list[tuple[DueItem, str]] = [(i, Kind.OVERDUE if i.state == DueState.OVERDUE else Kind.DUE_SOON)
                                         for i in items if not i.returned
                                         and i.state in (DueState.OVERDUE, DueState.DUE_SOON)]
    returned = returned_figures(plan, [i for i in items if i.returned])
    users = get_user_model()
    liaisons: dict[int, list[AbstractUser]] = defaultdict(list)
    for profile in Profile.objects.filter(role=Role.LIAISON).select_related("user").order_by("user__username"):
        if profile.user.is_active and profile.unit_id is not None:
            liaisons[profile.unit_id].append(profile.user)  # type: ignore[arg-type]
    reporters = {u.pk: u for u in users.objects.filter(pk__in={r.figure.reported_by_id for r in returned})}
    contacts = {c.user_id: c for c in Contact.objects.all()}
    sent = set(Reminder.objects.filter(target__plan=plan).values_list("channel", "address", "key"))

    lines: list[tuple[list[AbstractUser], Line]] = []
    no_liaison: dict[str, int] = defaultdict(int)
    for item, kind in wanted:
        who = liaisons.get(item.unit_id or 0, [])
        if not who:
            no_liaison[item.unit_name or "（未分派）"] += 1
        lines.append((who, Line(kind, item, f"{kind}:{item.target_id}:{item.period}")))
    for r in returned:
        reporter = reporters.get(r.figure.reported_by_id or 0)
        who = [reporter] if reporter is not None and reporter.is_active else liaisons.get(r.item.unit_id or 0, [])
        if not who:
            no_liaison[r.item.unit_name or "（未分派）"] += 1
        lines.append((who, Line(Kind.RETURNED, r.item, f"returned:{r.figure.pk}", r.figure.review_note)))

    messages: dict[tuple[str, str], Message] = {}
    no_channel: set[str] = set()
    already = 0
    for who, line in lines:
        for user in who:
            channel, address, secret = _address(user, contacts.get(user.pk))
            if channel is None:
                no_channel.add(user.username)
                continue
            if (channel, address, line.key) in sent:
                already += 1
                continue
            message = messages.setdefault((channel, address), Message(plan, channel, address, secret, []))
            if user not in message.users:
                message.users.append(user)
            if all(other.key != line.key for other in message.lines):
                message.lines.append(line)
    order = {Kind.RETURNED: 0, Kind.OVERDUE: 1, Kind.DUE_SOON: 2}
    for m in messages.values():
        m.lines.sort(key=lambda line: (order[Kind(line.kind)], line.item.due, line.item.code))
    return DayOfReminders(sorted(messages.values(), key=lambda m: (m.to, m.channel)), already, sorted(no_channel),
                 dict(no_liaison))


def _address(user: AbstractUser, contact: Contact | None) -> tuple[str | None, str, str]:
    """(channel, address, signing secret) for ``user``; no channel when they chose none or gave no address."""
    channel = contact.channel if contact is not None else Channel.EMAIL
    if channel == Channel.EMAIL:
        return (Channel.EMAIL, user.email, "") if user.email else (None, "", "")
    if channel in (Channel.DINGTALK, Channel.WECOM) and contact is not None and contact.webhook:
        return channel, contact.webhook, contact.secret
    return None, "", ""


@dataclass(frozen=True)
class Outcome:
    message: Message
    sent: bool
    error: str = ""


def send(message: Message) -> Outcome:
    """Claim the message's lines (one Reminder each, unique per address), send it, keep the claim if it went.

    Lines another run claimed first are dropped; nothing left, nothing sent.
    """
    claimed: list[Reminder] = []
    for line in message.lines:
        try:
            with transaction.atomic():
                claimed.append(Reminder.objects.create(
                    user=message.users[0], channel=message.channel, address=message.address, kind=line.kind,
                    target_id=line.item.target_id, period=line.item.period, due=line.item.due, key=line.key))
        except IntegrityError:
            continue  # another run has sent it
    keys = {r.key for r in claimed}
    message.lines = [line for line in message.lines if line.key in keys]
    if not message.lines:
        return Outcome(message, False, "已由另一次运行发送")
    try:
        channels.deliver(message.channel, message.address, message.secret, message.subject(),
                         message.body(markdown=message.channel != Channel.EMAIL), message.body())
    except channels.NotDelivered as e:
        Reminder.objects.filter(pk__in=[r.pk for r in claimed]).delete()
        return Outcome(message, False, str(e))
    return Outcome(message, True)
