"""The REST API (/api/, OpenAPI description at /api/openapi.json, docs at /api/docs).

Token authentication (Authorization: Bearer KEY; `luoshi users token NAME` makes one).
Every route asks accounts/access.py exactly as the pages do; a submitted figure goes
through the same checks and the same approval as the reporting form.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Schema, Status
from ninja.security import HttpBearer

from luoshi.accounts.access import access_of, get_target_for_user
from luoshi.accounts.tokens import user_for
from luoshi.plans.models import Plan, Target
from luoshi.progress import workflow
from luoshi.progress.assessing import verdicts
from luoshi.progress.models import Observation
from luoshi.tracking.render import record


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        user = user_for(token)
        if user is not None:
            request.user = user  # type: ignore[assignment]
        return user


api = NinjaAPI(title="落实 luoshi API", version="1", auth=TokenAuth(), urls_namespace="api",
               description="政府工作报告目标的计划、任务、目标、进度数据和评估。与网页的权限完全相同。")


class Problem(Schema):
    detail: str


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "没有权限"}, status=403)


@api.exception_handler(Http404)
def _missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "不存在"}, status=404)


class PlanOut(Schema):
    slug: str
    region: str
    year: int
    title: str
    version: int


class TaskOut(Schema):
    ordinal: int
    heading: str


class SectionOut(Schema):
    ordinal: int
    title: str
    tasks: list[TaskOut]


class PlanDetail(PlanOut):
    sections: list[SectionOut]


class TargetOut(Schema):
    code: str
    section: int
    task: str | None
    indicator: str
    kind: str
    comparator: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    deadline: date | None
    aspirational: bool
    quote: str
    origin: str


class AssessmentOut(Schema):
    code: str
    status: str
    expected: float | None
    actual: float | None
    completion: float | None
    elapsed: float | None
    forecast: float | None
    forecast_status: str | None
    period: str | None
    margin: float | None
    reason: str


class ObservationIn(Schema):
    period: str = Field(..., max_length=10, description="2024-06, 2024Q2, 2024H1 or 2024")
    value: float = Field(..., allow_inf_nan=False)
    reference: float | None = Field(None, allow_inf_nan=False, description="对照数: relation and direction targets")
    narrative: str = Field("", max_length=2000)
    problems: str = Field("", max_length=2000, description="存在问题: required when the figure leaves the target 滞后")
    next_steps: str = Field("", max_length=2000, description="下一步措施: required with problems")
    source: str = Field("", max_length=500)
    seen: int | None = Field(None, ge=0, le=2**62, description="the newest figure for this target and period you "
                             "have seen (its id); someone else's newer one is a 409")


class ObservationOut(Schema):
    id: int
    code: str
    period: str
    value: float
    reference: float | None
    narrative: str
    problems: str
    next_steps: str
    source: str
    status: str
    review_note: str
    reported_by: str | None
    reported_at: str


def _plan(slug: str) -> Plan:
    plan = Plan.objects.current().filter(slug=slug).first()
    if plan is None:
        raise Http404(f"没有代号为 {slug} 的计划")
    return plan


def _target(t: Target) -> TargetOut:
    return TargetOut(code=t.code, section=t.section.ordinal, task=t.task.heading if t.task else None,
                     indicator=t.indicator_text, kind=t.kind, comparator=t.comparator or None, value=t.value,
                     value_max=t.value_max, unit=t.unit or None, deadline=t.deadline,
                     aspirational=t.aspirational, quote=t.quote, origin=t.origin)


def _observation(o: Observation) -> ObservationOut:
    return ObservationOut(id=o.pk, code=o.target.code, period=o.period, value=o.value, reference=o.reference,
                          narrative=o.narrative, problems=o.problems, next_steps=o.next_steps, source=o.source,
                          status=o.status, review_note=o.review_note,
                          reported_by=o.reported_by.get_username() if o.reported_by else None,
                          reported_at=o.reported_at.isoformat())


@api.get("/plans", response=list[PlanOut], summary="计划列表")
def plans(request: HttpRequest) -> list[PlanOut]:
    access_of(request.user)
    return [PlanOut(slug=p.slug, region=p.region, year=p.year, title=p.title, version=p.version)
            for p in Plan.objects.current().order_by("-year", "slug")]


@api.get("/plans/{slug}", response={200: PlanDetail, 403: Problem, 404: Problem}, summary="计划及其方面、任务")
def plan_detail(request: HttpRequest, slug: str) -> PlanDetail:
    access_of(request.user)
    plan = _plan(slug)
    sections = [SectionOut(ordinal=s.ordinal, title=s.title,
                           tasks=[TaskOut(ordinal=t.ordinal, heading=t.heading) for t in s.tasks.all()])
                for s in plan.sections.prefetch_related("tasks").order_by("ordinal")]
    return PlanDetail(slug=plan.slug, region=plan.region, year=plan.year, title=plan.title,
                      version=plan.version, sections=sections)


@api.get("/plans/{slug}/targets", response={200: list[TargetOut], 403: Problem, 404: Problem},
         summary="目标（联络员只看到本单位的）")
def targets(request: HttpRequest, slug: str) -> list[TargetOut]:
    access = access_of(request.user)
    plan = _plan(slug)
    return [_target(t) for t in access.visible_targets(plan).select_related("section", "task")
            .order_by("section__ordinal", "id")]


@api.get("/plans/{slug}/targets/{code}", response={200: TargetOut, 403: Problem, 404: Problem}, summary="一个目标")
def target(request: HttpRequest, slug: str, code: str) -> TargetOut:
    found, _ = get_target_for_user(request.user, _plan(slug), code)
    return _target(found)


@api.get("/plans/{slug}/assessments", response={200: list[AssessmentOut], 403: Problem, 404: Problem},
         summary="各目标在某日的进度状态")
def assessments(request: HttpRequest, slug: str, on: date | None = None) -> list[AssessmentOut]:
    access = access_of(request.user)
    plan = _plan(slug)
    when = on or min(timezone.localdate(), date(plan.year, 12, 31))
    pks = list(access.visible_targets(plan).order_by("section__ordinal", "id").values_list("pk", flat=True))
    found = verdicts(plan, when, pks)
    out = []
    for pk in pks:  # plain dicts, validated once: no model per target, no schema object per row
        fields = record(found[pk][0])
        out.append({"code": fields.pop("id"), **fields})  # an assessment's id is its target's code
    return out  # type: ignore[return-value]


@api.get("/plans/{slug}/targets/{code}/observations",
         response={200: list[ObservationOut], 403: Problem, 404: Problem}, summary="一个目标的全部报送")
def observations(request: HttpRequest, slug: str, code: str) -> list[ObservationOut]:
    found, _ = get_target_for_user(request.user, _plan(slug), code)
    return [_observation(o) for o in found.observations.select_related("target", "reported_by")
            .order_by("reported_at", "id")]


@api.post("/plans/{slug}/targets/{code}/observations",
          response={201: ObservationOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem},
          summary="报送一个数值（待督查室审核）")
def submit(request: HttpRequest, slug: str, code: str, payload: ObservationIn) -> Status[object]:
    plan = _plan(slug)
    found, access = get_target_for_user(request.user, plan, code)
    if not access.may_report(found):
        raise PermissionDenied("领导账号只能查看，不能报送")
    try:
        figure = workflow.read_figure(found, payload.period, payload.value, reference=payload.reference,
                                      narrative=payload.narrative, problems=payload.problems,
                                      next_steps=payload.next_steps, source=payload.source)
        made = workflow.submit(figure, request.user, payload.seen)
    except workflow.WorkflowError as e:
        return _refused(e)
    return Status(201, _observation(made))


def _refused(e: workflow.WorkflowError) -> Status[object]:
    """The workflow's refusal as the API says it: 400 for what was typed, 403 not yours, 409 a conflict."""
    if isinstance(e, workflow.Invalid):
        return Status(400, {"detail": "; ".join(f"{k}: {v}" for k, v in e.problems.items())})
    if isinstance(e, workflow.NotAllowed):
        raise PermissionDenied(str(e))
    return Status(409, {"detail": str(e)})


class Review(Schema):
    reason: str = Field("", max_length=300)


@api.post("/plans/{slug}/observations/{observation_id}/{action}",
          response={200: ObservationOut, 400: Problem, 403: Problem, 404: Problem, 409: Problem},
          summary="审核：approve 通过，return 退回（需写理由）（督查室）；withdraw 撤回自己待审核的数值")
def review(request: HttpRequest, slug: str, observation_id: int, action: str, payload: Review) -> Status[object]:
    access = access_of(request.user)
    if action != "withdraw" and not access.is_office:
        raise PermissionDenied("只有督查室可以进行这项操作")
    plan = _plan(slug)
    found = Observation.objects.filter(pk=observation_id, target__plan=plan,
                                       status=Observation.Status.SUBMITTED).select_related("target").first()
    if found is None:
        raise Http404("没有这条待审核的报送")
    try:
        if action == "approve":
            done = workflow.approve(found, request.user)
        elif action == "return":
            done = workflow.send_back(found, request.user, payload.reason)
        elif action == "withdraw":
            done = workflow.withdraw(found, request.user)
        else:
            return Status(400, {"detail": "action 只能是 approve、return 或 withdraw"})
    except workflow.WorkflowError as e:
        return _refused(e)
    return Status(200, _observation(done))
