"""In English, no page says anything of ours in Chinese: only the data (report text, unit names,
indicators, quotes: what is stored) stays Chinese.

Each role's pages are walked in English by following their links from the home page (so a new page is
walked without being listed here), then a few forms are posted wrong to see their errors. Every run of
Chinese characters in a page's text, title, placeholders, labels and options must come from the
database's stored text; anything else is a UI string, message or refusal without English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse

from luoshi.plans.models import Plan, Target
from luoshi.units.models import Unit
from tests.factories import SMALL_REPORT, imported_report
from tests.web.test_outcomes import upload
from tests.world import client_for

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]+")
SHOWN = ("title", "placeholder", "aria-label", "alt")
NOT_WALKED = re.compile(r"/(logout|i18n|admin|api|static)/|\.(xlsx|pdf|docx|csv)|format=|/withdraw/")


class Shown(HTMLParser):
    """What a page shows: its text and the attributes a reader meets; not the scripts, styles, or what is
    marked as Chinese on purpose (lang="zh-Hans": the switch back to 中文)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag in ("script", "style") or found.get("lang") == "zh-Hans" or self._hidden:
            if tag not in ("br", "input", "img", "meta", "link"):
                self._hidden.append(tag)
            return
        self.parts += [str(found[a]) for a in SHOWN if found.get(a)]
        if tag in ("input", "button") and found.get("type") in ("submit", "button") and found.get("value"):
            self.parts.append(str(found["value"]))

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def stored_text() -> str:
    """Every text stored in the database, the data a page may quote in Chinese."""
    texts: list[str] = []
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields
                  if isinstance(f, (models.CharField, models.TextField, models.JSONField))]
        if fields:
            for row in model._default_manager.values_list(*fields):
                texts += [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in row if v]
    texts += [t.in_words() for t in Target.objects.all()]  # a target as the plan states it: 固定资产投资达到800亿元
    return "\n".join(texts)


def not_ours(html: str, data: str) -> list[str]:
    """The runs of Chinese on a page that are not stored data."""
    shown = Shown()
    shown.feed(html)
    return sorted({run for part in shown.parts for run in CHINESE.findall(part) if run not in data})


def walk(client: Client, start: str) -> Iterator[tuple[str, str]]:
    """Each page reached from ``start`` by links, one of each kind (a target, a unit: one is enough)."""
    seen: set[str] = set()
    queue = [start]
    while queue:
        url = queue.pop(0)
        kind = re.sub(r"/targets/[\d.]+/", "/targets/N/", re.sub(r"/\d+/", "/N/", urlsplit(url).path))
        if kind in seen:
            continue
        seen.add(kind)
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        yield url, html
        shown = Shown()
        shown.feed(html)
        queue += [link for link in shown.links if link.startswith("/") and not NOT_WALKED.search(link)]


def english(user: User) -> Client:
    client = client_for(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def chinese_left(pages: Iterator[tuple[str, str]]) -> dict[str, list[str]]:
    data = stored_text()
    return {url: runs for url, html in pages if (runs := not_ours(html, data))}


def said(left: dict[str, list[str]]) -> str:
    return "Chinese without English:\n" + "\n".join(f"{url}: {' | '.join(runs)}" for url, runs in left.items())


def test_every_page_the_office_reaches_speaks_english(plan: Plan, office: User, liaison: User) -> None:
    client = english(office)
    proposals = upload(client, plan).url  # the outcomes read from next year's report, every one confirmed:
    keys = [p.key for p in client.get(proposals).context["proposals"]]  # the evaluation and comparison
    client.post(proposals, dict.fromkeys(keys, "confirm"))  # pages show them
    imported_report(SMALL_REPORT.replace("2024", "2025").replace("800亿元", "900亿元"), region="江城市", year=2025,
                    slug="jiangcheng-2025")  # the next year's plan: the comparison says what changed
    walked = list(walk(client, "/"))
    assert len(walked) >= 30, [url for url, _ in walked]  # the walk reached the office's pages
    left = chinese_left(iter(walked))
    assert not left, said(left)


@pytest.mark.parametrize("role", ["liaison", "leader"])
def test_every_page_a_liaison_or_a_leader_reaches_speaks_english(plan: Plan, role: str,
                                                                request: pytest.FixtureRequest) -> None:
    walked = list(walk(english(request.getfixturevalue(role)), "/"))
    assert len(walked) >= 5, [url for url, _ in walked]
    left = chinese_left(iter(walked))
    assert not left, said(left)


def test_forms_refused_and_refusals_speak_english(plan: Plan, office: User, liaison: User,
                                                  leader: User) -> None:
    """Wrong input on the office's forms, and a page a user may not open: the message is English."""
    client = english(office)
    unit = Unit.objects.get(short_name="市发改委")
    pages = [
        (url := reverse("calendar", args=[plan.slug]), client.post(url, {"scope": "target", "code": "9.9.9",
                                                                          "due_day": "40", "lag_months": "13"})),
        (url := reverse("contact"), client.post(url, {"channel": "dingtalk", "webhook": ""})),
        (url := reverse("contact"), client.post(url, {"channel": "email", "email": ""})),
        (url := reverse("outcomes:sources", args=[plan.slug]),
         client.post(url, {"file": SimpleUploadedFile("报告.exe", b"MZ")})),
        (url := reverse("manage-users"), client.post(url, {"username": "eve", "role": "liaison",
                                                           "password1": "short", "password2": "other"})),
        (url := reverse("manage-unit", args=[unit.pk]), client.post(url, {"name": "", "short_name": ""})),
        (url := reverse("target", args=[plan.slug, "1.1.1"]), english(leader).get(
            reverse("report", args=[plan.slug]))),
        (url, english(liaison).get(reverse("chase", args=[plan.slug]))),
    ]
    data = stored_text()
    left = {url: runs for url, response in pages if (runs := not_ours(response.content.decode(), data))}
    assert not left, said(left)
