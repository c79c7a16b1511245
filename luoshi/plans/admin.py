from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.plans.models import Indicator, Plan, Section, Target, Task


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("slug", "version", "region", "year", "title", "is_current")
    exclude = ("text",)


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ("code", "indicator_text", "kind", "comparator", "value", "unit", "origin", "plan")
    list_filter = ("plan", "kind", "origin")
    search_fields = ("code", "indicator_text", "quote")


admin.site.register(Section)
admin.site.register(Task)
admin.site.register(Indicator)
