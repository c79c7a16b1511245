"""The bulletin's words the office sets once per plan, its edits of a period's text, and the
bulletins as issued: kept with their files and figures, never changed by later figures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BulletinSettings(models.Model):
    """发文机关, 文号 and the rest of a plan's bulletins' letterhead (kept by the plan's code, so a new
    version of the plan keeps them)."""

    slug = models.SlugField(_("计划代码"), max_length=80, unique=True)
    issuer = models.CharField(_("发文机关"), max_length=60, default="督查室",
                              help_text=_("版头的发文机关标志，如：××市人民政府督查室"))
    prefix = models.CharField(_("文号前缀"), max_length=20, default="督", help_text=_("如：金政督"))
    next_number = models.PositiveIntegerField(_("下一个文号"), default=1, help_text=_("下一期通报的顺序号"))
    recipients = models.CharField(_("主送"), max_length=300, blank=True,
                                  help_text=_("如：各县（市、区）人民政府，市政府各部门"))
    copies = models.CharField(_("抄送"), max_length=300, blank=True, help_text=_("如：市委办公室，市人大常委会办公室"))
    signature = models.CharField(_("署名"), max_length=60, blank=True, help_text=_("空着时用发文机关"))
    printer = models.CharField(_("印发机关"), max_length=60, blank=True, help_text=_("空着时用发文机关"))

    class Meta:
        verbose_name = verbose_name_plural = _("通报设置")

    def __str__(self) -> str:
        return f"{self.slug}：{self.issuer}"

    def reference(self, year: int, number: int) -> str:
        return f"{self.prefix}〔{year}〕{number}号"


class BulletinText(models.Model):
    """The office's own wording of 一、总体情况 for one period, used whenever that period's bulletin
    is made (so it can be made again identically)."""

    slug = models.SlugField(_("计划代码"), max_length=80)
    period = models.CharField(_("期别"), max_length=10)
    summary = models.TextField(_("总体情况"), help_text=_("一段一行"))
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("修改人"))
    edited_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("通报文字")
        constraints = [models.UniqueConstraint(fields=["slug", "period"], name="one_text_per_period")]

    def __str__(self) -> str:
        return f"{self.slug} {self.period}"

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.summary.splitlines() if line.strip()]


class IssuedBulletin(models.Model):
    """A bulletin as sent: its number, who issued it and when, the figures and words it was made from,
    and its files. Nothing changes it afterwards; a period can be issued again under a new number."""

    slug = models.SlugField(_("计划代码"), max_length=80)
    plan = models.ForeignKey("plans.Plan", on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("计划版本"))
    period = models.CharField(_("期别"), max_length=10)
    year = models.PositiveIntegerField(_("文号年份"))
    number = models.PositiveIntegerField(_("顺序号"))
    reference = models.CharField(_("发文字号"), max_length=40)
    title = models.CharField(_("标题"), max_length=200)
    figures = models.JSONField(_("数据"), help_text=_("通报依据的每个目标的数据和状态、总体情况文字"))
    docx = models.BinaryField(_("Word 文件"))
    pdf = models.BinaryField(_("PDF 文件"))
    xlsx = models.BinaryField(_("附件 Excel 文件"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  related_name="+", verbose_name=_("签发人"))
    issued_at = models.DateTimeField(_("签发时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("已印发通报")
        ordering = ["-issued_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["slug", "year", "number"], name="one_bulletin_per_number")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"
