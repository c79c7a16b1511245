"""Django settings, read from the environment with defaults that work on a fresh clone.

Every variable read here is documented in docs/settings.md (a guard test checks).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if not raw.strip().isdigit() or not low <= int(raw) <= high:
        raise ImproperlyConfigured(f"{name} must be a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


DEBUG = env_bool("LUOSHI_DEBUG", True)
SECRET_KEY = os.environ.get("LUOSHI_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("LUOSHI_SECRET_KEY must be set when LUOSHI_DEBUG is false")
    SECRET_KEY = "luoshi-development-only-not-secret"

# SQLite in the project folder by default, so a fresh clone works with no set-up.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'luoshi.sqlite3'}"
    )
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "ninja",  # serves the API docs' scripts from the package, not from a CDN
    "luoshi",
    "luoshi.accounts",
    "luoshi.plans",
    "luoshi.units",
    "luoshi.progress",
    "luoshi.reports",
    "luoshi.deadlines",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "luoshi.middleware.ChineseFirst",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "luoshi.urls"
WSGI_APPLICATION = "luoshi.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The optional public portal: read-only targets and statuses, no narratives, no names.
PUBLIC_PORTAL = env_bool("LUOSHI_PUBLIC_PORTAL", False)
WHITENOISE_USE_FINDERS = DEBUG  # in development, serve static files without collectstatic
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

ALLOWED_HOSTS = [h for h in os.environ.get("LUOSHI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
if not DEBUG:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("LUOSHI_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "luoshi" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Reminders (luoshi remind): how many days before its due date a figure is "due soon", the
# address the links in reminders point to, and the SMTP server e-mail goes through.
LUOSHI_DUE_SOON_DAYS = env_int("LUOSHI_DUE_SOON_DAYS", 3, 0, 31)
LUOSHI_BASE_URL = os.environ.get("LUOSHI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_HOST = os.environ.get("LUOSHI_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("LUOSHI_EMAIL_PORT", 25, 1, 65535)
EMAIL_HOST_USER = os.environ.get("LUOSHI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("LUOSHI_EMAIL_PASSWORD", "")
_SECURITY = os.environ.get("LUOSHI_EMAIL_SECURITY", "none")
if _SECURITY not in ("none", "starttls", "ssl"):
    raise ImproperlyConfigured(f"LUOSHI_EMAIL_SECURITY must be none, starttls or ssl, not {_SECURITY!r}")
EMAIL_USE_TLS, EMAIL_USE_SSL = _SECURITY == "starttls", _SECURITY == "ssl"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("LUOSHI_EMAIL_FROM", "luoshi@localhost")
