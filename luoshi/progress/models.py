"""Reported figures: every one kept, revisions never overwrite, the latest approved one counts.

Only :mod:`luoshi.progress.workflow` changes a figure's state; every change is in ``history``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.plans.models import Target
from luoshi.tracking.figures import say_number


class ObservationQuerySet(models.QuerySet["Observation"]):
    def counted(self) -> ObservationQuerySet:
        """Approved figures in the order they were reported, so a later revision wins."""
        return self.filter(status=Observation.Status.APPROVED).order_by("reported_at", "id")

    def pending(self) -> ObservationQuerySet:
        """Submissions waiting for the office, oldest first."""
        return (self.filter(status=Observation.Status.SUBMITTED)
                .select_related("target", "target__section", "reported_by").order_by("reported_at", "id"))


class Observation(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待审核")
        APPROVED = "approved", _("已审核")
        RETURNED = "returned", _("已退回")
        WITHDRAWN = "withdrawn", _("已撤回")
        REPLACED = "replaced", _("已被替换")

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="observations")
    period = models.CharField(_("期别"), max_length=10,
                              help_text=_("只存一种写法：2024-06、2024Q2、2024H1 或 2024"))
    cumulative = models.BooleanField(_("累计数"), default=True)
    value = models.FloatField(_("数值"))
    reference = models.FloatField(_("对照数"), null=True, blank=True,
                                  help_text=_("关系类目标的对照指标数值，或方向类目标的上年同期数"))
    narrative = models.TextField(_("进展情况"), blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    next_steps = models.TextField(_("下一步措施"), blank=True)
    source = models.CharField(_("来源"), max_length=500, blank=True)
    illustrative = models.BooleanField(_("示例数据"), default=False,
                                       help_text=_("演示用的生成数据，不是公布的统计数"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.APPROVED)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("报送人"))
    reported_at = models.DateTimeField(_("报送时间"), auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("审核人"))
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    review_note = models.CharField(_("退回理由"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("进度数据")
        ordering = ["target", "period", "reported_at", "id"]
        indexes = [models.Index(fields=["target", "status"])]

    def __str__(self) -> str:
        return f"{self.target.code} {self.period} {say_number(self.value)}"


class DataVersion(models.Model):
    """One row whose number the database itself raises whenever a write could change an assessment.

    Triggers on the tables of plans, targets, indicators and figures (migration 0003) bump it, so
    every kind of write counts: a page, the admin, an upload's bulk insert, ``QuerySet.update()``,
    another server process, raw SQL. Cached assessments are keyed by it (``assessing.data_version``).
    """

    n = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("数据版本")


class Change(models.Model):
    """Which target a write of data version ``version`` touched; no target: something every target
    may depend on (a plan or its sections, the catalogue, the calendar, a task's lead, a unit's name,
    outcomes).

    Written by the same triggers that raise the data version (migration 0005), so a cache of an older
    version can work out only the targets written since. The triggers keep the last KEEP versions.
    """

    KEEP = 100_000

    version = models.BigIntegerField(db_index=True)
    target_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = verbose_name_plural = _("数据变更")
