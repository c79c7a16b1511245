"""The reporting and review forms: they read what was typed and hand it to the workflow, which decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.plans.models import Target
from luoshi.progress import workflow
from luoshi.progress.models import Observation

_LARGEST_ID = 2**62  # a hidden id beyond any row, refused rather than overflowing the database's integer


class FigureForm(forms.Form):
    """One target's figure for one period. Blank value: nothing reported for it this time.

    Field names are ``value-3.1.2``, ``reference-3.1.2``… (the target's code after the field).
    """

    value = forms.CharField(label=_("数值"), required=False, max_length=40)
    reference = forms.CharField(label=_("对照数"), required=False, max_length=40)
    narrative = forms.CharField(label=_("进展情况"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    problems = forms.CharField(label=_("存在问题"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    next_steps = forms.CharField(label=_("下一步措施"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.CharField(label=_("来源"), required=False, max_length=workflow.SOURCE_LIMIT)
    seen = forms.IntegerField(required=False, min_value=0, max_value=_LARGEST_ID, widget=forms.HiddenInput)
    asked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    _NAMES = {"next_steps": "next"}

    def __init__(self, *args: Any, target: Target, period: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=target.code, **kwargs)
        self.target, self.period = target, period
        self.figure: workflow.Figure | None = None
        self.asks = False  # 存在问题 and 下一步措施 asked for (the figure leaves the target 略低 or 滞后)

    def add_prefix(self, field_name: str) -> str:
        return f"{self._NAMES.get(field_name, field_name)}-{self.prefix}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors or not (data.get("value") or "").strip():
            return data
        try:
            self.figure = workflow.read_figure(
                self.target, self.period, data["value"], reference=data.get("reference"),
                narrative=data.get("narrative", ""), problems=data.get("problems", ""),
                next_steps=data.get("next_steps", ""), source=data.get("source", ""))
        except workflow.Invalid as e:
            self.asks = "problems" in e.problems or "next_steps" in e.problems
            for name, message in e.problems.items():
                self.add_error(name if name in self.fields else None, message)
            return data
        if workflow.asks_explanation(self.figure) and not data.get("asked"):
            # 略低于序时进度: asked once; submitting again without them is the liaison's choice.
            self.asks = True
            asked = gettext("这个数值使目标略低于序时进度：请写明存在问题和下一步措施（可以不写，再次提交即可）")
            self.add_error("problems", asked)
        return data


class UploadRowForm(forms.Form):
    """A checked row of an uploaded sheet, carried by the preview page and checked again on confirming."""

    code = forms.CharField(max_length=20, widget=forms.HiddenInput)
    period = forms.CharField(max_length=10, widget=forms.HiddenInput)
    value = forms.CharField(max_length=40, widget=forms.HiddenInput)
    reference = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    narrative = forms.CharField(required=False, widget=forms.HiddenInput)
    problems = forms.CharField(required=False, widget=forms.HiddenInput)
    next_steps = forms.CharField(required=False, widget=forms.HiddenInput)
    source = forms.CharField(required=False, max_length=workflow.SOURCE_LIMIT, widget=forms.HiddenInput)
    seen = forms.IntegerField(required=False, min_value=0, max_value=_LARGEST_ID, widget=forms.HiddenInput)
    line = forms.IntegerField(required=False, min_value=0, max_value=_LARGEST_ID, widget=forms.HiddenInput)

    def __init__(self, *args: Any, targets: dict[str, Target], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.targets = targets
        self.figure: workflow.Figure | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        target = self.targets.get(data["code"])
        if target is None:
            raise forms.ValidationError(workflow.not_yours(data["code"]))
        try:
            self.figure = workflow.read_figure(
                target, data["period"], data["value"], reference=data.get("reference"),
                narrative=data.get("narrative", ""), problems=data.get("problems", ""),
                next_steps=data.get("next_steps", ""), source=data.get("source", ""))
        except workflow.Invalid as e:
            raise forms.ValidationError(str(e)) from None
        return data


class ReviewForm(forms.Form):
    """The office's decision on one pending figure, or on a batch (ticked ids, or all that pass checks)."""

    action = forms.ChoiceField(choices=[("approve", _("通过")), ("return", _("退回")),
                                        ("approve-checked", _("通过勾选的")), ("approve-clean", _("通过全部无疑问的"))])
    observation = forms.IntegerField(required=False, min_value=1, max_value=_LARGEST_ID)
    chosen = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=[])
    reason = forms.CharField(required=False, max_length=workflow.REASON_LIMIT)

    def __init__(self, *args: Any, pending: list[Observation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending = {o.pk: o for o in pending}
        self.fields["chosen"].choices = [(pk, pk) for pk in self.pending]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") in ("approve", "return"):
            if data.get("observation") not in self.pending:
                raise forms.ValidationError(gettext("这个数值已不在待审核之列（可能已被他人处理）"))
            data["figure"] = self.pending[data["observation"]]
        if data.get("action") == "approve-checked" and not data.get("chosen"):
            raise forms.ValidationError(gettext("请先勾选要通过的数值"))
        return data
