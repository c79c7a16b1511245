"""API tokens: made once and shown once, kept only as a digest."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser

from luoshi.accounts.models import ApiToken


def make_token(user: AbstractBaseUser, name: str = "") -> str:
    """A new token for ``user``; the caller must show it now, it cannot be read back."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=_digest(key), name=name)
    return key


def user_for(key: str) -> AbstractBaseUser | None:
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
    return token.user if token is not None and token.user.is_active else None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
