from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "luoshi.accounts"
    verbose_name = "用户与角色"

    def ready(self) -> None:
        from luoshi import private  # noqa: F401  (the database file is made 0600 when opened)
        from luoshi.accounts import (
            signins,  # noqa: F401  (logins are logged)
            tokens,  # noqa: F401  (a new password revokes the API tokens)
        )
