"""The office's reporting calendar, each user's choice of reminders, and every reminder sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.plans.models import Indicator, Plan, Target
from luoshi.tracking.due import FREQUENCY_LABELS, Rule

FREQUENCY_CHOICES = [("", _("按上级设置")), *((value, _(label)) for value, label in FREQUENCY_LABELS.items())]


class ReportingRule(models.Model):
    """When figures are due: for a whole plan, for one indicator of it, or for one target.

    A blank field means "as the level above says" (target → indicator → plan → the default:
    monthly, by the 10th of the next month; quarterly or annual when the indicator is published so).
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_rules")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                  verbose_name=_("目录指标"))
    target = models.ForeignKey(Target, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="reporting_rules", verbose_name=_("目标"))
    frequency = models.CharField(_("报送频率"), max_length=10, blank=True, choices=FREQUENCY_CHOICES)
    due_day = models.PositiveSmallIntegerField(_("截止日"), null=True, blank=True,
                                               help_text=_("每期结束后第几个月的几号"))
    lag_months = models.PositiveSmallIntegerField(_("期后月数"), null=True, blank=True,
                                                  help_text=_("1 表示下个月，0 表示本期最后一个月"))
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("设置人"))
    changed_at = models.DateTimeField(_("设置时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("报送日历设置")
        constraints = [
            models.CheckConstraint(condition=Q(indicator__isnull=True) | Q(target__isnull=True),
                                   name="rule_for_one_level"),
            models.UniqueConstraint(fields=["plan"], condition=Q(indicator__isnull=True, target__isnull=True),
                                    name="one_rule_per_plan"),
            models.UniqueConstraint(fields=["plan", "indicator"], condition=Q(indicator__isnull=False),
                                    name="one_rule_per_indicator"),
            models.UniqueConstraint(fields=["plan", "target"], condition=Q(target__isnull=False),
                                    name="one_rule_per_target"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.slug} {self.target or self.indicator or '全计划'}"

    def as_rule(self) -> Rule:
        return Rule(self.frequency or None, self.due_day, self.lag_months)


class Channel(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    DINGTALK = "dingtalk", _("钉钉群机器人")
    WECOM = "wecom", _("企业微信群机器人")
    NONE = "none", _("不提醒")


class Contact(models.Model):
    """How a user wants to be reminded: by e-mail (their account's address), a group robot, or not at all."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact")
    channel = models.CharField(_("提醒方式"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    webhook = models.URLField(_("机器人 Webhook 地址"), max_length=500, blank=True,
                              help_text=_("群机器人设置里的 Webhook 地址"))
    secret = models.CharField(_("加签密钥"), max_length=200, blank=True,
                              help_text=_("钉钉机器人“加签”安全设置的密钥（SEC 开头）；企业微信不需要"))

    class Meta:
        verbose_name = verbose_name_plural = _("提醒方式")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_channel_display()}"


class Reminder(models.Model):
    """One reminder sent: to whom, by which channel and address, about which due item, when.

    ``key`` names what it was about (kind, target, period and, for a return, the figure): the
    same key is never sent twice to the same address by the same channel.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("即将到期")
        OVERDUE = "overdue", _("已逾期")
        RETURNED = "returned", _("被退回")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("收件人"))
    channel = models.CharField(_("方式"), max_length=10, choices=Channel.choices)
    address = models.CharField(_("地址"), max_length=500)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("目标"))
    period = models.CharField(_("期别"), max_length=10)
    due = models.DateField(_("截止日期"))
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("提醒记录")
        ordering = ["-sent_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["channel", "address", "key"], name="remind_once")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display()} {self.target.code} {self.period}"
