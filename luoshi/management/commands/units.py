"""luoshi units add|list: the departments and lower governments that carry out plans."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db.models import Q

from luoshi.management.commands._base import LuoshiCommand
from luoshi.units.models import Unit


class Command(LuoshiCommand):
    help = "新建单位（部门或县市区）并设置牵头关键词，或列出全部单位。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        jobs = parser.add_subparsers(dest="job", required=True)
        add = jobs.add_parser("add", help="create a unit")
        add.add_argument("name", help="full name, e.g. 金华市数据局")
        add.add_argument("--short", default="", help="short name, e.g. 市数据局")
        add.add_argument("--kind", choices=[k.value for k in Unit.Kind], default=Unit.Kind.DEPARTMENT)
        add.add_argument("--parent", help="the parent unit, by name or short name")
        add.add_argument("--keywords", default="", help="words that make it the lead, separated by 、 or commas")
        jobs.add_parser("list", help="list every unit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["job"] == "list":
            for unit in Unit.objects.select_related("parent").order_by("kind", "id"):
                words = "、".join(unit.keywords)
                self.stdout.write(f"{unit.pk:>4}  {unit.name}（{unit.get_kind_display()}）  {words}")
            return
        if Unit.objects.filter(name=options["name"]).exists():
            raise CommandError(f"单位“{options['name']}”已经存在")
        parent = None
        if options["parent"]:
            parent = Unit.objects.filter(Q(name=options["parent"]) | Q(short_name=options["parent"])).first()
            if parent is None:
                raise CommandError(f"没有名为“{options['parent']}”的上级单位")
        written = options["keywords"].replace(",", "、").replace("，", "、")
        keywords = [w.strip() for w in written.split("、") if w.strip()]
        unit = Unit.objects.create(name=options["name"], short_name=options["short"], kind=options["kind"],
                                   parent=parent, keywords=keywords)
        self.stdout.write(f"已新建单位 {unit.name}（{unit.get_kind_display()}），牵头关键词 {len(keywords)} 个")
