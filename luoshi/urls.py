"""Every page of luoshi. Plans are addressed by their code, targets by theirs: /plans/jinhua-2024/targets/1.1.2/."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth
from django.urls import include, path

from luoshi.accounts import manage as manage_accounts
from luoshi.accounts import views as accounts
from luoshi.api import api
from luoshi.deadlines import views as deadlines
from luoshi.plans import manage as manage_plans
from luoshi.plans import views as plans
from luoshi.progress import views as progress
from luoshi.reports import views as reports
from luoshi.units import manage as manage_units
from luoshi.units import views as units

urlpatterns = [
    path("", plans.home, name="home"),
    path("login/", auth.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("account/", accounts.account, name="account"),
    path("account/password/", accounts.PasswordChange.as_view(), name="password-change"),
    path("account/security/", accounts.security, name="security"),
    path("plans/<str:slug>/", plans.dashboard, name="dashboard"),
    path("plans/<str:slug>/document/", plans.document, name="document"),
    path("plans/<str:slug>/targets/new/", plans.target_add, name="target-add"),
    path("plans/<str:slug>/targets/<str:code>/", plans.target_detail, name="target"),
    path("plans/<str:slug>/targets/<str:code>/edit/", plans.target_edit, name="target-edit"),
    path("plans/<str:slug>/targets/<str:code>/<str:action>/", plans.target_change, name="target-change"),
    path("plans/<str:slug>/units/<int:unit_id>/", plans.unit_detail, name="unit"),
    path("plans/<str:slug>/report/", progress.report, name="report"),
    path("plans/<str:slug>/report/template.xlsx", progress.template_download, name="report-template"),
    path("plans/<str:slug>/report/upload/", progress.upload, name="report-upload"),
    path("plans/<str:slug>/approvals/", progress.approvals, name="approvals"),
    path("plans/<str:slug>/inbox/", deadlines.inbox, name="inbox"),
    path("plans/<str:slug>/chase/", deadlines.chase, name="chase"),
    path("plans/<str:slug>/chase.xlsx", deadlines.chase_download, name="chase-xlsx"),
    path("plans/<str:slug>/calendar/", deadlines.calendar_settings, name="calendar"),
    path("account/reminders/", deadlines.contact, name="contact"),
    path("plans/<str:slug>/assign/", units.assign, name="assign"),
    path("plans/<str:slug>/breakdown.<str:fmt>", reports.breakdown_download, name="breakdown"),
    path("plans/<str:slug>/evaluation/", reports.evaluation_page, name="evaluation"),
    path("plans/<str:slug>/bulletin.<str:fmt>", reports.bulletin_download, name="bulletin"),
    path("plans/<str:slug>/bulletins/", reports.bulletins_page, name="bulletins"),
    path("plans/<str:slug>/bulletins/<int:pk>.<str:fmt>", reports.issued_download, name="issued-bulletin"),
    path("public/<str:slug>/", plans.public, name="public"),
    path("compare/", reports.comparison_page, name="compare"),
    path("manage/users/", manage_accounts.users, name="manage-users"),
    path("manage/users/<int:user_id>/", manage_accounts.user_detail, name="manage-user"),
    path("manage/units/", manage_units.units, name="manage-units"),
    path("manage/units/<int:unit_id>/", manage_units.unit_edit, name="manage-unit"),
    path("manage/plans/", manage_plans.plans, name="manage-plans"),
    path("manage/plans/upload/<str:token>/", manage_plans.preview, name="manage-plan-preview"),
    path("manage/plans/<str:slug>/versions/", manage_plans.versions, name="manage-plan-versions"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "luoshi.errors.bad_request"
handler500 = "luoshi.errors.server_error"
