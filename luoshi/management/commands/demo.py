"""luoshi demo: the Jinhua 2024 plan set up from nothing, ready to look at."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command

from luoshi.demo.build import CORPUS, DEMO_PASSWORD, DEMO_USERS, NEXT_REPORT, build
from luoshi.management.commands._base import LuoshiCommand
from luoshi.reports.tables import evaluation

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "jinhua-2024-work-report.txt"


class Command(LuoshiCommand):
    help = "建立金华演示：2023、2024、2025年计划，单位、分工，2025年报告陈述的2024年结果，示例月度数据。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", default=str(SEED),
                            help="the report to import (default: ../shared/seeds/…); when it is "
                                 "absent the plan comes from the facts file that ships with luoshi")
        parser.add_argument("--corpus", default=str(CORPUS),
                            help="the folder with Jinhua's 2023 and 2025 reports (default: ../shared/corpus/jinhua); "
                                 "when absent their plans and the 2024 outcomes come from shipped facts files")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        demo = build(Path(options["seed"]), Path(options["corpus"]))
        plan = demo.plan
        source = "原文（../shared/seeds）" if demo.from_text else "随项目分发的抽取结果（无原文）"
        self.stdout.write(demo.imported.message)
        self.stdout.write(f"计划来源：{source}")
        for other in demo.others:
            self.stdout.write(other.message + ("（原文）" if other.plan.text else "（随项目分发的抽取结果）"))
        if demo.outcomes:
            self.stdout.write(f"2024年结果：从《{NEXT_REPORT}》回顾部分读出并由督查室（office）逐条确认{demo.outcomes}条，"
                              "标明来源原文")
        result = evaluation(plan, plan.year)
        self.stdout.write(f"{plan.year}年终评定：" + "，".join(f"{k}{v}个" for k, v in result.totals)
                          + f"（共{len(result.rows)}个目标）")
        self.stdout.write(f"单位：新建{demo.units}个；牵头单位已按关键词规则分派，可人工调整")
        if demo.published or demo.illustrative:
            self.stdout.write(f"进度数据：公布的年度结果{demo.published}条（附来源），"
                              f"示例月度数据{demo.illustrative}条（标注“示例数据”）")
        else:
            self.stdout.write("进度数据：已有，未重复生成")
        db = settings.DATABASES["default"]
        self.stdout.write(f"数据库：{db['NAME'] if db['ENGINE'].endswith('sqlite3') else db['ENGINE']}")
        self.stdout.write(f"\n网页：运行 .venv/bin/luoshi serve 后打开 http://127.0.0.1:8000/plans/{plan.slug}/evaluation/"
                          f"（年终评定），http://127.0.0.1:8000/compare/（2023—2025年比较）")
        self.stdout.write(f"演示账号（密码都是 {DEMO_PASSWORD}）：")
        for username, _, _, what in DEMO_USERS:
            self.stdout.write(f"  {username:<8} {what}")
        self.stdout.write("命令行：")
        for line in (
            f"luoshi assess --plan {plan.slug} --on 2024-06-30      年中各目标对照序时进度的状态",
            f"luoshi assess --plan {plan.slug} --on 2024-12-31      年末：有公布结果的目标给出完成与否",
            f"luoshi evaluate --plan {plan.slug}                   年终评定，结果附来源原文",
            "luoshi compare --plans jinhua-2023,jinhua-2024,jinhua-2025   三年的目标和结果",
            f"luoshi observations template --plan {plan.slug} --period 2024-06   报送模板",
        ):
            self.stdout.write(f"  .venv/bin/{line}")
