"""The inbox (a liaison's landing page), the office's 催报 list, the reporting calendar's settings."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi import query
from luoshi.accounts.access import access_of, require_office
from luoshi.deadlines.chase import COLUMNS, chase_table
from luoshi.deadlines.chase import chase as chase_list
from luoshi.deadlines.inbox import inbox_of
from luoshi.deadlines.items import due_items
from luoshi.deadlines.models import Channel, Contact, Reminder, ReportingRule
from luoshi.plans.models import Indicator, Plan
from luoshi.plans.views import current
from luoshi.progress import workflow
from luoshi.progress.models import Observation
from luoshi.reports import files
from luoshi.tracking.due import DueState
from luoshi.tracking.figures import say_number


def day_asked(request: HttpRequest, plan: Plan) -> date:
    """?on=2024-07-08 to see a day as it was (or will be); today otherwise."""
    return query.day(request.GET, "on") or timezone.localdate()


@login_required
def inbox(request: HttpRequest, slug: str) -> HttpResponse:
    """待办: what is due soon, overdue, returned, waiting — each one click from the form."""
    plan = current(slug)
    access = access_of(request.user)
    if not access.reports:
        return redirect("dashboard", slug=plan.slug)
    if request.method == "POST":
        figure = get_object_or_404(Observation, pk=request.POST.get("withdraw") or 0, target__plan=plan)
        try:
            workflow.withdraw(figure, request.user)
            messages.success(request, gettext("已撤回 %(code)s %(period)s 的数值 %(value)s") % {
                "code": figure.target.code, "period": figure.period, "value": say_number(figure.value)})
        except workflow.WorkflowError as e:
            messages.error(request, str(e))
        return redirect(request.get_full_path())
    on = day_asked(request, plan)
    return render(request, "deadlines/inbox.html", {
        "plan": plan, "access": access, "box": inbox_of(plan, access, on), "on": on,
        "on_param": request.GET.get("on", "")})


@login_required
def chase(request: HttpRequest, slug: str) -> HttpResponse:
    """催报: every overdue figure by unit, how late, whether it was returned, when last reminded; printable."""
    plan = current(slug)
    access = require_office(request.user)
    on = day_asked(request, plan)
    groups = chase_list(plan, on)
    reminders = (Reminder.objects.filter(target__plan=plan).select_related("user", "target")[:50])
    return render(request, "deadlines/chase.html", {
        "plan": plan, "access": access, "groups": groups, "on": on, "on_param": request.GET.get("on", ""),
        "total": sum(len(g.rows) for g in groups), "reminders": reminders})


@login_required
@files.in_chinese  # the file a clerk sends on
def chase_download(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    require_office(request.user)
    on = day_asked(request, plan)
    groups = chase_list(plan, on)
    content = files.xlsx(f"{plan.region}{plan.year}年政府工作报告目标任务催报清单（截至{on:%Y年%m月%d日}）",
                         [files.Column(name, width) for name, width in
                          zip(COLUMNS, (18, 14, 9, 36, 10, 12, 9, 30, 16), strict=True)],
                         chase_table(groups), "催报")
    response = HttpResponse(content, content_type=XLSX)
    name = f"{plan.slug}-{on:%Y%m%d}-催报.xlsx"
    response["Content-Disposition"] = (f"attachment; filename=\"{plan.slug}-{on:%Y%m%d}-chase.xlsx\"; "
                                       f"filename*=UTF-8''{quote(name)}")
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RuleForm(forms.ModelForm):
    scope = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ReportingRule
        fields = ("frequency", "due_day", "lag_months")
        widgets = {"due_day": forms.NumberInput(attrs={"min": 1, "max": 31}),
                   "lag_months": forms.NumberInput(attrs={"min": 0, "max": 12})}

    def clean_due_day(self) -> int | None:
        day: int | None = self.cleaned_data["due_day"]
        if day is not None and not 1 <= day <= 31:
            raise forms.ValidationError(gettext("截止日应为 1 到 31 之间的整数（超过当月天数按月末计）"))
        return day

    def clean_lag_months(self) -> int | None:
        lag: int | None = self.cleaned_data["lag_months"]
        if lag is not None and lag > 12:
            raise forms.ValidationError(gettext("期后月数应为 0 到 12"))
        return lag


@login_required
def calendar_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """报送日历: the plan's default, and exceptions for an indicator or a target."""
    plan = current(slug)
    access = require_office(request.user)
    indicators = list(Indicator.objects.filter(targets__plan=plan).distinct().order_by("name"))
    form = RuleForm(request.POST or None)
    if request.method == "POST" and query.number(request.POST, "delete") is not None:
        ReportingRule.objects.filter(plan=plan, pk=query.number(request.POST, "delete")).delete()
        messages.success(request, gettext("已删除这条设置，改按上级设置"))
        return redirect("calendar", slug=plan.slug)
    if request.method == "POST" and form.is_valid():
        scope = request.POST.get("scope", "plan")
        where: dict[str, object] = {"plan": plan, "indicator": None, "target": None}
        if scope.startswith("indicator:"):
            where["indicator"] = next((i for i in indicators if str(i.pk) == scope[10:]), None)
        elif scope == "target":
            where["target"] = plan.targets.filter(code=request.POST.get("code", "").strip()).first()
        if scope != "plan" and where["indicator"] is None and where["target"] is None:
            form.add_error(None, gettext("请选择一个指标，或填写本计划中存在的目标编号"))
        else:
            values = {k: form.cleaned_data[k] for k in ("frequency", "due_day", "lag_months")}
            ReportingRule.objects.update_or_create(**where, defaults={**values, "changed_by": request.user})
            messages.success(request, gettext("报送日历已保存"))
            return redirect("calendar", slug=plan.slug)
    rules = list(ReportingRule.objects.filter(plan=plan).select_related("indicator", "target", "changed_by")
                 .order_by("target__code", "indicator__name"))
    sample = sorted({(i.period, i.due) for i in due_items(plan, day_asked(request, plan))
                     if i.state in (DueState.DUE_SOON, DueState.NOT_YET_DUE)}, key=lambda pd: (pd[1], pd[0]))[:8]
    return render(request, "deadlines/calendar.html", {
        "plan": plan, "access": access, "form": form, "rules": rules, "indicators": indicators,
        "plan_rule": next((r for r in rules if r.indicator_id is None and r.target_id is None), None),
        "sample": sample})


