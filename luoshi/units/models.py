"""Who carries out the plan: departments and lower governments, and what each one leads."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.plans.models import Target, Task


class UnitQuerySet(models.QuerySet["Unit"]):
    def active(self) -> UnitQuerySet:
        return self.filter(active=True)


class Unit(models.Model):
    """A department (发展和改革委员会) or a lower government (a county or district), in a tree."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("人民政府")
        DEPARTMENT = "department", _("部门")
        COUNTY = "county", _("县（市、区）")

    name = models.CharField(_("名称"), max_length=60, unique=True)
    short_name = models.CharField(_("简称"), max_length=20, blank=True)
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("上级"))
    keywords = models.JSONField(_("牵头关键词"), default=list, blank=True,
                                help_text=_("目标或任务含有这些词时，默认由本单位牵头"))
    active = models.BooleanField(_("在用"), default=True,
                                 help_text=_("停用的单位不再出现在分工和新账号的选择中；已有的分工和数据保留"))

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("单位")
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Assignment(models.Model):
    """A unit's part in a target or a task: the one lead (牵头) or a co-unit (责任/配合)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("牵头单位")
        CO = "co", _("责任单位")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="assignments")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="assignments")
    role = models.CharField(_("角色"), max_length=4, choices=Role.choices, default=Role.LEAD)
    basis = models.CharField(_("依据"), max_length=100, blank=True,
                             help_text=_("自动分派时命中的关键词；人工分派时为空"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = _("分工")
        constraints = [
            models.CheckConstraint(condition=models.Q(target__isnull=False) | models.Q(task__isnull=False),
                                   name="assignment_has_subject"),
            models.UniqueConstraint(fields=["target"], condition=models.Q(role="lead"),
                                    name="one_lead_per_target"),
            models.UniqueConstraint(fields=["task"], condition=models.Q(role="lead", target__isnull=True),
                                    name="one_lead_per_task"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.get_role_display()}"
