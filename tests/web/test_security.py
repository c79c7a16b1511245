"""Logins throttled and locked (and unlocked by the office), passwords that pass the validators,
API tokens that expire, are revoked, and die with the password they were made under."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts.models import ApiToken
from luoshi.accounts.tokens import make_token
from tests.world import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def log_in(client: Client, username: str, password: str) -> int:
    return client.post(reverse("login"), {"username": username, "password": password}).status_code


def test_it_refuses_the_eleventh_try_even_with_the_right_password_until_the_office_unlocks(
        liaison: User, office: User) -> None:
    browser = Client()
    for _ in range(9):
        assert log_in(browser, "charlie", "wrong-password-again") == 200  # the form again, with its error
    assert log_in(browser, "charlie", "wrong-password-again") == 429  # the tenth locks
    locked = browser.post(reverse("login"), {"username": "charlie", "password": PASSWORD})
    assert locked.status_code == 429 and "暂时不能登录" in locked.content.decode()
    assert "_auth_user_id" not in browser.session

    desk = client_for(office)
    page = desk.get(reverse("security")).content.decode()
    assert "charlie" in page and "已锁定" in page
    attempt = page.split('name="unlock" value="')[1].split('"')[0]
    assert desk.post(reverse("security"), {"unlock": attempt}).status_code == 302
    assert log_in(browser, "charlie", PASSWORD) == 302 and "_auth_user_id" in browser.session


def test_it_locks_an_address_that_tries_many_accounts(liaison: User, other_liaison: User) -> None:
    browser = Client()
    for n in range(10):
        log_in(browser, f"guess{n}", "wrong-password-again")
    assert log_in(browser, "dora", PASSWORD) == 429


def test_it_lets_only_the_office_see_the_locks(liaison: User) -> None:
    assert client_for(liaison).get(reverse("security")).status_code == 403


def test_it_refuses_a_weak_password_and_says_why(liaison: User) -> None:
    client = client_for(liaison)
    response = client.post(reverse("password-change"),
                           {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "密码太短：至少要有 12 个字符" in page and "密码只包含数字" in page
    liaison.refresh_from_db()
    assert liaison.check_password(PASSWORD)


def test_it_refuses_a_weak_password_from_the_command_line(plan: object) -> None:
    with pytest.raises(CommandError, match=r"密码不符合要求：.*太常见"):
        call_command("users", "add", "eve", "--role", "leader", "--password", "password1234")


def test_it_changes_a_password_and_the_old_tokens_stop_working(liaison: User) -> None:
    key = make_token(liaison, "nightly upload")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/plans").status_code == 200
    client = client_for(liaison)
    new = "a-much-longer-passphrase"
    response = client.post(reverse("password-change"),
                           {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.get(reverse("account")).status_code == 200  # still signed in
    assert api.get("/api/plans").status_code == 401
    assert ApiToken.objects.get().revoked_because == "密码已修改"


def test_it_keeps_tokens_when_the_same_password_is_hashed_again(liaison: User) -> None:
    key = make_token(liaison)
    liaison.set_password(PASSWORD)  # what Django does on login when the hasher's cost goes up
    liaison.save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans").status_code == 200


def test_it_refuses_revoked_and_expired_tokens(liaison: User) -> None:
    key = make_token(liaison, "to revoke")
    client = client_for(liaison)
    token = ApiToken.objects.get()
    assert client.post(reverse("account"), {"revoke": token.pk}).status_code == 302
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans").status_code == 401

    old = make_token(liaison, "old", lifetime=timedelta(days=1))
    ApiToken.objects.filter(name="old").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client(HTTP_AUTHORIZATION=f"Bearer {old}").get("/api/plans").status_code == 401
    page = client.get(reverse("account")).content.decode()
    assert "已作废" in page and "已过期" in page


def test_it_lists_named_tokens_with_their_expiry_and_last_use(liaison: User) -> None:
    client = client_for(liaison)
    page = client.post(reverse("account"), {"name": "统计局自动报送", "days": 365}).content.decode()
    key = page.split("<code>")[1].split("</code>")[0]
    token = ApiToken.objects.get()
    assert token.name == "统计局自动报送" and token.last_used_at is None
    assert timedelta(days=364) < token.expires_at - timezone.now() <= timedelta(days=365)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    page = client.get(reverse("account")).content.decode()
    assert "统计局自动报送" in page and "有效" in page and key not in page  # shown once only


def test_it_lets_the_office_revoke_anyones_token_and_no_one_else_s(liaison: User, other_liaison: User,
                                                                   office: User) -> None:
    key = make_token(liaison, "charlie-upload")
    token = ApiToken.objects.get()
    client_for(other_liaison).post(reverse("account"), {"revoke": token.pk})  # not dora's to revoke
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans").status_code == 200
    desk = client_for(office)
    assert "charlie-upload" in desk.get(reverse("security")).content.decode()
    desk.post(reverse("security"), {"revoke": token.pk})
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/plans").status_code == 401


def test_it_logs_failed_and_successful_logins(liaison: User, caplog: pytest.LogCaptureFixture) -> None:
    browser = Client()
    log_in(browser, "charlie", "wrong-password-again")
    log_in(browser, "charlie", PASSWORD)
    assert "login failed: charlie from 127.0.0.1" in caplog.text
    assert "login ok: charlie from 127.0.0.1" in caplog.text


def test_it_makes_the_demo_accounts_with_their_published_password(db: None) -> None:
    from luoshi.demo.build import DEMO_PASSWORD

    call_command("demo", "--seed", "/nonexistent", stdout=io.StringIO())
    assert len(DEMO_PASSWORD) < 12 and User.objects.get(username="office").check_password(DEMO_PASSWORD)