class ContactForm(forms.ModelForm):
    email = forms.EmailField(label=_("电子邮件地址"), required=False)
    webhook = forms.URLField(label=_("机器人 Webhook 地址"), max_length=500, required=False, assume_scheme="https",
                             help_text=_("群机器人设置里的 Webhook 地址"))

    class Meta:
        model = Contact
        fields = ("channel", "webhook", "secret")
        widgets = {"channel": forms.RadioSelect, "secret": forms.PasswordInput(render_value=True)}

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        channel = data.get("channel")
        if channel == Channel.EMAIL and not data.get("email"):
            self.add_error("email", gettext("选择电子邮件提醒时请填写邮件地址"))
        if channel in (Channel.DINGTALK, Channel.WECOM) and not data.get("webhook"):
            self.add_error("webhook", gettext("选择群机器人提醒时请填写机器人的 Webhook 地址"))
        webhook = str(data.get("webhook") or "")
        if webhook and not webhook.startswith(("https://", "http://")):
            self.add_error("webhook", gettext("Webhook 地址应以 https:// 开头"))
        return data


@login_required
def contact(request: HttpRequest) -> HttpResponse:
    """提醒方式: each user chooses e-mail, a group robot, or no reminders."""
    access = access_of(request.user)
    user = request.user
    mine = Contact.objects.filter(user=user).first() or Contact(user=user)  # type: ignore[misc]
    form = ContactForm(request.POST or None, instance=mine, initial={"email": user.email})  # type: ignore[union-attr]
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            user.email = form.cleaned_data["email"]  # type: ignore[union-attr]
            user.save(update_fields=["email"])  # type: ignore[union-attr]
        messages.success(request, gettext("提醒方式已保存：%(channel)s") % {"channel": mine.get_channel_display()})
        return redirect("contact")
    return render(request, "deadlines/contact.html", {"form": form, "access": access,
                                                     "plan": Plan.objects.current().order_by("-year").first()})
