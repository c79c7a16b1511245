"""Plain factories for stored things: functions with defaults, nothing clever."""

from __future__ import annotations

from typing import Any

from luoshi.extract import extract_plan
from luoshi.extract.render import document
from luoshi.plans.importing import Imported, import_document

SMALL_REPORT = """江城市2024年政府工作报告

今年主要预期目标是:地区生产总值增长6%左右,城镇调查失业率控制在5%以内。

(一)扩大有效需求

扩大有效投资。全年完成固定资产投资800亿元、增长8%以上,新开工亿元以上项目100个。

提振消费。社会消费品零售总额增长7%,网络零售额突破500亿元。

(二)增进民生福祉

办好民生实事。新建中小学12所,10月底前全部建成投用市民中心。
"""


def imported_report(text: str = SMALL_REPORT, **kwargs: Any) -> Imported:
    kwargs.setdefault("source_name", "report.txt")
    return import_document(document(extract_plan(text)), text=text, **kwargs)
