"""Creating users with their role: by command, by the demo, by the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.password_validation import MinimumLengthValidator, validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from luoshi.accounts.models import Profile, Role
from luoshi.units.models import Unit


class MinimumLength(MinimumLengthValidator):
    """Django's, with a Chinese reason (Django's own Chinese catalogue lacks this message's new wording)."""

    def get_error_message(self) -> str:
        return _("密码太短：至少要有 %(n)s 个字符。") % {"n": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少要有 %(n)s 个字符。") % {"n": self.min_length}


class UserProblem(ValueError):
    """The user cannot be created as asked; the message says why."""


@transaction.atomic
def add_user(username: str, password: str, role: Role, unit_name: str | None = None,
             validate: bool = True) -> AbstractUser:
    """A user with a role (and, for a liaison, a unit named by its name or short name).

    The password must pass the validators of settings.AUTH_PASSWORD_VALIDATORS (at least 12
    characters, not common, not all digits, not like the user name); only the demo's
    published accounts are made with ``validate=False``.
    """
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
    if validate:
        try:
            validate_password(password, users(username=username))
        except ValidationError as e:
            raise UserProblem("密码不符合要求：" + "".join(e.messages)) from None
    user = users.objects.create_user(username=username, password=password)
    Profile.objects.create(user=user, role=role, unit=unit)
    return user  # type: ignore[no-any-return]
