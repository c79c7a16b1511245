from django.contrib import admin

from luoshi.deadlines.models import Contact, Reminder, ReportingRule


@admin.register(ReportingRule)
class ReportingRuleAdmin(admin.ModelAdmin):
    list_display = ("plan", "indicator", "target", "frequency", "due_day", "lag_months", "changed_by", "changed_at")
    list_filter = ("plan", "frequency")


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("user", "channel", "webhook")
    list_filter = ("channel",)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("sent_at", "user", "channel", "address", "kind", "target", "period", "due")
    list_filter = ("channel", "kind")
    date_hierarchy = "sent_at"
