"""luoshi users add NAME --role …: create a user with a role."""

from __future__ import annotations

import getpass
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import translation

from luoshi.accounts.models import Role
from luoshi.accounts.users import UserProblem, add_user
from luoshi.management.commands._base import LuoshiCommand


class Command(LuoshiCommand):
    help = "新建用户并指定角色：督查室（office）、单位联络员（liaison，须指定单位）、领导（leader）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        add = jobs.add_parser("add", help="create a user")
        add.add_argument("username")
        add.add_argument("--role", required=True, choices=[r.value for r in Role])
        add.add_argument("--unit", help="a liaison's unit, by name or short name (市商务局)")
        add.add_argument("--password", help="the password (default: asked for)")
        token = jobs.add_parser("token", help="make an API token for a user (shown once)")
        token.add_argument("username")
        token.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["job"] == "token":
            from django.contrib.auth import get_user_model

            from luoshi.accounts.tokens import make_token

            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"没有用户 {options['username']}")
            key = make_token(user, options["name"])
            self.stdout.write(f"{user.get_username()} 的接口令牌（只显示这一次，请妥善保存）：\n{key}")
            return
        password = options["password"] or getpass.getpass("密码：")
        try:
            with translation.override(settings.LANGUAGE_CODE):  # the validators' reasons, in Chinese
                user = add_user(options["username"], password, Role(options["role"]), options["unit"])
        except UserProblem as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"已新建用户 {user.username}（{Role(options['role']).label}）")
