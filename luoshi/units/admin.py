from django.contrib import admin

from luoshi.units.models import Assignment, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "parent")
    list_filter = ("kind",)


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("target", "task", "unit", "role", "basis")
    list_filter = ("role", "unit")
