"""Small template helpers: a status as its words and light, a number as an office writes it."""

from __future__ import annotations

import functools

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from luoshi.extract.model import COMPARATOR_LABELS, KIND_LABELS, Comparator, Kind
from luoshi.tracking import STATUS_LABELS, Status
from luoshi.tracking.render import LIGHTS

register = template.Library()


@register.simple_tag
def status(value: Status | str) -> str:
    return _status_html(Status(value), get_language())


@functools.cache
def _status_html(s: Status, language: str | None) -> str:
    words, colour = STATUS_LABELS[s]
    return format_html('<span class="status {}"><span class="light {}" aria-hidden="true"></span>{}</span>',
                       s.value, colour, gettext(words))


@register.filter
def figure(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


@register.filter
def percent(x: float | None) -> str:
    return "—" if x is None else f"{x:.1f}%"


@register.filter
def light(value: Status | str) -> str:
    return LIGHTS[STATUS_LABELS[Status(value)][1]]


@register.filter
def kind_label(value: Kind | str) -> str:
    """growth -> 增速: the words for a target's kind, in the page's language."""
    return gettext(KIND_LABELS[Kind(value)]) if value in KIND_LABELS else "—"


@register.filter
def comparator_label(value: Comparator | str) -> str:
    """>= -> 不低于（以上）."""
    return gettext(COMPARATOR_LABELS[Comparator(value)]) if value in COMPARATOR_LABELS else "—"
