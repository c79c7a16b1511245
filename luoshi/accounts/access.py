"""Who may see and do what. Every view asks here; nothing else decides."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from luoshi.accounts.models import Profile, Role
from luoshi.plans.models import Plan, Target
from luoshi.units.models import Assignment, Unit


@dataclass(frozen=True)
class Access:
    """A signed-in user's role and, for a liaison, their unit."""

    role: Role
    unit: Unit | None

    @property
    def is_office(self) -> bool:
        return self.role == Role.OFFICE

    @property
    def is_liaison(self) -> bool:
        return self.role == Role.LIAISON

    @property
    def reports(self) -> bool:
        """Whether this user reports figures at all: the office and liaisons do, leaders only read."""
        return self.role in (Role.OFFICE, Role.LIAISON)

    def visible_targets(self, plan: Plan) -> QuerySet[Target]:
        """The targets of ``plan`` this user may see: all, or a liaison's unit's own."""
        targets = plan.targets.all()
        if self.is_liaison:
            targets = targets.filter(Q(assignments__unit=self.unit) | Q(task__assignments__unit=self.unit)).distinct()
        return targets

    def may_report(self, target: Target) -> bool:
        return self.is_office or (self.is_liaison and _assigned(target, self.unit))


def access_of(user: AbstractBaseUser | AnonymousUser) -> Access:
    """The user's access; a user with no role sees nothing (403)."""
    if not user.is_authenticated:
        raise PermissionDenied("请先登录")
    if getattr(user, "is_superuser", False):
        return Access(Role.OFFICE, None)
    profile = Profile.objects.select_related("unit").filter(user=user).first()
    if profile is None:
        raise PermissionDenied("这个账号还没有分配角色，请联系督查室")
    return Access(Role(profile.role), profile.unit)


def require_office(user: AbstractBaseUser | AnonymousUser) -> Access:
    access = access_of(user)
    if not access.is_office:
        raise PermissionDenied("只有督查室可以进行这项操作")
    return access


def require_reporter(user: AbstractBaseUser | AnonymousUser) -> Access:
    access = access_of(user)
    if not access.reports:
        raise PermissionDenied("领导账号只能查看，不能报送")
    return access


def get_target_for_user(user: AbstractBaseUser | AnonymousUser, plan: Plan, code: str) -> tuple[Target, Access]:
    """The target ``code`` of ``plan`` if this user may see it: 404 when there is none, 403 when not theirs."""
    access = access_of(user)
    target = plan.targets.select_related("section", "task", "indicator").filter(code=code).first()
    if target is None:
        raise Http404(f"计划 {plan.slug} 没有编号为 {code} 的目标")
    target.plan = plan  # known: never read the plan (and its whole text) again with the target
    if access.is_liaison and not _assigned(target, access.unit):
        raise PermissionDenied("这个目标不属于你的单位")
    return target, access


def _assigned(target: Target, unit: Unit | None) -> bool:
    """Whether ``unit`` answers for ``target``, directly or through the target's task."""
    through_task = Q(task_id=target.task_id, target__isnull=True, task__isnull=False)
    return Assignment.objects.filter(Q(target=target) | through_task, unit=unit).exists()
