"""In English, the forms that change targets and the messages after them are English too."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from luoshi.plans.models import Plan
from tests.world import client_for


def test_it_speaks_english_in_the_target_forms_and_their_messages(plan: Plan, office: User) -> None:
    client = client_for(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    edit = client.get(reverse("target-edit", args=[plan.slug, "1.1.1"])).content.decode()
    for english in ("Reason for the change", "Upper bound", "growth", "at least"):
        assert english in edit, english
    assert "修改理由" not in edit and "目标上限" not in edit
    split = client.get(reverse("target-change", args=[plan.slug, "1.1.1", "split"])).content.decode()
    assert "Split target" in split and "Reason:" in split and "理由" not in split
    added = client.post(reverse("target-add", args=[plan.slug]), {
        "indicator_text": "新增专精特新企业", "kind": "level", "comparator": ">=", "value": "30", "unit": "家",
        "reason": "missed", "section": "1"}, follow=True).content.decode()
    code = plan.targets.get(indicator_text="新增专精特新企业").code
    assert f"Target {code} added" in added
