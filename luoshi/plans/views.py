"""The plan's pages: the dashboard, the report as a document, a target and its review."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import NamedTuple

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi import query
from luoshi.accounts.access import PUBLIC, access_of, get_target_for_user, require_office, require_unit
from luoshi.deadlines import timeliness
from luoshi.deadlines.items import due_items
from luoshi.extract.model import COMPARATOR_LABELS, KIND_LABELS, Comparator, Kind
from luoshi.plans.models import Origin, Plan, Section, Target
from luoshi.plans.review import ReviewProblem, add_target, delete_target, merge_targets, split_target
from luoshi.progress import workflow
from luoshi.progress.assessing import assess_plan, goal_of
from luoshi.progress.board import Filters, board, leads_of, show
from luoshi.progress.charts import target_chart
from luoshi.progress.models import Observation
from luoshi.progress.workflow import counted_ids
from luoshi.templatetags.luoshi import status as status_tag
from luoshi.tracking import STATUS_LABELS, Assessment
from luoshi.units.models import Assignment, Unit


def assessment_date(request: HttpRequest, plan: Plan) -> date:
    """?on=2024-06-30, or today within the plan's year (its last day once the year is over)."""
    return query.day(request.GET, "on") or min(date.today(), date(plan.year, 12, 31))


def current(slug: str) -> Plan:
    return get_object_or_404(Plan.objects.current(), slug=slug)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    plans = list(Plan.objects.current().order_by("-year", "slug"))
    if len(plans) == 1:  # a liaison lands on what needs them; everyone else on the dashboard
        return redirect("inbox" if access.is_liaison else "dashboard", slug=plans[0].slug)
    return render(request, "plans/home.html", {"plans": plans, "access": access})


