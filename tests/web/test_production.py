"""`luoshi serve` as it runs in production: gunicorn, DEBUG off, hashed static files, Chinese error pages,
private files; and the documented production settings pass `check --deploy`."""

from __future__ import annotations

import re
import sqlite3
import stat
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.urls import path

from luoshi.settings import secret_key_in
from luoshi.urls import handler400, handler500  # noqa: F401  (this module is the site's URLconf in one test)
from luoshi.urls import urlpatterns as site
from tests.serving import luoshi, production_env, production_server, server_database


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    folder = tmp_path_factory.mktemp("production")
    with server_database(folder) as database, \
            production_server(production_env(folder, database), "--workers", "1", "--threads", "2") as (url, server):
        yield url, folder, server


def test_it_serves_the_stylesheet_by_its_hashed_name(served) -> None:  # type: ignore[no-untyped-def]
    url, _, _ = served
    status, headers, page = fetch(f"{url}/login/")
    assert status == 200 and "登录落实" in page
    sheet = re.search(r'href="(/static/luoshi/css/luoshi\.[0-9a-f]{12}\.css)"', page)
    assert sheet, page
    status, headers, css = fetch(url + sheet.group(1))
    assert status == 200 and headers["Content-Type"].startswith("text/css") and ".card" in css
    assert "max-age=315360000" in headers["Cache-Control"]  # a hashed name never changes: cached for good


def test_it_answers_an_unknown_address_with_the_chinese_404_page(served) -> None:  # type: ignore[no-untyped-def]
    url, _, _ = served
    status, _, page = fetch(f"{url}/no/such/page/")
    assert status == 404
    assert "页面不存在" in page and "回到首页" in page
    assert "URLconf" not in page and "plans/&lt;str:slug&gt;" not in page and "Traceback" not in page


def test_it_sends_a_content_security_policy_of_its_own_resources_only(served) -> None:  # type: ignore[no-untyped-def]
    url, _, _ = served
    _, headers, _ = fetch(f"{url}/login/")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_it_keeps_the_key_and_the_database_private(served) -> None:  # type: ignore[no-untyped-def]
    url, folder, _ = served
    fetch(f"{url}/login/")
    assert stat.S_IMODE((folder / "secret.key").stat().st_mode) == 0o600
    database = folder / "luoshi.sqlite3"
    if database.exists():
        assert stat.S_IMODE(database.stat().st_mode) == 0o600
        with sqlite3.connect(database) as db:  # readers never wait for a writer
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_it_logs_every_request(served) -> None:  # type: ignore[no-untyped-def]
    url, _, server = served
    fetch(f"{url}/login/?from=the-log-test")
    server.terminate()
    server.wait(timeout=30)
    log = server.stdout.read() if server.stdout else ""
    assert re.search(r'"GET /login/\?from=the-log-test HTTP/1\.1" 200 \d+ \d+ms', log), log


def test_it_makes_a_secret_key_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    key = secret_key_in(tmp_path / "secret.key")
    assert len(key) >= 50 and stat.S_IMODE((tmp_path / "secret.key").stat().st_mode) == 0o600
    assert secret_key_in(tmp_path / "secret.key") == key
    with pytest.raises(ImproperlyConfigured, match="LUOSHI_SECRET_KEY_FILE"):
        secret_key_in(tmp_path / "no-such-folder" / "secret.key")


def test_it_writes_backups_readable_by_their_owner_only(tmp_path: Path) -> None:
    env = production_env(tmp_path, f"sqlite:///{tmp_path}/luoshi.sqlite3")
    assert luoshi("migrate", env=env).returncode == 0
    result = luoshi("backup", "-o", str(tmp_path / "copy.sqlite3"), env=env)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "copy.sqlite3").stat().st_mode) == 0o600


def test_it_passes_the_deployment_checks_in_the_documented_production_configuration(tmp_path: Path) -> None:
    """docs/deploy.md: behind nginx with TLS; the key is the one luoshi made on first run."""
    env = production_env(tmp_path, f"sqlite:///{tmp_path}/d.sqlite3", LUOSHI_HTTPS="true", LUOSHI_BEHIND_PROXY="true",
                         LUOSHI_ALLOWED_HOSTS="luoshi.example.gov.cn")
    result = luoshi("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_a_debug_setting_it_cannot_read(tmp_path: Path) -> None:
    result = luoshi("check", env=production_env(tmp_path, "sqlite://:memory:", LUOSHI_DEBUG="sometimes"))
    assert result.returncode != 0 and "LUOSHI_DEBUG" in result.stderr


def _fails(request: object) -> None:
    raise RuntimeError("a forced error")


# The site's own addresses and error handlers, and one address that fails.
urlpatterns = [path("fails/", _fails), *site]


def test_it_shows_the_chinese_500_page_with_navigation_never_a_traceback(
        db: None, settings, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    with override_settings(ROOT_URLCONF=__name__):
        response = Client(raise_request_exception=False).get("/fails/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "出错了" in page and "回到首页" in page and 'class="brand"' in page
    assert "RuntimeError" not in page and "a forced error" not in page and "Traceback" not in page
    assert "a forced error" in caplog.text  # …but the log has it


def test_it_shows_the_chinese_404_page_without_the_list_of_addresses(db: None) -> None:
    response = Client().get("/plans/no-such-plan/targets/9.9.9/edit/nothing/more/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in page and "回到首页" in page
    assert "URLconf" not in page and "admin/" not in page
