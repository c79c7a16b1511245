"""Who a user is to the plan: the office, a unit's liaison, or a leader."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from luoshi.units.models import Unit


class Role(models.TextChoices):
    OFFICE = "office", "督查室（牵头部门）"
    LIAISON = "liaison", "单位联络员"
    LEADER = "leader", "领导"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=10, choices=Role.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="liaisons",
                             verbose_name="所属单位", help_text="联络员必须属于一个单位")

    class Meta:
        verbose_name = verbose_name_plural = "用户角色"
        constraints = [models.CheckConstraint(condition=~models.Q(role="liaison") | models.Q(unit__isnull=False),
                                              name="liaison_has_unit")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class ApiToken(models.Model):
    """A key for the API. Only its SHA-256 is kept; the key itself is shown once, when made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    name = models.CharField("用途", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} · {self.name or self.digest[:8]}"
