"""Results of a plan's targets as published, with the words they came from and who confirmed them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.extract.outcomes import FIT_LABELS, KIND_LABELS, Fit, OutcomeKind
from luoshi.plans.models import Plan, Target


class Source(models.Model):
    """A document that states results: the next year's work report, a statistical bulletin."""

    name = models.CharField(_("文件"), max_length=255)
    title = models.CharField(_("标题"), max_length=200, blank=True)
    sha256 = models.CharField(_("文件摘要"), max_length=64)
    text = models.TextField(_("原文"))
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcome_sources",
                             verbose_name=_("对照的计划"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("结果来源文件")
        ordering = ["-uploaded_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["plan", "sha256"], name="outcome_source_once")]

    def __str__(self) -> str:
        return self.title or self.name


class OutcomeQuerySet(models.QuerySet["Outcome"]):
    def confirmed(self) -> OutcomeQuerySet:
        return self.filter(status=Outcome.Status.CONFIRMED).select_related("source", "decided_by")


class Outcome(models.Model):
    """A stated result for a target, recorded only when the office confirms it (or says it is not one)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("已确认")
        REJECTED = "rejected", _("已否决")

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="outcomes")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="outcomes")
    fit = models.CharField(_("对应关系"), max_length=10, choices=[(f.value, _(FIT_LABELS[f])) for f in Fit])
    kind = models.CharField(_("结果类型"), max_length=10, choices=[(k.value, _(KIND_LABELS[k])) for k in OutcomeKind])
    indicator_text = models.CharField(_("指标（原文）"), max_length=200)
    value = models.FloatField(_("数值"), null=True, blank=True, help_text=_("空白表示是否类结果（已完成）"))
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    comparator = models.CharField(_("限定"), max_length=2, blank=True,
                                  help_text=_("超/突破（>）、近/约（≈）、以下（<=）"))
    decrease = models.BooleanField(_("下降"), default=False)
    quote = models.TextField(_("原文"))
    span_start = models.PositiveIntegerField(_("原文起点"))
    span_end = models.PositiveIntegerField(_("原文终点"))
    why = models.CharField(_("对应依据"), max_length=200, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("确认人"))
    decided_at = models.DateTimeField(_("确认时间"), default=timezone.now)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("结果")
        ordering = ["target", "-decided_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["target", "source", "span_start", "span_end"],
                                               name="outcome_once")]

    def __str__(self) -> str:
        return f"{self.target.code} {self.quote}"

    @property
    def counts(self) -> bool:
        """Whether the evaluation judges the target on it: a confirmed result of the same indicator."""
        return self.status == self.Status.CONFIRMED and self.fit == Fit.SAME
