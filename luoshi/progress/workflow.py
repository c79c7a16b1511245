"""Every change of a reported figure's state, in one place: pages, uploads and the API call these.

A figure (:class:`~luoshi.progress.models.Observation`) is submitted by a liaison or the
office, then approved (it counts from then on) or returned with a reason; its reporter
may withdraw it while it waits. None of the callers decides any of this itself.

Names other parts rely on (the reporting cycle builds on them; keep them stable):

- :func:`read_figure` — a figure as typed (text or numbers), checked: the period in the
  plan's year and in its one stored form, the number finite and possible for the target,
  the 对照数 where the target needs one, 存在问题 and 下一步措施 when it leaves the target 滞后.
- :func:`submit` / :func:`submit_all` — store figures for approval, all or none.
- :func:`withdraw` — the reporter takes back their own pending figure.
- :func:`approve`, :func:`approve_batch` — the office approves one, a ticked set, or all that
  pass :func:`blockers`.
- :func:`send_back` — the office returns a figure with a reason.
- :func:`counted_ids`, :func:`counting`, :func:`counting_by_period`, :func:`counted_figures` — which figure
  counts for a target and period; :func:`standing` — where a figure on its own leaves its target.
- :func:`before_delete`, :func:`move_figures` — what deleting and merging targets do to figures.
- :func:`follow` — figures going with their targets into another version of the plan (a re-import, a roll-back).

The rules:

- *Resubmission*: a new figure for the same target and period replaces the submitter's own
  pending one (which becomes 已被替换; the history keeps both).
- *Clash*: when someone else reported the same target and period after the submitter's form
  was opened (``seen`` is the newest figure they were shown), nothing is stored and
  :class:`Clash` says who reported what and when; submitting again having seen it is fine.
  The check and the insert run under a lock on the target's row, so 20 simultaneous
  submitters get one figure in and 19 told.
- *Period locking*: once a figure for a target and period is approved, a liaison can no
  longer submit for that period; the office can (a correction, approved by someone else).
- *Separation of duties*: nobody approves a figure they reported themselves unless the
  setting ``LUOSHI_SELF_APPROVAL`` allows it.
- Every change is atomic (a conditional update, or a row lock) and recorded with who and
  when in ``Observation.history``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_update_with_history

from luoshi.accounts.access import access_of, require_office
from luoshi.plans.models import Target
from luoshi.progress.assessing import goal_of
from luoshi.progress.models import Observation
from luoshi.tracking import BadPeriod, Status, assess, parse_period
from luoshi.tracking import Observation as Seen
from luoshi.tracking.figures import BadFigure, check_figure, needs_reference, read_number, say_number
from luoshi.tracking.periods import canonical
from luoshi.tracking.words import Words

User = AbstractBaseUser | AnonymousUser
S = Observation.Status
LIVE = (S.SUBMITTED, S.APPROVED)
TEXT_LIMIT = 2000
SOURCE_LIMIT = 500
REASON_LIMIT = 300


class WorkflowError(Exception):
    """A change that cannot be made; the message says why, for the person who asked."""


class Invalid(WorkflowError):
    """A figure as typed is not acceptable; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("；".join(problems.values()))


class Clash(WorkflowError):
    """Someone else reported this target and period while the form was open; nothing was stored."""

    def __init__(self, message: str, other: Observation) -> None:
        self.other = other
        super().__init__(message)


class Locked(WorkflowError):
    """The period's figure is approved; only the office may still correct it."""


class NotAllowed(WorkflowError):
    """This user may not make this change."""


class AlreadyReviewed(WorkflowError):
    """The figure is no longer waiting: someone reviewed or withdrew it first."""


