"""The header's count of what needs the signed-in user."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from luoshi.accounts.access import Access, access_of
from luoshi.deadlines.inbox import needs_me as count
from luoshi.plans.models import Plan

register = template.Library()


@register.simple_tag(takes_context=True)
def needs_me(context: Any, plan: Plan | None) -> int:
    """A liaison's figures due soon, overdue or returned; the office's figures waiting; 0 for anyone else."""
    if plan is None or not getattr(plan, "pk", None):
        return 0
    access = context.get("access")
    if not isinstance(access, Access):
        try:
            access = access_of(context["request"].user)
        except PermissionDenied:
            return 0
    return count(plan, access, timezone.localdate())
