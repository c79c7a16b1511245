"""The office's user administration in the browser: add a liaison, a leader or an office user,
reset a password, deactivate an account, see and revoke its API tokens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi import query
from luoshi.accounts.access import require_office
from luoshi.accounts.models import ApiToken, Profile, Role
from luoshi.accounts.users import UserProblem, add_user
from luoshi.units.models import Unit

NEW_PASSWORD = forms.PasswordInput(attrs={"autocomplete": "new-password"})


class PasswordsForm(forms.Form):
    password1 = forms.CharField(label=_("密码"), widget=NEW_PASSWORD, strip=False)
    password2 = forms.CharField(label=_("再输一次密码"), widget=NEW_PASSWORD, strip=False)

    def __init__(self, *args: Any, user: AbstractUser | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user  # whose password it is: the validators refuse one too like its name

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            raise ValidationError(gettext("两次输入的密码不一致"))
        if isinstance(first, str):
            try:
                password_validation.validate_password(first, self.user)
            except ValidationError as e:
                self.add_error("password1", e)
        return data


class NewUserForm(PasswordsForm):
    username = forms.RegexField(label=_("用户名"), max_length=150, regex=r"^[\w.@+-]+\Z",
                                error_messages={"invalid": _("用户名只能用字母、数字和 @ . + - _")})
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices)
    unit = forms.ModelChoiceField(label=_("所属单位（联络员必填）"), queryset=Unit.objects.active(), required=False)
    field_order = ["username", "role", "unit", "password1", "password2"]

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("role") == Role.LIAISON and not data.get("unit"):
            self.add_error("unit", gettext("联络员必须属于一个单位"))
        username = data.get("username")
        if username and get_user_model().objects.filter(username=username).exists():
            self.add_error("username", gettext("用户 %(name)s 已经存在") % {"name": username})
        return data


@login_required
def users(request: HttpRequest) -> HttpResponse:
    """Every account with its role and unit, and the form to add one."""
    access = require_office(request.user)
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = data["unit"] if data["role"] == Role.LIAISON else None
        try:
            user = add_user(data["username"], data["password1"], Role(data["role"]), unit.name if unit else None)
        except UserProblem as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, gettext("已新建用户 %(name)s（%(role)s）") % {
                "name": user.username, "role": Role(data["role"]).label})
            return redirect("manage-users")
    people = (get_user_model().objects.select_related("profile", "profile__unit")
              .order_by("-is_active", "profile__role", "username"))
    return render(request, "manage/users.html", {"access": access, "form": form, "people": people})


@login_required
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """One account: reset its password, deactivate or reactivate it, revoke its API tokens."""
    access = require_office(request.user)
    person = get_object_or_404(get_user_model(), pk=user_id if user_id <= query.LARGEST_ID else 0)
    form = PasswordsForm(request.POST if request.POST.get("action") == "password" else None, user=person)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "password" and form.is_valid():
            person.set_password(form.cleaned_data["password1"])
            person.save(update_fields=["password"])
            messages.success(request, gettext("已重设 %(name)s 的密码") % {"name": person.username})
            return redirect("manage-user", user_id=person.pk)
        if action in ("deactivate", "activate"):
            if person.pk == request.user.pk:
                messages.error(request, gettext("不能停用自己的账号"))
            else:
                person.is_active = action == "activate"
                person.save(update_fields=["is_active"])
                said = (gettext("已启用 %(name)s") if person.is_active
                        else gettext("已停用 %(name)s：不能再登录，接口令牌失效"))
                messages.success(request, said % {"name": person.username})
            return redirect("manage-user", user_id=person.pk)
        if action == "revoke":
            gone, _ = ApiToken.objects.filter(user=person, pk=query.number(request.POST, "token") or 0).delete()
            if gone:
                messages.success(request, gettext("已作废一个接口令牌"))
            return redirect("manage-user", user_id=person.pk)
    profile = Profile.objects.select_related("unit").filter(user=person).first()
    return render(request, "manage/user.html", {
        "access": access, "person": person, "profile": profile, "form": form,
        "tokens": ApiToken.objects.filter(user=person).order_by("-created_at"),
    })