# -- reading a figure --------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A checked figure for one target and period, not yet stored. ``standing`` is where it leaves the
    target on its own (滞后, 略低于序时进度…), which decides whether an explanation is asked for."""

    target: Target
    period: str
    value: float
    reference: float | None = None
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    source: str = ""
    standing: Status | None = None

    @property
    def key(self) -> tuple[int, str]:
        return (self.target.pk, self.period)


def plan_period(year: int, text: str) -> str:
    """``text`` as a period of the plan's ``year``, in its one stored form; :class:`Invalid` otherwise.

    ``2024q2`` becomes ``2024Q2``; ``2023-06`` for a 2024 plan is refused, never moved into 2024.
    """
    text = str(text).strip()
    try:
        period = canonical(text)
    except BadPeriod:
        raise Invalid({"period": gettext("期别“%(text)s”应写成 %(year)s-06、%(year)sQ2、%(year)sH1 或 %(year)s")
                       % {"text": text[:20], "year": year}}) from None
    if parse_period(period).year != year:
        other_year = gettext("期别 %(period)s 不在计划年度 %(year)s 年内：%(year)s 年的计划只收 %(year)s 年的数值")
        raise Invalid({"period": other_year % {"period": period, "year": year}})
    return period


def read_figure(target: Target, period: str, value: object, *, reference: object = None, narrative: str = "",
                problems: str = "", next_steps: str = "", source: str = "", explain: bool = True) -> Figure:
    """The figure typed for ``target``, checked; :class:`Invalid` names every field that is wrong.

    ``value`` and ``reference`` may be text (from a form or a CSV) or numbers (from Excel or JSON).
    ``explain``: a figure that leaves the target 滞后 needs 存在问题 and 下一步措施 (the office's import of
    published statistics does not ask).
    """
    wrong: dict[str, str] = {}
    try:
        period = plan_period(target.plan.year, period)
    except Invalid as e:
        wrong.update(e.problems)
    goal = goal_of(target)
    number: float | None = None
    compared: float | None = None
    try:
        number = read_number(value)
    except BadFigure as e:
        wrong["value"] = gettext("数值%(problem)s") % {"problem": said(e)}
    if not _blank(reference):
        try:
            compared = read_number(reference)
        except BadFigure as e:
            wrong["reference"] = gettext("对照数%(problem)s") % {"problem": said(e)}
    if number is not None:
        try:
            check_figure(goal, number, compared)
        except BadFigure as e:
            wrong.setdefault("value", said(e))
    texts = {"narrative": narrative, "problems": problems, "next_steps": next_steps}
    for name, text in texts.items():
        if len(text) > TEXT_LIMIT:
            wrong[name] = gettext("不超过 %(limit)s 字（现有 %(n)s 字）") % {"limit": TEXT_LIMIT, "n": len(text)}
    if len(source) > SOURCE_LIMIT:
        wrong["source"] = gettext("来源不超过 %(limit)s 字") % {"limit": SOURCE_LIMIT}
    if "period" not in wrong and compared is None and "reference" not in wrong \
            and needs_reference(goal, parse_period(period)):
        wrong["reference"] = gettext("这个目标要与另一数值比较：请填对照数（如同期全省平均增速、上年同期数）")
    if wrong:
        raise Invalid(wrong)
    assert number is not None
    on = parse_period(period).end
    standing = assess(goal, [Seen(parse_period(period), number, True, compared)], on).status
    problems, next_steps = _clean(problems), _clean(next_steps)
    if explain and standing == Status.BEHIND and not (problems and next_steps):
        asked = gettext("这个数值使目标滞后于序时进度：请写明存在问题和下一步措施")
        raise Invalid({k: asked for k, v in (("problems", problems), ("next_steps", next_steps)) if not v})
    return Figure(target, period, number, compared, _clean(narrative), problems, next_steps, _clean(source),
                  standing)


def asks_explanation(figure: Figure) -> bool:
    """Whether the form should ask for 存在问题 and 下一步措施 (required when 滞后, asked when 略低)."""
    return figure.standing in (Status.BEHIND, Status.AT_RISK) and not (figure.problems and figure.next_steps)


# -- submitting ---------------------------------------------------------------------------


def submit(figure: Figure, by: User, seen: int | None = None) -> Observation:
    """Store ``figure`` for approval; ``seen`` is the newest figure for its target and period that
    the submitter was shown (None: none). Raises :class:`Clash`, :class:`Locked` or :class:`NotAllowed`."""
    return submit_all([figure], by, {figure.key: seen})[0]


def submit_all(figures: list[Figure], by: User, seen: Mapping[tuple[int, str], int | None] | None = None
               ) -> list[Observation]:
    """Store every figure for approval, or none of them (the first problem raised).

    ``seen`` maps (target id, period) to the newest figure the submitter was shown for it.
    """
    access = access_of(by)
    for f in figures:
        if not access.may_report(f.target):
            raise NotAllowed(not_yours(f.target.code))
    seen = seen or {}
    made = []
    with transaction.atomic():
        _lock_targets([f.target.pk for f in figures])
        for f in figures:
            same = Observation.objects.filter(target=f.target, period=f.period)
            approved = same.filter(status=S.APPROVED).order_by("-reported_at", "-id").first()
            if approved is not None and not access.is_office:
                locked = gettext("%(code)s %(period)s 的数值 %(value)s 已审核通过，本期已锁定；如需更正请联系督查室")
                raise Locked(locked % {"code": f.target.code, "period": f.period, "value": say_number(approved.value)})
            other = (same.filter(status__in=LIVE, pk__gt=seen.get(f.key) or 0).exclude(reported_by=by)
                     .select_related("reported_by").order_by("-id").first())
            if other is not None:
                meanwhile = gettext(
                    "%(code)s %(period)s：在你填写期间，%(who)s已于%(when)s报送了 %(value)s（%(status)s）")
                raise Clash(meanwhile % {
                    "code": f.target.code, "period": f.period, "who": other.reported_by or gettext("他人"),
                    "when": _when(other.reported_at), "value": say_number(other.value),
                    "status": other.get_status_display()} + gettext("；请核对后再次提交"), other)
            for mine in same.filter(status=S.SUBMITTED, reported_by=by):
                _record(mine, by, "被同一报送人的新数值替换", status=S.REPLACED)
            o = Observation(target=f.target, period=f.period, value=f.value, reference=f.reference,
                            narrative=f.narrative, problems=f.problems, next_steps=f.next_steps, source=f.source,
                            status=S.SUBMITTED, reported_by=by)
            o._history_user = by  # type: ignore[attr-defined]
            o.save()
            made.append(o)
    return made


def import_approved(figures: list[Figure], by: User | None = None, reason: str = "导入") -> list[Observation]:
    """The office's import of published figures (``luoshi observations import``): stored as approved, at once."""
    made = []
    with transaction.atomic():
        _lock_targets([f.target.pk for f in figures])
        for f in figures:
            o = Observation(target=f.target, period=f.period, value=f.value, reference=f.reference,
                            narrative=f.narrative, problems=f.problems, next_steps=f.next_steps, source=f.source,
                            status=S.APPROVED, reported_by=by if getattr(by, "pk", None) else None)
            o._history_user, o._change_reason = by, reason  # type: ignore[attr-defined]
            o.save()
            made.append(o)
    return made


