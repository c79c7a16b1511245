from django.contrib import admin

from luoshi.progress.models import Observation


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ("target", "period", "value", "status", "illustrative", "reported_by", "reported_at")
    list_filter = ("status", "illustrative")
