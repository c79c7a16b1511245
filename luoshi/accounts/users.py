"""Creating users with their role: by command, by the demo, by the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django.db.models import Q

from luoshi.accounts.models import Profile, Role
from luoshi.units.models import Unit


class UserProblem(ValueError):
    """The user cannot be created as asked; the message says why."""


@transaction.atomic
def add_user(username: str, password: str, role: Role, unit_name: str | None = None) -> AbstractUser:
    """A user with a role (and, for a liaison, a unit named by its name or short name)."""
    unit = None
    if role == Role.LIAISON:
        if not unit_name:
            raise UserProblem("联络员必须属于一个单位：请用 --unit 指定，例如 --unit 市商务局")
        unit = Unit.objects.filter(Q(name=unit_name) | Q(short_name=unit_name)).first()
        if unit is None:
            raise UserProblem(f"没有名为“{unit_name}”的单位")
    users = get_user_model()
    if users.objects.filter(username=username).exists():
        raise UserProblem(f"用户 {username} 已经存在")
    user = users.objects.create_user(username=username, password=password)
    Profile.objects.create(user=user, role=role, unit=unit)
    return user  # type: ignore[no-any-return]
