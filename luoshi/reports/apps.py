from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "luoshi.reports"
    verbose_name = "报表"
