"""The office's corrections to what the extractor found: add, delete, split, merge — each with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext

from luoshi.plans.models import Origin, Plan, Section, Target, Task


class ReviewProblem(ValueError):
    """The correction cannot be made as asked; the message says why."""


def next_code(plan: Plan, section: Section, task: Task | None) -> str:
    """The first free code under a section and task: 3.2.7 after 3.2.6."""
    prefix = f"{section.ordinal}.{task.ordinal if task else 0}."
    taken = [int(c.rsplit(".", 1)[1]) for c in plan.targets.filter(code__startswith=prefix)
             .values_list("code", flat=True) if c.rsplit(".", 1)[1].isdigit()]
    return f"{prefix}{max(taken, default=0) + 1}"


@transaction.atomic
def add_target(plan: Plan, section: Section, task: Task | None, reason: str, **fields: object) -> Target:
    """A target the extractor missed, made by hand."""
    target = Target(plan=plan, section=section, task=task, code=next_code(plan, section, task),
                    origin=Origin.MANUAL, **fields)
    target._change_reason = reason  # type: ignore[attr-defined]
    target.save()
    return target


@transaction.atomic
def delete_target(target: Target, reason: str) -> None:
    """Remove a false target; one with approved figures is kept (merge it instead), one with figures
    waiting for approval too (they would vanish unseen). Its other figures stay in their history."""
    from luoshi.progress.workflow import WorkflowError, before_delete

    try:
        before_delete(target)
    except WorkflowError as e:
        raise ReviewProblem(str(e)) from None
    target._change_reason = reason  # type: ignore[attr-defined]
    target.delete()


@transaction.atomic
def split_target(target: Target, reason: str) -> Target:
    """A second target copied from one that says two things; edit each afterwards."""
    twin = Target.objects.get(pk=target.pk)
    twin.pk = None
    twin.id = None
    twin.code = next_code(target.plan, target.section, target.task)
    twin.origin = Origin.MANUAL
    twin._change_reason = f"由 {target.code} 拆分：{reason}"  # type: ignore[attr-defined]
    twin.save()
    for assignment in target.assignments.all():
        twin.assignments.create(unit=assignment.unit, role=assignment.role, basis=assignment.basis)
    return twin


@dataclass(frozen=True)
class Merge:
    """What a merge did, in words for the office: the figures moved and the kept target's status."""

    figures: str
    before: str
    after: str

    def __str__(self) -> str:
        before, after = gettext(self.before), gettext(self.after)  # status labels, in the page's language
        status = (gettext("状态由“%(before)s”变为“%(after)s”") % {"before": before, "after": after}
                  if self.before != self.after else gettext("状态仍为“%(after)s”") % {"after": after})
        return gettext("%(figures)s；%(status)s") % {"figures": self.figures, "status": status}


@transaction.atomic
def merge_targets(keep: Target, drop: Target, reason: str, by: object = None) -> Merge:
    """One target from two that are the same commitment; the dropped one's figures move to the kept one
    (where both have an approved figure for a period, the kept one's still counts)."""
    from luoshi.progress.assessing import assess_plan
    from luoshi.progress.workflow import move_figures
    from luoshi.tracking import STATUS_LABELS

    if keep.pk == drop.pk:
        raise ReviewProblem(gettext("不能把目标合并到它自己"))
    if keep.plan_id != drop.plan_id:
        raise ReviewProblem(gettext("只能合并同一计划中的目标"))
    on = min(date.today(), date(keep.plan.year, 12, 31))
    [before] = assess_plan(keep.plan, on, [keep])
    moved = move_figures(drop, keep, by, reason)  # type: ignore[arg-type]
    drop._change_reason = f"合并到 {keep.code}：{reason}"  # type: ignore[attr-defined]
    drop.delete()
    keep.origin = Origin.REVIEWED if keep.origin == Origin.EXTRACTED else keep.origin
    keep._change_reason = f"合并了 {drop.code}：{reason}"  # type: ignore[attr-defined]
    keep.save()
    [after] = assess_plan(keep.plan, on, [keep])
    return Merge(str(moved), STATUS_LABELS[before.assessment.status][0], STATUS_LABELS[after.assessment.status][0])
