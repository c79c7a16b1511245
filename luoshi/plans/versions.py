"""Versions of a plan compared: which targets of one match which of another, and what changed.

Pure: target facts in, a diff out. The import and the roll-back (luoshi.plans.importing) use it to
show the office what a new version adds, removes and changes before anything is stored, to carry
figures and assignments along matching targets, and to refuse a document that looks nothing like
the plan it would replace.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date

LIKENESS = 0.5  # below this share of matching targets, a document is not a new version of the plan

COMPARED = ("kind", "comparator", "value", "value_max", "unit", "deadline", "aspirational")


@dataclass(frozen=True)
class Facts:
    """What a version says about one target, from a stored plan or from an extracted document."""

    ref: int  # the stored target's id, or the target's index in the document
    code: str
    section: int
    task: str
    indicator: str
    kind: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str
    deadline: date | None
    aspirational: bool
    quote: str
    words: str = field(compare=False)


@dataclass(frozen=True)
class Change:
    before: Facts
    after: Facts
    fields: tuple[str, ...]  # of COMPARED


@dataclass(frozen=True)
class PlanDiff:
    """From one version (before) to another (after): every target of each side is in exactly one list."""

    added: list[Facts]
    removed: list[Facts]
    changed: list[Change]
    unchanged: list[tuple[Facts, Facts]]

    @property
    def pairs(self) -> list[tuple[Facts, Facts]]:
        """Every matching (before, after): the targets whose figures and units follow."""
        return [*self.unchanged, *((c.before, c.after) for c in self.changed)]

    @property
    def likeness(self) -> float:
        """Matching targets as a share of the larger version: 1 for the same plan, near 0 for another."""
        larger = max(len(self.pairs) + len(self.removed), len(self.pairs) + len(self.added))
        return 1.0 if larger == 0 else len(self.pairs) / larger

    @property
    def alike(self) -> bool:
        return self.likeness >= LIKENESS

    @property
    def summary(self) -> str:
        return (f"新增{len(self.added)}个、删去{len(self.removed)}个、修改{len(self.changed)}个目标，"
                f"{len(self.unchanged)}个未变")

    def lines(self, shown: int = 20) -> list[str]:
        """The differences as a person reads them, at most ``shown`` of each sort."""
        out = [f"+ {f.code} {f.words}" for f in self.added[:shown]]
        out += [f"- {f.code} {f.words}" for f in self.removed[:shown]]
        out += [f"~ {c.before.code} {c.before.words} → {c.after.code} {c.after.words}" for c in self.changed[:shown]]
        return out


def diff(before: Iterable[Facts], after: Iterable[Facts]) -> PlanDiff:
    """Match targets by the same words of the report, then by the same indicator and kind, then by
    the same indicator; in each round a target is matched at most once, in the order of the plan."""
    left, right = list(before), list(after)
    matched: dict[int, Facts] = {}  # index in left -> its match on the right
    used: set[int] = set()
    keys: tuple[Callable[[Facts], Hashable], ...] = (
        lambda f: (f.quote, f.indicator, f.kind) if f.quote else None,
        lambda f: (f.indicator, f.kind), lambda f: f.indicator)
    for key in keys:
        free: dict[Hashable, list[int]] = {}
        for j, f in enumerate(right):
            if j not in used and (k := key(f)) is not None:
                free.setdefault(k, []).append(j)
        for i, f in enumerate(left):
            if i in matched or (k := key(f)) is None or not free.get(k):
                continue
            j = free[k].pop(0)
            matched[i], _ = right[j], used.add(j)
    changed, unchanged = [], []
    for i, b in enumerate(left):
        if i in matched:
            a = matched[i]
            fields = tuple(f for f in COMPARED if getattr(b, f) != getattr(a, f))  # a new code alone is no change
            if fields:
                changed.append(Change(b, a, fields))
            else:
                unchanged.append((b, a))
    return PlanDiff(added=[f for j, f in enumerate(right) if j not in used],
                    removed=[f for i, f in enumerate(left) if i not in matched],
                    changed=changed, unchanged=unchanged)
