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
