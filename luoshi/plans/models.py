"""A plan as stored: the report, its outline, its targets and the canonical indicators."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.extract.model import Comparator, Kind


class PlanQuerySet(models.QuerySet["Plan"]):
    def current(self) -> PlanQuerySet:
        """The newest version of every plan."""
        return self.filter(is_current=True)


class Plan(models.Model):
    """One version of a work report. A changed document is a new version of the same slug."""

    slug = models.SlugField(_("代号"), max_length=80, allow_unicode=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    is_current = models.BooleanField(_("当前版本"), default=True)
    region = models.CharField(_("地区"), max_length=40)
    year = models.PositiveIntegerField(_("年份"))
    title = models.CharField(_("标题"), max_length=200, blank=True)
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True)
    sha256 = models.CharField(_("文件摘要"), max_length=64)
    text = models.TextField(_("原文"), blank=True, help_text=_("空白表示只保存了抽取结果，没有原文"))
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("计划")
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="plan_version_once")]
        ordering = ["slug", "-version"]

    def __str__(self) -> str:
        return gettext("%(region)s%(year)s年 %(title)s（第%(version)s版）") % {
            "region": self.region, "year": self.year, "title": self.title, "version": self.version}


class PlanUpload(models.Model):
    """A report uploaded in the browser, read into text and waiting for the office to confirm it.
    Kept here, not in the session: any server process finds it, and the session stays small."""

    token = models.CharField(max_length=32, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("文件名"), max_length=255)
    text = models.TextField(_("原文"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("待确认的报告")

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A work area: (一)全力增强经济发展动能… Ordinal 0 holds the main targets before the areas."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    ordinal = models.PositiveIntegerField(_("序号"))
    title = models.CharField(_("标题"), max_length=200)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("工作方面")
        ordering = ["plan", "ordinal"]
        constraints = [models.UniqueConstraint(fields=["plan", "ordinal"], name="section_once")]

    def __str__(self) -> str:
        return f"({self.ordinal}) {self.title}"


class Task(models.Model):
    """A task paragraph under a section: 提升投资效益."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="tasks")
    ordinal = models.PositiveIntegerField(_("序号"))
    heading = models.CharField(_("任务"), max_length=200)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("任务")
        ordering = ["section", "ordinal"]

    def __str__(self) -> str:
        return self.heading


class Indicator(models.Model):
    """A canonical catalogue entry that targets of different years and cities point to."""

    name = models.CharField(_("指标"), max_length=100, unique=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True,
                               help_text=_("报告中出现的其他写法，用于自动对应"))
    better = models.CharField(_("方向"), max_length=10, default="higher",
                              choices=[("higher", _("越高越好")), ("lower", _("越低越好")),
                                       ("closer", _("越接近越好"))])
    frequency = models.CharField(_("发布频率"), max_length=10, default="month",
                                 choices=[("month", _("月度")), ("quarter", _("季度")), ("year", _("年度"))])

    class Meta:
        verbose_name = verbose_name_plural = _("指标目录")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Origin(models.TextChoices):
    EXTRACTED = "extracted", _("自动抽取")
    REVIEWED = "reviewed", _("人工审核")
    MANUAL = "manual", _("人工添加")


class TargetQuerySet(models.QuerySet["Target"]):
    def for_assessment(self) -> TargetQuerySet:
        return self.select_related("section", "task", "indicator").order_by("section__ordinal", "id")


class Target(models.Model):
    """A commitment of the plan, with the words it came from and every change to it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="targets")
    task = models.ForeignKey(Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="targets")
    code = models.CharField(_("编号"), max_length=20, help_text=_("方面.任务.序号，例如 3.2.1"))
    indicator_text = models.CharField(_("指标（原文）"), max_length=200)
    indicator = models.ForeignKey(Indicator, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="targets", verbose_name=_("目录指标"))
    kind = models.CharField(_("类型"), max_length=10, choices=[(k.value, k.value) for k in Kind])
    comparator = models.CharField(_("比较"), max_length=2, blank=True,
                                  choices=[(c.value, c.value) for c in Comparator])
    value = models.FloatField(_("目标值"), null=True, blank=True)
    value_max = models.FloatField(_("目标上限"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    aspirational = models.BooleanField(_("力争"), default=False)
    decrease = models.BooleanField(_("下降"), default=False)
    condition = models.CharField(_("关系或方向"), max_length=100, blank=True)
    baseline = models.FloatField(_("基期值"), null=True, blank=True)
    profile = models.JSONField(_("季节占比"), null=True, blank=True, help_text=_("上年1-12月各月占比"))
    span_start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)
    quote = models.TextField(_("原文"), blank=True)
    origin = models.CharField(_("来源"), max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = _("目标")
        ordering = ["plan", "section__ordinal", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="target_code_once")]

    def __str__(self) -> str:
        return f"{self.code} {self.indicator_text}"

    # The fields in_words reads (with code): load only these where a page shows targets in words.
    WORDS = ("code", "indicator_text", "kind", "comparator", "value", "value_max", "unit", "deadline",
             "aspirational", "decrease", "condition")

    def in_words(self) -> str:
        """The target as a breakdown table writes it: 固定资产投资增长10%以上."""
        return target_words(self.indicator_text, self.kind, self.comparator, self.value, self.value_max, self.unit,
                            self.deadline, self.aspirational, self.decrease, self.condition)


def target_words(indicator: str, kind: str, comparator: str | None, value: float | None, value_max: float | None,
                 unit: str | None, deadline: date | None, aspirational: bool, decrease: bool,
                 condition: str | None) -> str:
    """A target's facts in words, stored or not yet stored: 固定资产投资增长10%以上."""
    from luoshi.extract.model import Target as Found
    from luoshi.extract.render import describe

    return describe(Found(
        indicator=indicator, kind=Kind(kind), comparator=Comparator(comparator) if comparator else None,
        value=value, value_max=value_max, unit=unit or None, deadline=deadline, aspirational=aspirational,
        span=(0, 1), section=0, task=None, decrease=decrease, condition=condition or None))
