from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "luoshi.outcomes"
    verbose_name = "结果"