def withdraw(observation: Observation, by: User) -> Observation:
    """The reporter takes back their own figure while it waits for approval."""
    if observation.reported_by_id != getattr(by, "pk", None):
        raise NotAllowed(gettext("只能撤回自己报送的数值"))
    return _move(observation, by, S.WITHDRAWN, "报送人撤回")


# -- reviewing ----------------------------------------------------------------------------


def approve(observation: Observation, by: User) -> Observation:
    """The office approves a pending figure: it counts from now on and its period is locked."""
    require_office(by)
    if _own(observation, by) and not settings.SELF_APPROVAL:
        raise NotAllowed(gettext("%(code)s %(period)s 是你自己报送的，须由督查室其他人审核（职责分离）")
                         % {"code": observation.target.code, "period": observation.period})
    return _move(observation, by, S.APPROVED, "审核通过")


def send_back(observation: Observation, by: User, reason: str) -> Observation:
    """The office returns a pending figure to its reporter with ``reason`` (required)."""
    require_office(by)
    reason = _clean(reason)
    if not reason:
        raise Invalid({"reason": gettext("退回时请写明理由")})
    if len(reason) > REASON_LIMIT:
        raise Invalid({"reason": gettext("退回理由不超过 %(limit)s 字") % {"limit": REASON_LIMIT}})
    return _move(observation, by, S.RETURNED, reason, review_note=reason)


