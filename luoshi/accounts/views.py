"""One's own account (password, API tokens) and, for the office, locked logins and everyone's tokens."""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt
from axes.utils import reset
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.accounts.access import access_of, require_office
from luoshi.accounts.models import ApiToken
from luoshi.accounts.tokens import make_token, revoke, tokens_of


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("用途"), max_length=100,
                           help_text=gettext_lazy("例如：统计局数据自动报送"))
    days = forms.IntegerField(label=gettext_lazy("有效天数"), min_value=1, max_value=3650, initial=365)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """My tokens: make one (shown once, on this page), revoke one."""
    form = TokenForm()
    new_key = None
    if request.method == "POST" and "revoke" in request.POST:
        if revoke(tokens_of(request.user).filter(pk=request.POST["revoke"]), _("本人作废")):
            messages.success(request, _("令牌已作废"))
        return redirect("account")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            new_key = make_token(request.user, form.cleaned_data["name"], timedelta(days=form.cleaned_data["days"]))
            form = TokenForm()
    return render(request, "accounts/account.html", {
        "form": form, "new_key": new_key, "tokens": tokens_of(request.user),
        "is_office": _is_office(request)})


class PasswordChange(auth.PasswordChangeView):
    """Django's own view (the session stays signed in); the validators' reasons are shown on the form."""

    template_name = "accounts/password.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("密码已修改；原来的接口令牌已全部作废"))
        return response


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The office: logins locked after wrong passwords (and lifting a lock), and every API token."""
    require_office(request.user)
    if request.method == "POST" and "unlock" in request.POST:
        attempt = AccessAttempt.objects.filter(pk=request.POST["unlock"]).first()
        if attempt is not None:
            reset(username=attempt.username)
            reset(ip=attempt.ip_address)
            messages.success(request, _("已解除 %(who)s（%(where)s）的登录锁定")
                             % {"who": attempt.username, "where": attempt.ip_address})
        return redirect("security")
    if request.method == "POST" and "revoke" in request.POST:
        if revoke(ApiToken.objects.filter(pk=request.POST["revoke"]), _("督查室作废")):
            messages.success(request, _("令牌已作废"))
        return redirect("security")
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = list(AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time"))
    for a in attempts:
        a.locked = a.failures_since_start >= settings.AXES_FAILURE_LIMIT  # type: ignore[attr-defined]
    return render(request, "accounts/security.html", {
        "attempts": attempts, "limit": settings.AXES_FAILURE_LIMIT,
        "tokens": ApiToken.objects.select_related("user").all()})


def _is_office(request: HttpRequest) -> bool:
    try:
        return access_of(request.user).is_office
    except PermissionDenied:  # a user with no role still has an account page
        return False
