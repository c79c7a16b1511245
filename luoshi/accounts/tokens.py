"""API tokens: made once and shown once, kept only as a digest; they expire, are revoked by their owner
or the office, and die with the password they were made under."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from luoshi.accounts.models import TOKEN_LIFETIME, ApiToken

# A token's last use is written at most this often, so that reading the API does not write every time.
LAST_USED_GRAIN = timedelta(minutes=5)


def make_token(user: AbstractBaseUser, name: str = "", lifetime: timedelta = TOKEN_LIFETIME) -> str:
    """A new token for ``user``; the caller must show it now, it cannot be read back."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=_digest(key), name=name, expires_at=timezone.now() + lifetime)
    return key


def user_for(key: str) -> AbstractBaseUser | None:
    """The user a valid token belongs to; None for an unknown, revoked or expired one."""
    token = ApiToken.objects.valid().select_related("user").filter(digest=_digest(key)).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRAIN:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def tokens_of(user: AbstractBaseUser) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def revoke(tokens: QuerySet[ApiToken], because: str) -> int:
    """Revoke every token in ``tokens`` still in force; how many were."""
    return tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_because=because)


def revoke_on_new_password(user: AbstractBaseUser, new_password: str | None, old_hash: str | None) -> None:
    """A new password revokes its user's tokens; the same password hashed again (a hasher upgraded
    on login) does not."""
    if new_password is None or not old_hash or check_password(new_password, old_hash):
        return
    revoke(tokens_of(user), "密码已修改")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _password_changed(sender: type[AbstractBaseUser], instance: AbstractBaseUser, **kwargs: Any) -> None:
    # set_password() keeps the new password in _password until the user is saved (Django's own hook
    # for the validators' password_changed): the one moment both the old hash and the new password are known.
    if instance.pk is not None:
        old_hash = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
        revoke_on_new_password(instance, getattr(instance, "_password", None), old_hash)
