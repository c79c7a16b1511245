"""A report's review read against a plan: proposed matches, and the office's decisions on them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from luoshi.extract.clean import paragraphs
from luoshi.extract.model import Kind
from luoshi.extract.outcomes import Fit, Match, Promise, Review, propose_matches, read_outcomes
from luoshi.extract.outline import outline
from luoshi.outcomes.models import Outcome, Source
from luoshi.plans.catalogue import match
from luoshi.plans.models import Indicator, Plan, Target


@dataclass(frozen=True)
class Proposal:
    """An outcome the report states and the target it may answer, with what was decided about it."""

    target: Target
    match: Match
    quote: str
    decided: Outcome | None

    @property
    def key(self) -> str:
        """Names the proposal in a form and on the command line: 1.1.3@515-519."""
        start, end = self.match.outcome.span
        return f"{self.target.code}@{start}-{end}"

    @property
    def same(self) -> bool:
        return self.match.fit is Fit.SAME


def catalogue_of() -> list[tuple[str, list[str]]]:
    return [(i.name, [i.name, *i.aliases]) for i in Indicator.objects.all()]


def propose(plan: Plan, text: str, source: Source | None = None) -> tuple[Review, list[Proposal]]:
    """What ``text`` (a report) states about ``plan``'s targets, in the plan's order, same indicator first."""
    review = read_outcomes(text)
    targets = list(plan.targets.select_related("indicator", "section").order_by("section__ordinal", "id"))
    by_code = {t.code: t for t in targets}
    entries = catalogue_of()
    promises = [Promise(t.code, t.indicator_text, Kind(t.kind), t.unit or None, t.value,
                        t.indicator.name if t.indicator else None) for t in targets]
    decided: dict[tuple[int, int, int], Outcome] = {}
    if source is not None:
        decided = {(o.target_id, o.span_start, o.span_end): o for o in source.outcomes.select_related("decided_by")}
    order = {t.code: n for n, t in enumerate(targets)}
    proposals = []
    for m in propose_matches(review.outcomes, promises, lambda words: match(words, entries)):
        target = by_code[m.key]
        start, end = m.outcome.span
        proposals.append(Proposal(target, m, review.quote(m.outcome), decided.get((target.pk, start, end))))
    proposals.sort(key=lambda p: (order[p.target.code], not p.same, p.match.outcome.span))
    return review, proposals


def keep_source(plan: Plan, name: str, text: str, user: AbstractBaseUser | None, title: str = "") -> Source:
    """The report as a source of ``plan``'s outcomes, stored once however often it is uploaded.
    Its title is the one given, or the one the report states (else the file name names it)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = Source.objects.filter(plan=plan, sha256=digest).first()
    if source is None:
        title = title or (outline(paragraphs(text)).title or "")
        source = Source.objects.create(plan=plan, name=name, title=title[:200], sha256=digest, text=text,
                                       uploaded_by=user)
    return source


class UnknownProposal(ValueError):
    """A decision names a proposal the report does not make; the message names it."""


@transaction.atomic
def decide(source: Source, proposals: list[Proposal], confirm: set[str], reject: set[str],
           user: AbstractBaseUser | None) -> tuple[int, int]:
    """Record the office's decisions: (confirmed, rejected). All or nothing; a decision already
    made is replaced by the new one."""
    known = {p.key: p for p in proposals}
    unknown = sorted((confirm | reject) - set(known))
    if unknown:
        raise UnknownProposal(gettext("报告中没有这些对应：%(keys)s") % {"keys": "、".join(unknown)})
    both = sorted(confirm & reject)
    if both:
        raise UnknownProposal(gettext("同一条对应不能既确认又否决：%(keys)s") % {"keys": "、".join(both)})
    counts = {Outcome.Status.CONFIRMED: 0, Outcome.Status.REJECTED: 0}
    for key in sorted(confirm | reject):
        p = known[key]
        status = Outcome.Status.CONFIRMED if key in confirm else Outcome.Status.REJECTED
        o = p.match.outcome
        Outcome.objects.update_or_create(
            target=p.target, source=source, span_start=o.span[0], span_end=o.span[1],
            defaults={"fit": p.match.fit.value, "kind": o.kind.value, "indicator_text": o.indicator[:200],
                      "value": o.value, "unit": o.unit or "", "comparator": o.comparator.value if o.comparator else "",
                      "decrease": o.decrease, "quote": p.quote, "why": p.match.why[:200], "status": status,
                      "decided_by": user, "decided_at": timezone.now()})
        counts[status] += 1
    return counts[Outcome.Status.CONFIRMED], counts[Outcome.Status.REJECTED]
