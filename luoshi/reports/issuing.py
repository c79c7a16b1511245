"""Making and issuing the bulletin: the office's settings and words, the next number, the kept files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db import transaction
from django.utils import timezone

from luoshi.plans.models import Plan
from luoshi.reports import bulletin_files as layout
from luoshi.reports.bulletin import Bulletin, Letterhead, bulletin
from luoshi.reports.files import in_chinese
from luoshi.reports.models import BulletinSettings, BulletinText, IssuedBulletin
from luoshi.tracking import STATUS_LABELS, BadPeriod, parse_period
from luoshi.tracking.periods import canonical


def settings_of(plan: Plan) -> BulletinSettings:
    found, _ = BulletinSettings.objects.get_or_create(slug=plan.slug)
    return found


def text_of(plan: Plan, period: str) -> BulletinText | None:
    return BulletinText.objects.filter(slug=plan.slug, period=period).first()


def letterhead(s: BulletinSettings, reference: str = "", dated: date | None = None) -> Letterhead:
    return Letterhead(issuer=s.issuer, reference=reference, recipients=s.recipients, copies=s.copies,
                      signature=s.signature or s.issuer, printer=s.printer or s.issuer,
                      dated=dated or timezone.localdate())


@in_chinese
def draft(plan: Plan, period: str) -> Bulletin:
    """The bulletin as it would be issued today: the office's words, no number yet."""
    edited = text_of(plan, period)
    return bulletin(plan, period, edited.paragraphs if edited else None, letterhead(settings_of(plan)))


def save_text(plan: Plan, period: str, summary: str, user: object) -> BulletinText | None:
    """Keep the office's wording of 总体情况 for ``period``; an empty text goes back to the generated one."""
    if not summary.strip():
        BulletinText.objects.filter(slug=plan.slug, period=period).delete()
        return None
    text, _ = BulletinText.objects.update_or_create(slug=plan.slug, period=period,
                                                    defaults={"summary": summary.strip(), "edited_by": user})
    return text


def period_of(plan: Plan, text: str) -> str:
    """``text`` as the period of a bulletin of ``plan``: a month, quarter or half of the plan's year, in
    its one stored form (2024-6 is 2024-06); else :class:`BadPeriod` saying why."""
    period = canonical(text)
    if parse_period(period).year != plan.year:
        raise BadPeriod(f"{period} 不在计划 {plan.slug} 的年份（{plan.year}年）内")
    return period


@transaction.atomic
@in_chinese
def issue(plan: Plan, period: str, user: object) -> IssuedBulletin:
    """Number the bulletin for ``period`` (the settings' next number), make its files and keep them with
    the figures they were made from. The number is taken under a row lock: two issuing at once get two.
    The web page and ``luoshi export bulletin --issue`` both issue through here."""
    period = period_of(plan, period)
    settings_of(plan)
    s = BulletinSettings.objects.select_for_update().get(slug=plan.slug)
    today = timezone.localdate()
    number = s.next_number
    while IssuedBulletin.objects.filter(slug=plan.slug, year=today.year, number=number).exists():
        number += 1  # a number typed back into the settings by hand is never given twice
    reference = s.reference(today.year, number)
    made = replace(draft(plan, period), letterhead=letterhead(s, reference, today))
    issued = IssuedBulletin.objects.create(
        slug=plan.slug, plan=plan, period=period, year=today.year, number=number, reference=reference,
        title=made.title, figures=figures(made), docx=layout.as_docx(made), pdf=layout.as_pdf(made),
        xlsx=layout.as_xlsx(made), issued_by=user)
    s.next_number = number + 1
    s.save(update_fields=["next_number"])
    return issued


def issued_name(issued: IssuedBulletin, fmt: str) -> str:
    """The file name an issued bulletin's .docx, .pdf or attachments' .xlsx is sent under."""
    return f"{issued.reference}{issued.title}{'-附件' if fmt == 'xlsx' else ''}.{fmt}"


def figures(b: Bulletin) -> dict[str, object]:
    """What the bulletin said, as data: its words, its counts and every target's row."""
    return {
        "period": b.period, "summary": b.summary,
        "counts": {STATUS_LABELS[s][0]: n for s, n in b.counts},
        "rows": [{"attachment": n, "code": r.code, "target": r.target, "lead": r.lead,
                  "actual": None if r.actual is None else r.actual.value,
                  "shown": str(r.actual or "—"),
                  "completion": None if r.completion is None else r.completion.value,
                  "elapsed": r.elapsed.value, "status": r.status.value,
                  "problems": r.problems, "next_steps": r.next_steps}
                 for n, a in enumerate(b.attachments, 1) for r in a.rows],
    }
