"""Who a user is to the plan: the office, a unit's liaison, or a leader."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.units.models import Unit


class Role(models.TextChoices):
    OFFICE = "office", _("督查室（牵头部门）")
    LIAISON = "liaison", _("单位联络员")
    LEADER = "leader", _("领导")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="liaisons",
                             verbose_name=_("所属单位"), help_text=_("联络员必须属于一个单位"))

    class Meta:
        verbose_name = verbose_name_plural = _("用户角色")
        constraints = [models.CheckConstraint(condition=~models.Q(role="liaison") | models.Q(unit__isnull=False),
                                              name="liaison_has_unit")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


TOKEN_LIFETIME = timedelta(days=365)


def _a_year_on() -> datetime:
    return timezone.now() + TOKEN_LIFETIME


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def valid(self) -> ApiTokenQuerySet:
        """Tokens that open the API now: not revoked, not expired, their user active."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)


class ApiToken(models.Model):
    """A key for the API. Only its SHA-256 is kept; the key itself is shown once, when made.

    It expires (a year by default), its owner or the office can revoke it, and a new password
    revokes all of its user's tokens: a key that leaked with the old password stops working too.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("用途"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    expires_at = models.DateTimeField(_("有效期至"), default=_a_year_on)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("作废时间"), null=True, blank=True)
    revoked_because = models.CharField(_("作废原因"), max_length=100, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("接口令牌")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.name or self.digest[:8]}"

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "已作废"
        return "已过期" if self.expires_at <= timezone.now() else "有效"
