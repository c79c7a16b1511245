from django.contrib import admin

from luoshi.outcomes.models import Outcome, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "plan", "uploaded_by", "uploaded_at")
    exclude = ("text",)


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ("target", "fit", "value", "unit", "status", "decided_by", "decided_at")
    list_filter = ("status", "fit")
