from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "luoshi.units"
    verbose_name = "责任单位"