def blockers(observation: Observation, by: User, pending: Iterable[Observation] = (),
             approved: Mapping[tuple[int, str], Observation] | None = None) -> list[str]:
    """What keeps ``observation`` out of an "approve all that pass checks" batch, in words.

    ``pending`` and ``approved`` are the plan's other pending figures and the approved figure that counts
    per (target, period), passed in so a page of 100 figures asks the database once.
    """
    found = []
    if _own(observation, by) and not settings.SELF_APPROVAL:
        found.append(gettext("本人报送，须由他人审核"))
    key = (observation.target_id, observation.period)
    rivals = [o for o in pending if (o.target_id, o.period) == key and o.pk != observation.pk]
    if rivals:
        found.append(gettext("同一期别还有 %(n)s 个待审核数值，请逐个核对") % {"n": len(rivals)})
    counted = (approved or {}).get(key)
    if counted is not None:
        found.append(gettext("本期已有审核通过的数值 %(value)s，这是更正") % {"value": say_number(counted.value)})
    if observation.status == S.SUBMITTED and _lagging_unexplained(observation):
        found.append(gettext("目标滞后，但没有写存在问题和下一步措施"))
    return found


@dataclass
class Batch:
    """What one "approve" action did: the figures approved and those left, each with why."""

    approved: list[Observation] = field(default_factory=list)
    skipped: list[tuple[Observation, str]] = field(default_factory=list)


def approve_batch(pending: list[Observation], by: User, chosen: set[int] | None = None) -> Batch:
    """Approve the ticked figures (``chosen`` ids), or, with no ticks, every pending figure that has no
    :func:`blockers`. Each approval is atomic on its own; one already reviewed by someone else is skipped."""
    require_office(by)
    batch = Batch()
    approved = counting_by_period(pending)
    for o in pending:
        if chosen is not None and o.pk not in chosen:
            continue
        problems = blockers(o, by, pending, approved)
        own = _own(o, by) and not settings.SELF_APPROVAL  # never approved in a batch, even when ticked
        if own or (chosen is None and problems):
            batch.skipped.append((o, "；".join(problems)))
            continue
        try:
            batch.approved.append(approve(o, by))
        except WorkflowError as e:
            batch.skipped.append((o, str(e)))
    return batch


# -- which figure counts --------------------------------------------------------------------


def counted_ids(observations: Iterable[Observation]) -> set[int]:
    """The ids of the figures that count among ``observations``: per target and period, the approved
    one reported last (the same rule the assessments use)."""
    best: dict[tuple[int, str], Observation] = {}
    for o in observations:
        if o.status != S.APPROVED:
            continue
        key = (o.target_id, o.period)
        if key not in best or (o.reported_at, o.pk) > (best[key].reported_at, best[key].pk):
            best[key] = o
    return {o.pk for o in best.values()}


