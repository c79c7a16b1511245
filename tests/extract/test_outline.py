"""Heading styles and page layouts the extractor has to find its way through."""

from __future__ import annotations

from luoshi.extract import extract_plan

FULL_REPORT = """江城市人民政府
政府工作报告
——2025年1月10日在江城市第十届人民代表大会第四次会议上
市长 某某

一、2024年工作回顾

过去一年,全市地区生产总值增长5.9%,一般公共预算收入增长4.1%。

(一)经济运行稳中向好。规上工业增加值增长8.2%,新增高新技术企业260家。

(二)民生福祉持续增进。新增城镇就业3.1万人。

二、2025年工作总体要求和主要目标

今年经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇调查失业率5.5%以内。

三、2025年重点工作

(一)着力扩大有效需求

扩大有效投资。固定资产投资增长8%以上,新开工亿元以上项目120个。

提振消费信心。社会消费品零售总额增长6.5%。

(二)着力建设现代化产业体系

培育先进制造业集群。规上工业增加值增长7.5%。

(三)着力保障和改善民生

办好民生实事。新建中小学15所,新增托位2000个。

四、全面加强政府自身建设

严格控制一般性支出,三公经费只减不增。
"""


def test_it_skips_the_review_and_takes_work_areas_from_the_part_that_holds_them() -> None:
    plan = extract_plan(FULL_REPORT)
    assert (plan.region, plan.year) == ("江城市", 2025)
    assert [s.title for s in plan.sections] == [
        "着力扩大有效需求", "着力建设现代化产业体系", "着力保障和改善民生", "全面加强政府自身建设"]
    assert [t.heading for t in plan.sections[0].tasks] == ["扩大有效投资", "提振消费信心"]
    values = [(t.section, t.task, t.value) for t in plan.targets if t.value is not None]
    assert values == [(0, None, 6), (0, None, 5.5), (1, "扩大有效投资", 8),
                      (1, "扩大有效投资", 120), (1, "提振消费信心", 6.5),
                      (2, "培育先进制造业集群", 7.5), (3, "办好民生实事", 15), (3, "办好民生实事", 2000)]


AREAS_AS_CN_NUMBERS = """2025年县政府工作要点

一、稳住经济大盘
1.扩大有效投资。全年完成固定资产投资210亿元。
2.促进消费回暖。社会消费品零售总额增长7%。

二、推进乡村振兴
1.保障粮食安全。粮食播种面积稳定在30万亩以上。

三、增进民生福祉
第一,办好教育。新建幼儿园3所。
"""


def test_it_reads_areas_numbered_in_chinese_with_arabic_task_numbers() -> None:
    plan = extract_plan(AREAS_AS_CN_NUMBERS)
    assert [s.title for s in plan.sections] == ["稳住经济大盘", "推进乡村振兴", "增进民生福祉"]
    assert [t.heading for t in plan.sections[0].tasks] == ["扩大有效投资", "促进消费回暖"]
    assert [(t.section, t.task, t.value) for t in plan.targets] == [
        (1, "扩大有效投资", 210), (1, "促进消费回暖", 7), (2, "保障粮食安全", 30), (3, "办好教育", 3)]


def test_it_reads_full_width_parenthesised_headings() -> None:
    text = "（一）做强实体经济\n\n推进技术改造。实施技改项目300项。\n\n（二）扩大开放\n\n稳外贸。出口增长5%。\n"
    plan = extract_plan(text)
    assert [s.title for s in plan.sections] == ["做强实体经济", "扩大开放"]
    assert [t.task for t in plan.targets] == ["推进技术改造", "稳外贸"]


def test_it_warns_when_there_are_no_work_areas_and_still_reads_targets() -> None:
    plan = extract_plan("全年地区生产总值增长5%左右。")
    assert plan.sections == ()
    assert [t.value for t in plan.targets] == [5]
    assert any("工作方面" in w for w in plan.warnings)


def test_it_takes_the_region_from_the_title_when_nothing_else_names_it() -> None:
    plan = extract_plan("青山县2024年政府工作要点\n\n一、主要目标\n全县生产总值增长7%。\n")
    assert (plan.region, plan.year) == ("青山县", 2024)


def test_it_reads_tasks_numbered_in_parentheses_and_full_width_digits() -> None:
    text = ("2025年工作要点\n\n（一）科技创新\n\n（1）研发投入。研发经费支出增长10%。\n\n"
            "（2）创新平台。年内新建省级研发中心５个。\n\n（二）开放合作\n\n１．稳外贸。出口增长3%。\n")
    plan = extract_plan(text)
    assert [t.task for t in plan.targets] == ["研发投入", "创新平台", "稳外贸"]
    assert [str(t.deadline) for t in plan.targets] == ["None", "None", "None"]  # 年内 is implied


def test_it_takes_the_areas_under_a_single_part_that_holds_the_years_tasks() -> None:
    text = ("2025年政府工作报告\n\n三、2025年政府工作任务\n\n主要预期目标是:国内生产总值增长5%左右。\n\n"
            "(一)扩大国内需求\n\n实施提振消费专项行动。社会消费品零售总额增长5%。\n\n"
            "(二)发展新质生产力\n\n培育壮大新兴产业、未来产业。研发经费投入增长5%以上。\n")
    plan = extract_plan(text)
    assert [s.title for s in plan.sections] == ["扩大国内需求", "发展新质生产力"]
    assert [(t.section, t.task) for t in plan.targets] == [
        (0, None), (1, "实施提振消费专项行动"), (2, "培育壮大新兴产业、未来产业")]
