from django.contrib import admin

from luoshi.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