PAGE_SIZE = 50
LAGGARDS_SHOWN = 20


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    access = access_of(request.user)
    on = assessment_date(request, plan)
    filters = Filters(section=query.number(request.GET, "section"), unit=query.number(request.GET, "unit"),
                      kind=query.choice(request.GET, "kind", (k.value for k in Kind)),
                      status=query.choice(request.GET, "status", (s for s, _ in _STATUS_CHOICES)))
    data = board(plan, on, access, filters)
    timely = timeliness.by_unit(due_items(plan, on))
    pages = max(1, -(-len(data.lines) // PAGE_SIZE))
    page = min(max(query.number(request.GET, "page") or 1, 1), pages)
    page_lines, laggards = data.lines[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], data.laggards[:LAGGARDS_SHOWN]
    show(page_lines, laggards)
    return render(request, "plans/dashboard.html", {
        "page": page, "pages": range(1, pages + 1) if pages > 1 else None,
        "page_lines": page_lines, "laggards": laggards, "query": _query_without_page(request),
        "on_param": on.isoformat(), "period": f"{on.year}-{on.month:02d}",
        "plan": plan, "board": data, "access": access, "filters": filters,
        "kinds": [(k.value, gettext(KIND_LABELS[k])) for k in Kind],
        "league": [(t, timely.get(int(t.key))) for t in data.units],
        "sections": plan.sections.order_by("ordinal"), "units": Unit.objects.filter(kind="department"),
        "statuses": [(s, gettext(label)) for s, label in _STATUS_CHOICES],
        "illustrative": any(line.illustrative for line in data.lines),
    })


_STATUS_CHOICES = [(status.value, words) for status, (words, _) in STATUS_LABELS.items()]


@login_required
def document(request: HttpRequest, slug: str) -> HttpResponse:
    plan = current(slug)
    access = access_of(request.user)
    on = assessment_date(request, plan)
    data = board(plan, on, access)
    status_of = {line.target_id: line.status.value for line in data.lines}
    # Only what the page shows of each target, without building a model per target.
    marks = [Mark(*row) for row in plan.targets.filter(pk__in=status_of)
             .values_list("pk", "code", "quote", "span_start", "span_end")]
    by_id = {m.pk: m for m in marks}
    targets_url = reverse("target", args=[plan.slug, "0"])[:-2]  # …/targets/: one reverse, not one per mark
    outline: dict[Section, list[SafeString]] = {}
    for line in data.lines:
        mark = by_id[line.target_id]
        outline.setdefault(line.section, []).append(format_html(
            '<li><a href="{}{}/">{}</a> {} <q>{}</q></li>', targets_url, mark.code, mark.code,
            status_tag(line.status), mark.quote))
    # A thousand marks are written here rather than by the template engine: same escaping, a tenth of the time.
    text = None
    if plan.text:
        text = mark_safe("".join(  # every piece is escaped by format_html or linebreaksbr
            _marked(words, covering, status_of, targets_url) if covering else linebreaksbr(words)
            for words, covering in _segments(plan.text, marks)))
    return render(request, "plans/document.html", {
        "plan": plan, "access": access, "on": on, "text": text,
        "outline": [(section, mark_safe("".join(items))) for section, items in outline.items()],
    })


class Mark(NamedTuple):
    pk: int
    code: str
    quote: str
    span_start: int | None
    span_end: int | None


def _segments(text: str, targets: list[Mark]) -> list[tuple[str, tuple[Mark, ...]]]:
    """The text cut where targets start and end: (words, every target covering them, outermost first).

    One sweep over the cuts, keeping the targets open at each: linear in the text and the targets
    (and the few that overlap at any point), so a plan of 13,100 targets is cut in milliseconds.
    """
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, set[int]] = {}
    for t in sorted((t for t in targets if t.span_start is not None and t.span_end
                     and 0 <= t.span_start < t.span_end <= len(text)),
                    key=lambda t: (t.span_start, -(t.span_end or 0), t.pk)):  # outermost first
        starts.setdefault(t.span_start or 0, []).append(t)
        ends.setdefault(t.span_end or 0, set()).add(t.pk)
    out: list[tuple[str, tuple[Mark, ...]]] = []
    open_: tuple[Mark, ...] = ()  # shared by the pieces it covers until a target starts or ends
    for a, b in pairwise(sorted({0, len(text), *starts, *ends})):
        if a in ends:
            closing = ends[a]
            open_ = tuple(t for t in open_ if t.pk not in closing)
        if a in starts:
            open_ = (*open_, *starts[a])
        out.append((text[a:b], open_))
    return out


def _marked(words: str, covering: tuple[Mark, ...], status_of: dict[int, str], targets_url: str) -> SafeString:
    """Words of one or more targets: a link to the innermost, each target underlined in its own colour."""
    *outer, inner = covering
    html = format_html('<a class="mark {}" href="{}{}/" title="{}">{}</a>', status_of.get(inner.pk, ""),
                       targets_url, inner.code, " · ".join(t.code for t in covering), words)
    for t in reversed(outer):
        html = format_html('<span class="mark {}" data-code="{}">{}</span>', status_of.get(t.pk, ""), t.code, html)
    return html


@login_required
def target_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    plan = current(slug)
    target, access = get_target_for_user(request.user, plan, code)
    on = assessment_date(request, plan)
    [row] = assess_plan(plan, on, [target])
    observations = list(target.observations.select_related("reported_by", "reviewed_by")
                        .order_by("-reported_at", "-id"))
    counted = workflow.counted_figures(observations, plan.year, on)
    goal = goal_of(target)
    return render(request, "plans/target.html", {
        "plan": plan, "target": target, "access": access, "on": on, "row": row,
        "chart": target_chart(goal, counted, row.assessment),
        "assignments": target.assignments.select_related("unit").order_by("role", "id"),
        "history": target.history.select_related("history_user").order_by("-history_date")[:50],
        "observations": observations, "may_report": access.may_report(target),
        "counted": counted_ids(observations),
        "outcomes": target.outcomes.filter(status="confirmed").select_related("source", "decided_by"),
        "year_end": _year_end(plan, target),
    })


def _year_end(plan: Plan, target: Target) -> Assessment | None:
    """The target's year judged on a confirmed outcome of the same indicator, if there is one."""
    from luoshi.outcomes.judging import judge

    judged = judge(plan, plan.year, [target]).get(target.pk)
    return judged.assessment if judged is not None else None


class TargetForm(forms.Form):
    indicator_text = forms.CharField(label=_("指标"), max_length=200)
    kind = forms.ChoiceField(label=_("类型"), choices=[(k.value, _(KIND_LABELS[k])) for k in Kind])
    comparator = forms.ChoiceField(label=_("比较"), required=False,
                                   choices=[("", "—"), *[(c.value, _(COMPARATOR_LABELS[c])) for c in Comparator]])
    value = forms.FloatField(label=_("目标值"), required=False)
    value_max = forms.FloatField(label=_("目标上限"), required=False)
    unit = forms.CharField(label=_("单位"), max_length=20, required=False)
    deadline = forms.DateField(label=_("完成时限"), required=False)
    reason = forms.CharField(label=_("修改理由"), max_length=200,
                             help_text=_("会记入修改历史，例如“原文为‘突破’，应为超过”"))


@login_required
def target_edit(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    plan = current(slug)
    target, _ = get_target_for_user(request.user, plan, code)
    require_office(request.user)
    fields = ("indicator_text", "kind", "comparator", "value", "value_max", "unit", "deadline")
    form = TargetForm(request.POST or None, initial={f: getattr(target, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        for f in fields:
            value = form.cleaned_data[f]
            empty = None if f in ("value", "value_max", "deadline") else ""
            setattr(target, f, value if value is not None else empty)
        target.origin = Origin.REVIEWED if target.origin == Origin.EXTRACTED else target.origin
        target._change_reason = form.cleaned_data["reason"]  # type: ignore[attr-defined]
        target.save()
        return redirect(reverse("target", args=[plan.slug, target.code]))
    return render(request, "plans/target_edit.html", {"plan": plan, "target": target, "form": form})


@login_required
def unit_detail(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    plan = current(slug)
    unit = get_object_or_404(Unit, pk=unit_id if unit_id <= query.LARGEST_ID else 0)
    access = require_unit(request.user, unit)
    on = assessment_date(request, plan)
    led = plan.targets.filter(assignments__unit=unit).distinct()
    data = board(plan, on, access, targets=led)
    show(data.lines)
    period = f"{on.year}-{on.month:02d}"
    submitted = (Observation.objects.filter(target__in=led, period=period)
                 .select_related("target").order_by("target__code", "-reported_at"))
    reported = {o.target_id for o in submitted if o.status in workflow.LIVE}
    show(data.lines)
    unreported = [line for line in data.lines if line.target_id not in reported]
    return render(request, "plans/unit.html", {
        "unreported": unreported,
        "plan": plan, "unit": unit, "board": data, "access": access, "period": period, "on_param": on.isoformat(),
        "submitted": submitted, "leads": leads_of(plan), "counted": counted_ids(submitted),
        "co_targets": Assignment.objects.filter(unit=unit, role=Assignment.Role.CO, target__plan=plan).count(),
        "timeliness": timeliness.of_unit(plan, unit, on),
    })


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=200, help_text=_("会记入修改历史"))
    other = forms.CharField(label=_("合并进来的目标编号"), max_length=20, required=False)


@login_required
def target_change(request: HttpRequest, slug: str, code: str, action: str) -> HttpResponse:
    """Delete, split or merge a target (office only), with a reason kept in the history."""
    if action not in _ACTIONS:
        raise Http404(gettext("没有这个操作"))
    plan = current(slug)
    target, _ = get_target_for_user(request.user, plan, code)
    require_office(request.user)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if action == "delete":
                delete_target(target, reason)
                messages.success(request, gettext("已删除目标 %(code)s") % {"code": code})
                return redirect("dashboard", slug=plan.slug)
            if action == "split":
                twin = split_target(target, reason)
                messages.success(request, gettext("已拆分出目标 %(code)s，请分别修改") % {"code": twin.code})
                return redirect("target-edit", slug=plan.slug, code=twin.code)
            other = plan.targets.filter(code=form.cleaned_data["other"].strip()).first()
            if other is None:
                raise ReviewProblem(gettext("计划中没有编号为“%(code)s”的目标") % {"code": form.cleaned_data["other"]})
            merged = merge_targets(target, other, reason, request.user)
            messages.success(request, gettext("已把 %(other)s 合并到 %(code)s") % {"other": other.code, "code": code}
                             + f"：{merged}")
            return redirect("target", slug=plan.slug, code=code)
        except ReviewProblem as e:
            form.add_error(None, str(e))
    return render(request, "plans/target_change.html", {"plan": plan, "target": target, "form": form,
                                                        "action": action, "title": _ACTIONS[action]})


_ACTIONS = {"delete": _("删除目标"), "split": _("拆分目标"), "merge": _("合并目标")}


class NewTargetForm(TargetForm):
    section = forms.TypedChoiceField(label=_("工作方面"), coerce=int)
    task = forms.CharField(label=_("任务（可空）"), max_length=200, required=False)
    quote = forms.CharField(label=_("原文摘录"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


@login_required
def target_add(request: HttpRequest, slug: str) -> HttpResponse:
    """A target the extractor missed, added by the office."""
    plan = current(slug)
    require_office(request.user)
    sections = list(plan.sections.order_by("ordinal"))
    form = NewTargetForm(request.POST or None)
    form.fields["section"].choices = [(s.ordinal, f"({s.ordinal}) {s.title}") for s in sections]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        section = next(s for s in sections if s.ordinal == data["section"])
        task = section.tasks.filter(heading=data["task"].strip()).first() if data["task"].strip() else None
        target = add_target(
            plan, section, task, data["reason"], indicator_text=data["indicator_text"], kind=data["kind"],
            comparator=data["comparator"], value=data["value"], value_max=data["value_max"],
            unit=data["unit"], deadline=data["deadline"], quote=data["quote"])
        messages.success(request, gettext("已添加目标 %(code)s") % {"code": target.code})
        return redirect("target", slug=plan.slug, code=target.code)
    return render(request, "plans/target_add.html", {"plan": plan, "form": form})


def public(request: HttpRequest, slug: str) -> HttpResponse:
    """The public portal: every target and its status, without figures' narratives or anyone's name."""
    from django.conf import settings

    if not settings.PUBLIC_PORTAL:
        raise Http404(gettext("公开页面未开启"))
    plan = current(slug)
    on = assessment_date(request, plan)
    data = board(plan, on, PUBLIC)
    show(data.lines)
    return render(request, "plans/public.html", {"plan": plan, "board": data, "on": on})

