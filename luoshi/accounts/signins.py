"""Logging in: who tried, from where, and whether it worked (django-axes counts and locks)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

log = logging.getLogger("luoshi.accounts")


def client_address(request: HttpRequest) -> str:
    """The browser's address: the socket's peer, or behind the reverse proxy the one it appended last
    to X-Forwarded-For (what it saw; anything left of it the browser may have written itself)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        log.info("login ok: %s from %s", user.get_username(), client_address(request))


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None,
                  **kwargs: Any) -> None:
    where = client_address(request) if request is not None else "-"
    log.warning("login failed: %s from %s", credentials.get("username", "?"), where)
