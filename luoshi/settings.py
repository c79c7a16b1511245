"""Django settings, read from the environment with defaults that work on a fresh clone.

Every variable read here is documented in docs/settings.md (a guard test checks).
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
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


def secret_key_in(path: Path) -> str:
    """The key kept in ``path``; made there on first run, readable by this user only (0600).

    Several server processes may start at once: the key is written to a file of its own
    and linked into place, so each of them reads the one key that won.
    """
    if not path.exists():
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(50) + "\n")
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        except OSError as e:
            raise ImproperlyConfigured(f"LUOSHI_SECRET_KEY_FILE: cannot create {path} ({e.strerror}); "
                                       "set LUOSHI_SECRET_KEY or a writable LUOSHI_SECRET_KEY_FILE") from None
    key = path.read_text().strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"LUOSHI_SECRET_KEY_FILE: {path} holds no key of 50 characters or more")
    return key


def env_int(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if not raw.strip().isdigit() or not low <= int(raw) <= high:
        raise ImproperlyConfigured(f"{name} must be a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


# Off unless asked for (`luoshi serve --dev` asks): a production server never shows a traceback.
DEBUG = env_bool("LUOSHI_DEBUG", False)
SECRET_KEY = os.environ.get("LUOSHI_SECRET_KEY") or secret_key_in(
    Path(os.environ.get("LUOSHI_SECRET_KEY_FILE") or BASE_DIR / "luoshi-secret.key"))

# SQLite in the project folder by default, so a fresh clone works with no set-up.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'luoshi.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for the writer (WAL); a writer waits up to 20 s for another instead of
    # failing with "database is locked", and takes the write lock when its transaction begins,
    # so two transactions that read and then write never deadlock into an error.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",  # login throttling and temporary lockout, per account and per address
    "csp",
    "ninja",  # serves the API docs' scripts from the package, not from a CDN
    "luoshi",
    "luoshi.accounts",
    "luoshi.plans",
    "luoshi.units",
    "luoshi.progress",
    "luoshi.reports",
    "luoshi.deadlines",
    "luoshi.outcomes",
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
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "luoshi.accounts.users.MinimumLength", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Ten wrong passwords for one account, or from one address, within 15 minutes lock it for 15 minutes;
# the office can lift a lock at once (帐号锁定 page). Successful and failed logins are logged.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_CLIENT_IP_CALLABLE = "luoshi.accounts.signins.client_address"
AXES_RESET_ON_SUCCESS = True
# Only the app's own scripts, styles, images and fonts: no inline script or style, no other site.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}}

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
    # hashed names (luoshi.4f1c….css), cached for a year; `luoshi serve` collects them on start. Not
    # compressed here: brotli over every file took minutes on each start of a busy machine (nginx can gzip)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
# Fonts of the official documents (GB/T 9704): for each, the first family of the list this machine has,
# else the last (the nearest installed CJK font). Word files name the font chosen.
DOCUMENT_FONTS = {
    "title": os.environ.get("LUOSHI_FONT_TITLE", "方正小标宋简体,方正小标宋_GBK,Noto Serif CJK SC"),
    "body": os.environ.get("LUOSHI_FONT_BODY", "仿宋_GB2312,仿宋,FangSong,Noto Serif CJK SC"),
    "hei": os.environ.get("LUOSHI_FONT_HEI", "黑体,SimHei,Noto Sans CJK SC"),
    "kai": os.environ.get("LUOSHI_FONT_KAI", "楷体_GB2312,楷体,KaiTi,Noto Serif CJK SC"),
    "song": os.environ.get("LUOSHI_FONT_SONG", "宋体,SimSun,Noto Serif CJK SC"),
}
# The optional public portal: read-only targets and statuses, no narratives, no names.
PUBLIC_PORTAL = env_bool("LUOSHI_PUBLIC_PORTAL", False)
# Separation of duties: an office user may not approve a figure they reported themselves, unless allowed.
SELF_APPROVAL = env_bool("LUOSHI_SELF_APPROVAL", False)
WHITENOISE_USE_FINDERS = DEBUG  # in development, serve static files without collectstatic
CSRF_FAILURE_VIEW = "luoshi.errors.csrf_failure"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

ALLOWED_HOSTS = [h for h in os.environ.get("LUOSHI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
# Behind a reverse proxy (docs/deploy.md): it says whether the browser came by https, and from where.
BEHIND_PROXY = env_bool("LUOSHI_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if env_bool("LUOSHI_HTTPS", False):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day: a shared office PC does not stay logged in for weeks

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # every 4xx/5xx with its path, every server error with its traceback (never to the browser)
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "luoshi": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},  # lockouts
    },
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "luoshi" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The most targets one imported document may hold: a work report has a few hundred, a province's
# merged breakdown tables some thousands; a file that yields more is refused as not a plan.
LUOSHI_MAX_TARGETS = env_int("LUOSHI_MAX_TARGETS", 5_000, 1, 1_000_000)

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
