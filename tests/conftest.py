"""The shared world of the tests: the seed report and where it lives."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "jinhua-2024-work-report.txt"
GOLD = SHARED / "gold" / "jinhua-2024.jsonl"
SCORER = SHARED / "eval" / "score.py"


def require(path: Path) -> Path:
    """``path``, or a skip when it is absent; under CI=true its absence fails the test."""
    if not path.exists():
        message = f"{path} is missing: the seed report and its gold live in ../shared"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return require(SEED)


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:  # type: ignore[no-untyped-def]
    """Hashing the demo's and the tests' passwords properly takes half a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static(settings) -> None:  # type: ignore[no-untyped-def]
    """Static files by their plain names: the hashed names exist only once `collectstatic` has run
    (luoshi serve runs it; tests/web/test_production.py checks the hashed names)."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> Iterator[None]:
    """A request in English leaves English active in the thread (as in a server, where the next request
    chooses its own); a test that follows must start in the site's language, Chinese."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)
