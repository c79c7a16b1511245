"""Who may see and do what. Every view asks here; nothing else decides."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from luoshi.accounts.models import Profile, Role
from luoshi.plans.models import Plan, Target
from luoshi.units.models import Assignment, Unit


@dataclass(frozen=True)
class Access:
    """A signed-in user's role and, for a liaison, their unit; or the public (no role: :data:`PUBLIC`)."""

    role: Role | None
    unit: Unit | None

    @property
    def is_public(self) -> bool:
        """The public portal's reader: targets and statuses only, never figures' words or anyone's name."""
        return self.role is None

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

    def may_see_unit(self, unit: Unit) -> bool:
        """A unit's page: the office and leaders see every unit's, a liaison only their own."""
        return not self.is_public and (not self.is_liaison or self.unit == unit)

    def reporting_unit(self, chosen: int | None) -> Unit | None:
        """The unit whose figures this user reports: a liaison's own; for the office the one chosen (?unit=)."""
        if self.is_liaison:
            return self.unit
        if self.is_office and chosen is not None:
            return Unit.objects.filter(pk=chosen).first()
        return None

    def units_to_report_for(self) -> QuerySet[Unit] | None:
        """The departments the office may choose to report for; None for a liaison (always their own unit)."""
        return Unit.objects.filter(kind="department") if self.is_office else None

    def reporting_targets(self, plan: Plan, unit: Unit | None = None) -> QuerySet[Target]:
        """The targets this user reports for ``unit`` (a liaison: always their own unit's; the office: the
        unit's, or every target when none is chosen). 403 for anyone else."""
        if self.is_liaison:
            unit = self.unit
        elif not self.is_office:
            raise PermissionDenied(gettext("只有单位联络员和督查室可以报送"))
        targets = plan.targets.for_assessment()
        if unit is not None:
            targets = targets.filter(Q(assignments__unit=unit) | Q(task__assignments__unit=unit)).distinct()
        return targets


PUBLIC = Access(None, None)
"""The public portal's access: every target and its status, nothing else (not a leader's access)."""


def access_of(user: AbstractBaseUser | AnonymousUser) -> Access:
    """The user's access; a user with no role sees nothing (403)."""
    if not user.is_authenticated:
        raise PermissionDenied(gettext("请先登录"))
    if getattr(user, "is_superuser", False):
        return Access(Role.OFFICE, None)
    profile = Profile.objects.select_related("unit").filter(user=user).first()
    if profile is None:
        raise PermissionDenied(gettext("这个账号还没有分配角色，请联系督查室"))
    return Access(Role(profile.role), profile.unit)


def require_office(user: AbstractBaseUser | AnonymousUser) -> Access:
    access = access_of(user)
    if not access.is_office:
        raise PermissionDenied(gettext("只有督查室可以进行这项操作"))
    return access


def require_reporter(user: AbstractBaseUser | AnonymousUser) -> Access:
    access = access_of(user)
    if not access.reports:
        raise PermissionDenied(gettext("领导账号只能查看，不能报送"))
    return access


def require_unit(user: AbstractBaseUser | AnonymousUser, unit: Unit) -> Access:
    access = access_of(user)
    if not access.may_see_unit(unit):
        raise PermissionDenied(gettext("只能查看本单位的页面"))
    return access


def get_target_for_user(user: AbstractBaseUser | AnonymousUser, plan: Plan, code: str) -> tuple[Target, Access]:
    """The target ``code`` of ``plan`` if this user may see it: 404 when there is none, 403 when not theirs."""
    access = access_of(user)
    target = plan.targets.select_related("section", "task", "indicator").filter(code=code).first()
    if target is None:
        raise Http404(gettext("计划 %(plan)s 没有编号为 %(code)s 的目标") % {"plan": plan.slug, "code": code})
    target.plan = plan  # known: never read the plan (and its whole text) again with the target
    if access.is_liaison and not _assigned(target, access.unit):
        raise PermissionDenied(gettext("这个目标不属于你的单位"))
    return target, access


def _assigned(target: Target, unit: Unit | None) -> bool:
    """Whether ``unit`` answers for ``target``, directly or through the target's task."""
    through_task = Q(task_id=target.task_id, target__isnull=True, task__isnull=False)
    return Assignment.objects.filter(Q(target=target) | through_task, unit=unit).exists()