def counted_figures(observations: Iterable[Observation], year: int, on: date) -> list[Seen]:
    """What the assessment of a target reads from its ``observations``: the approved figures of the plan's
    ``year`` whose period ended by ``on``, in the order they were reported (a later revision wins)."""
    found = []
    for o in sorted(observations, key=lambda o: (o.reported_at, o.pk)):
        if o.status != S.APPROVED:
            continue
        try:
            period = parse_period(o.period, o.cumulative)
        except BadPeriod:
            continue
        if period.year == year and period.end <= on:
            found.append(Seen(period, o.value, o.cumulative, o.reference))
    return found


def counting(target: Target, period: str) -> Observation | None:
    """The figure that counts for ``target`` and ``period``, or None when none is approved."""
    return (Observation.objects.filter(target=target, period=period, status=S.APPROVED)
            .select_related("reported_by").order_by("-reported_at", "-id").first())


def counting_by_period(observations: Iterable[Observation]) -> dict[tuple[int, str], Observation]:
    """For the targets and periods of ``observations``, the approved figure that counts, in one query."""
    keys = {(o.target_id, o.period) for o in observations}
    if not keys:
        return {}
    found: dict[tuple[int, str], Observation] = {}
    wanted = Q()
    for target_id, period in keys:
        wanted |= Q(target_id=target_id, period=period)
    for o in Observation.objects.filter(wanted, status=S.APPROVED).order_by("reported_at", "id"):
        found[(o.target_id, o.period)] = o
    return found


def standing(o: Observation) -> Status | None:
    """Where ``o`` on its own leaves its target at the end of its period (the form shows it as 按报送数)."""
    try:
        period = parse_period(o.period)
    except BadPeriod:
        return None
    return assess(goal_of(o.target), [Seen(period, o.value, True, o.reference)], period.end).status


# -- targets deleted and merged ---------------------------------------------------------------


def before_delete(target: Target) -> None:
    """Refuse to delete a target with approved figures (they count: merge it into another instead) or with
    figures still waiting for approval (they would vanish unseen)."""
    if target.observations.filter(status=S.APPROVED).exists():
        raise WorkflowError(gettext("%(code)s 已有审核通过的进度数据，不能删除；如是重复目标，请合并到另一目标")
                            % {"code": target.code})
    waiting = list(target.observations.filter(status=S.SUBMITTED).order_by("period")
                   .values_list("period", flat=True))
    if waiting:
        raise WorkflowError(gettext(
            "%(code)s 还有 %(n)s 个待审核的数值（%(periods)s）：请先审核、退回或由报送人撤回，再删除")
            % {"code": target.code, "n": len(waiting), "periods": "、".join(waiting)})


@dataclass(frozen=True)
class Merged:
    """What a merge did to the dropped target's figures, in words for the office."""

    moved: int
    replaced: list[str]

    def __str__(self) -> str:
        words = gettext("移入 %(n)s 个数值") % {"n": self.moved}
        if self.replaced:
            words += gettext("；%(periods)s 两者都有审核通过的数值，以保留目标的为准（另一数值标为已被替换）") % {
                "periods": "、".join(self.replaced)}
        return words


def move_figures(drop: Target, keep: Target, by: User | None, reason: str) -> Merged:
    """Move every figure of ``drop`` to ``keep``. Where both have an approved figure for a period,
    ``keep``'s still counts and ``drop``'s becomes 已被替换, so no period silently changes its figure."""
    kept_periods = set(keep.observations.filter(status=S.APPROVED).values_list("period", flat=True))
    replaced = []
    moved = 0
    for o in drop.observations.order_by("period", "id"):
        note = f"由 {drop.code} 合并到 {keep.code}：{reason}"
        if o.status == S.APPROVED and o.period in kept_periods:
            o.status, o.review_note = S.REPLACED, f"合并后以 {keep.code} 的数值为准"
            replaced.append(o.period)
        o.target = keep
        o._history_user, o._change_reason = by, note  # type: ignore[attr-defined]
        o.save()
        moved += 1
    return Merged(moved, sorted(set(replaced)))


