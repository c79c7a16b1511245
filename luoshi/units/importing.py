"""A city's own unit list, stored: all or nothing, named by full name, nested under a parent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from luoshi.units.models import Unit


class UnitListProblem(ValueError):
    """The unit list cannot be stored as given; the message says where and why."""


@dataclass(frozen=True)
class UnitRow:
    """One unit as a list gives it; ``parent`` is the full or short name of a unit above it."""

    name: str
    short_name: str = ""
    kind: str = Unit.Kind.DEPARTMENT
    parent: str = ""
    keywords: tuple[str, ...] = field(default=())
    where: str = ""  # e.g. 单位!A5, for messages


def split_keywords(written: str) -> list[str]:
    """The words of 投资、项目, 投资,项目 or 投资，项目 — separated however a person types them."""
    for mark in (",", "，", ";", "；", "\n", " ", "　"):
        written = written.replace(mark, "、")
    return list(dict.fromkeys(w.strip() for w in written.split("、") if w.strip()))


@transaction.atomic
def store_units(rows: Iterable[UnitRow]) -> int:
    """Create the units of ``rows`` that are missing, in order (a parent before its children);
    existing units are left as they are. Returns how many were created."""
    created = 0
    for row in rows:
        if Unit.objects.filter(name=row.name).exists():
            continue
        parent = None
        if row.parent:
            parent = Unit.objects.filter(Q(name=row.parent) | Q(short_name=row.parent)).first()
            if parent is None:
                raise UnitListProblem(f"{row.where or row.name}: 上级单位“{row.parent}”不存在（上级要写在下级之前）")
        Unit.objects.create(name=row.name, short_name=row.short_name, kind=row.kind, parent=parent,
                            keywords=list(row.keywords))
        created += 1
    return created
