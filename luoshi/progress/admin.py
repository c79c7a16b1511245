from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.progress.models import Observation


@admin.register(Observation)
class ObservationAdmin(SimpleHistoryAdmin):
    """Figures and their history. A figure's state changes only through progress/workflow.py (the pages,
    uploads and the API), so the review fields are read-only here."""

    list_display = ("target", "period", "value", "status", "illustrative", "reported_by", "reported_at")
    list_filter = ("status", "illustrative")
    readonly_fields = ("status", "reported_by", "reported_at", "reviewed_by", "reviewed_at", "review_note")