def follow(moves: Mapping[int, int], by: User | None, reason: str) -> int:
    """Move every figure of each old target (key of ``moves``) to its new target (the value): a new
    version of the plan was imported, or an earlier one made current again. Each figure keeps its
    state; the move is recorded in its history with ``by``, the moment and ``reason``. The old targets'
    rows are locked first, so a figure submitted meanwhile is moved too, never left behind."""
    if not moves:
        return 0
    with transaction.atomic():
        _lock_targets(list(moves))
        moving = list(Observation.objects.filter(target_id__in=list(moves)).order_by("id"))
        for o in moving:
            o.target_id = moves[o.target_id]
        bulk_update_with_history(moving, Observation, ["target"], default_user=_person(by),
                                 default_change_reason=reason)
    return len(moving)


# -- inside -----------------------------------------------------------------------------------


def _move(observation: Observation, by: User, to: str, reason: str, review_note: str = "") -> Observation:
    """From pending to ``to``, atomically: a conditional update, so two reviewers never both win."""
    with transaction.atomic():
        fields: dict[str, object] = {"status": to}
        if to in (S.APPROVED, S.RETURNED):
            fields.update(reviewed_by=by, reviewed_at=timezone.now(), review_note=review_note)
        changed = Observation.objects.filter(pk=observation.pk, status=S.SUBMITTED).update(**fields)
        fresh = Observation.objects.select_related("target", "reviewed_by", "reported_by").get(pk=observation.pk)
        if not changed:
            who = fresh.reviewed_by or fresh.reported_by or gettext("他人")
            when = _when(fresh.reviewed_at) if fresh.reviewed_at else ""
            raise AlreadyReviewed(gettext("%(code)s %(period)s 的数值已由%(who)s%(when)s处理为“%(status)s”，没有再改")
                                  % {"code": fresh.target.code, "period": fresh.period, "who": who, "when": when,
                                     "status": fresh.get_status_display()})
        fresh._history_user, fresh._change_reason = by, reason  # type: ignore[attr-defined]
        fresh.save(update_fields=list(fields))  # the same values again: this write is the history record
        return fresh


def _record(observation: Observation, by: User, reason: str, **changes: object) -> None:
    for name, value in changes.items():
        setattr(observation, name, value)
    observation._history_user, observation._change_reason = by, reason  # type: ignore[attr-defined]
    observation.save(update_fields=list(changes))


def _lock_targets(ids: list[int]) -> None:
    """Hold the targets' rows until the transaction ends, so a check-then-insert is never interleaved.

    PostgreSQL locks the rows (in id order: no deadlock); SQLite has one writer at a time, and this
    write, the transaction's first statement, makes it that writer before anything is read.
    """
    ids = sorted(set(ids))
    if connection.vendor == "postgresql":
        list(Target.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    else:
        Target.objects.filter(pk__in=ids).update(code=F("code"))


def _person(by: User | None) -> AbstractBaseUser | None:
    """The user a history record names: nobody for the command line or an anonymous caller."""
    return by if isinstance(by, AbstractBaseUser) and by.pk is not None else None


def not_yours(code: str) -> str:
    return gettext("目标 %(code)s 不属于你的单位，不能报送") % {"code": code}


def said(e: Exception) -> str:
    """An error of the tracking core in the language of the request (its message is Words)."""
    message = e.args[0] if e.args else ""
    return message.said(gettext) if isinstance(message, Words) else str(e)


def _own(observation: Observation, by: User) -> bool:
    return observation.reported_by_id is not None and observation.reported_by_id == getattr(by, "pk", None)


def _lagging_unexplained(o: Observation) -> bool:
    return standing(o) == Status.BEHIND and not (o.problems.strip() and o.next_steps.strip())


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%m-%d %H:%M}"


def _clean(text: str) -> str:
    """Text as stored: trimmed, without NUL (PostgreSQL refuses it)."""
    return str(text).replace("\x00", "").strip()


def _blank(x: object) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())
