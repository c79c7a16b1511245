"""Real Chromium (Debian's, never a download) against the live test server.

Under CI=true these tests must run: a missing browser fails them instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the sync Playwright API runs an event loop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("LUOSHI_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed: apt-get install chromium fonts-noto-cjk (make test does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):  # type: ignore[no-untyped-def]
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def shots() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
