from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "luoshi.deadlines"
    verbose_name = "报送日历与提醒"
