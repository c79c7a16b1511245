"""More of the genre's patterns, each in sentences written for these tests (not taken from any report)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import brief, targets


@pytest.mark.parametrize(("text", "expected"), [
    ("市经开区、滨江高新区力争进入全省同类园区前8位。",
     [("市经开区全省同类园区排名", "level", "<=", 8, "位"), ("滨江高新区全省同类园区排名", "level", "<=", 8, "位")]),
    ("东城、西城开发区进入全省前12位。",
     [("东城开发区全省排名", "level", "<=", 12, "位"), ("西城开发区全省排名", "level", "<=", 12, "位")]),
    ("科技创新指数保持全省第2位。", [("科技创新指数全省排名", "level", "=", 2, "位")]),
    ("营商环境综合排名进入全国前三十名。", [("营商环境综合排名全国", "level", "<=", 30, "名")]),
    ("南湖开发区前进4位。", [("南湖开发区排名", "change", "=", 4, "位")]),
    ("数字经济发展指数提升3个位次。", [("数字经济发展指数排名", "change", "=", 3, "位")]),
])
def test_it_reads_a_rank_as_a_target_of_each_ranked_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    found = targets(text)
    assert [brief(t) for t in found] == expected
    assert len({t.span for t in found}) == 1  # one quote for all the subjects that share the place


@pytest.mark.parametrize("text", [
    "地区生产总值增速居全省第3位。",  # a result, not a commitment
    "要把人民群众生命安全放在第一位。",
])
def test_it_leaves_ranks_that_report_a_result_or_a_priority_alone(text: str) -> None:
    assert targets(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("游客人数、旅游综合收入增长25%。",
     [("游客人数", "growth", "=", 25, "%"), ("旅游综合收入", "growth", "=", 25, "%")]),
    # the head written once after the last subject (its measure and the two characters before it)
    ("城镇职工、城乡居民医保报销比例提高5%以上。",
     [("城镇职工报销比例", "growth", ">=", 5, "%"), ("城乡居民医保报销比例", "growth", ">=", 5, "%")]),
    # 各 after a list joined by 和, the verb before the first subject shared too
    ("新增领军人才50人、技能人才和高校毕业生各3万人以上。",
     [("新增领军人才", "level", ">=", 50, "人"), ("新增技能人才", "level", ">=", 3, "万人"),
      ("新增高校毕业生", "level", ">=", 3, "万人")]),
    # as many rates as subjects, paired in order without 分别
    ("引进内资、外商直接投资增长12%和9%。",
     [("引进内资", "growth", "=", 12, "%"), ("外商直接投资", "growth", "=", 9, "%")]),
])
def test_it_gives_a_number_shared_by_coordinated_subjects_to_each(text: str,
                                                                  expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


@pytest.mark.parametrize(("text", "indicator"), [
    ("“一网通办、一次办好”事项覆盖率达到95%。", "一网通办、一次办好事项覆盖率"),  # one quoted name
    ("专项债、国债份额占全省8%以上。", "专项债、国债份额占全省"),  # the share of their sum
    ("常务会、专题会、全市性大会减少20%。", "常务会、专题会、全市性大会"),  # a total of things, not of measures
])
def test_it_keeps_one_target_for_a_name_a_share_or_a_total(text: str, indicator: str) -> None:
    [found] = targets(text)
    assert found.indicator == indicator


@pytest.mark.parametrize(("text", "expected"), [
    # a count before its noun, the later items of the list sharing the verb and the head after the class
    ("新增2个国家级、9个省级重点实验室。",
     [("新增国家级重点实验室", "level", "=", 2, "个"), ("新增省级重点实验室", "level", "=", 9, "个")]),
    ("为周边地区提供12万个就业岗位。", [("为周边地区提供就业岗位", "level", "=", 12, "万个")]),
    # an amount or an area before its noun, after a verb that arranges or builds it
    ("安排1500万元科创基金用于支持新兴产业。", [("科创基金", "level", "=", 1500, "万元")]),
    ("建设10万亩高标准农田。", [("建设高标准农田", "level", "=", 10, "万亩")]),
    # a share before what it does
    ("县级以上水源地水质100%达标。", [("县级以上水源地水质达标率", "level", "=", 100, "%")]),
    ("科技投入80%以上集中到制造业领域。", [("科技投入集中到制造业领域比例", "level", ">=", 80, "%")]),
])
def test_it_reads_a_number_that_stands_before_its_noun_or_verb(text: str,
                                                              expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


@pytest.mark.parametrize("text", [
    "建成年产1500吨特种纤维生产线。",  # a capacity in a project's name
    "抓好十个方面工作。",  # the parts of a programme
    "确保说一件、干一件、成一件。",  # a saying, not a count
])
def test_it_leaves_numbers_that_name_or_say_things_alone(text: str) -> None:
    assert [t for t in targets(text) if t.kind.numeric] == []


@pytest.mark.parametrize(("text", "expected"), [
    # measure words of every trade, with their magnitudes
    ("蛋鸡存栏突破800万羽。", [("蛋鸡存栏", "level", ">", 800, "万羽")]),
    ("收购烟叶60万担。", [("收购烟叶", "level", "=", 60, "万担")]),
    ("港口集装箱吞吐量达到900万标准箱。", [("港口集装箱吞吐量", "level", "=", 900, "万标准箱")]),
    ("全年举办各类展会120场次以上。", [("举办各类展会", "level", ">=", 120, "场次")]),
    # a magnitude with no measure word: 万 people, or the unit of the list's last item
    ("带动5.5万农村群众增收。", [("带动农村群众增收", "level", "=", 5.5, "万")]),
    ("养老、失业保险分别新增参保6万和1.5万人。",
     [("养老", "level", "=", 6, "万人"), ("失业保险", "level", "=", 1.5, "万人")]),
    # a threshold with no digit: one 万亿
    ("存贷款余额突破万亿大关。", [("存贷款余额", "level", ">", 1, "万亿")]),
])
def test_it_reads_any_measure_word_and_a_magnitude_alone(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


@pytest.mark.parametrize("text", [
    "全面落实省委十二届五次全会部署。",  # a session of a congress
    "每个县（区）重点打造1—2个特色街区。",  # a figure for each county, not the plan's
    "力争每个开发区引进亿元以上项目5个。",
])
def test_it_leaves_sessions_and_figures_for_each_unit_alone(text: str) -> None:
    assert [t for t in targets(text) if t.kind.numeric] == []


def test_it_keeps_figures_per_year_and_per_head_of_population() -> None:
    found = targets("每年安排3亿元专项资金,每万人口发明专利拥有量达到12件。")
    assert [(t.value, t.unit) for t in found] == [(3, "亿元"), (12, "件")]


def test_it_leaves_a_clause_that_names_a_later_year_and_its_sub_items_alone() -> None:
    found = targets("2023年政府工作报告\n\n加快制造业转型，新建智能工厂20家，力争2026年新材料产业规模突破5000亿元，"
                    "其中高端材料占比超过40%。")
    assert [(t.indicator, t.value) for t in found if t.kind.numeric] == [("新建智能工厂", 20)]


def test_it_reads_a_year_range_as_the_name_of_a_programme_not_a_later_goal() -> None:
    found = targets("2024年政府工作报告\n\n实施城市更新行动（2024—2026年），改造老旧小区120个。")
    assert [(t.indicator, t.value) for t in found if t.kind.numeric] == [("改造老旧小区", 120)]


@pytest.mark.parametrize(("text", "expected"), [
    ("城乡居民收入倍差缩小至1.9以内。", [("城乡居民收入倍差", "level", "<=", 1.9, "")]),
    ("基尼系数控制在0.4。", [("基尼系数", "level", "<=", 0.4, "")]),
])
def test_it_reads_a_ratio_written_without_a_unit(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


def test_it_gives_each_item_the_deadline_written_in_it() -> None:
    found = targets("2025年政府工作报告\n\n新建项目开工率一季度达40%、二季度达75%、10月底前全部开工。")
    assert [(t.value, str(t.deadline)) for t in found if t.kind.numeric] == [(40, "2025-03-31"), (75, "2025-06-30")]


@pytest.mark.parametrize(("text", "expected"), [
    # a range is at least its lower bound
    ("实施8—12个“揭榜挂帅”项目。", [("实施揭榜挂帅项目", "level", ">=", 8, "个")]),
    # a bare rate after a growth is a growth too
    ("城乡居民人均可支配收入增长6%、7.5%。",
     [("城乡居民人均可支配收入", "growth", "=", 6, "%"), ("城乡居民人均可支配收入", "growth", "=", 7.5, "%")]),
    # each stage of the projects keeps its own verb
    ("重大项目开工120项、续建300项、竣工90项。",
     [("重大项目开工", "level", "=", 120, "项"), ("续建", "level", "=", 300, "项"), ("竣工", "level", "=", 90, "项")]),
    ("年内完成投资280亿元以上。", [("完成投资", "level", ">=", 280, "亿元")]),
])
def test_it_reads_ranges_lists_and_stages_in_their_own_terms(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


@pytest.mark.parametrize("text", [
    "滚动实施八大产业项目，总投资180亿元。",  # what the projects cost in all
    "扎实开展12条重点产业链提升三年行动。",  # the chains of a three-year programme
    "推动50亿元、20亿元重特大产业项目取得新突破。",  # classes of projects by size
])
def test_it_leaves_totals_programmes_and_size_classes_alone(text: str) -> None:
    assert [t for t in targets(text) if t.kind.numeric] == []


@pytest.mark.parametrize(("text", "expected"), [
    # items that each close with their own verb
    ("力促东方铁路专用线开工、南山物流专用线完工。",
     [("milestone", "东方铁路专用线开工"), ("milestone", "南山物流专用线完工")]),
    # one verb and a deadline after several named objects
    ("力争东湖、西坊河水库上半年开工。", [("milestone", "东湖开工"), ("milestone", "西坊河水库开工")]),
    # a deliverable after the figures of its clause
    ("新建项目开工率二季度达75%、10月底前全部开工。", [("level", "新建项目开工率"), ("milestone", "全部开工")]),
    ("确保全市PM2.5平均浓度持续改善。", [("direction", "PM2.5平均浓度")]),
    ("较大事故起数、死亡人数实现“双下降”。", [("direction", "较大事故起数"), ("direction", "死亡人数")]),
    ("民间投资占比稳定上升。", [("direction", "民间投资占比")]),
    ("快递业务量保持全国首位。", [("relation", "快递业务量")]),
    ("研发经费投入强度达到全国平均水平。", [("relation", "研发经费投入强度")]),
    ("争当全国数字化转型标杆。", [("milestone", "争当全国数字化转型标杆")]),
])
def test_it_finds_deliverables_directions_and_ranks_in_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.kind.value, t.indicator) for t in targets(text)] == expected



@pytest.mark.parametrize("text", ["各10个。", "均5%、各3家。", "、各20%"])
def test_it_reads_a_shared_figure_with_no_subject_written(text: str) -> None:
    assert [t.value for t in targets(text) if t.kind.numeric]  # found, and nothing raised


def test_it_leaves_the_baseline_of_a_rise_out_of_the_indicator() -> None:
    found = targets("城乡低保标准由480元提高到530元。")
    assert [brief(t) for t in found] == [("城乡低保标准", "level", "=", 530, "元")]


def test_it_reads_a_total_after_a_count_as_the_total_of_the_same_things() -> None:
    found = targets("新增省级以上“专精特新”企业60家、总量突破900家。")
    assert [t.indicator for t in found] == ["新增省级以上专精特新企业", "省级以上专精特新企业总量"]


def test_it_leaves_how_long_a_yearly_amount_runs_out_of_the_indicator() -> None:
    [found] = targets("从今年起连续三年每年筹措4亿元资金支持制造业发展。")
    assert (found.indicator, found.value, found.unit) == ("每年筹措资金", 4, "亿元")


@pytest.mark.parametrize(("text", "expected"), [
    ("切实抓好年度投资980.5亿元的640个市级重点项目。",
     [("市级重点项目年度投资", "level", "=", 980.5, "亿元"), ("市级重点项目", "level", "=", 640, "个")]),
    # a total over several years describes the projects; only their count is the year's
    ("加快实施总投资5000亿元的800个重点项目。", [("重点项目", "level", "=", 800, "个")]),
])
def test_it_reads_a_count_described_by_its_investment(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [brief(t) for t in targets(text)] == expected


def test_it_reads_a_later_count_of_a_list_after_its_conjunction() -> None:
    found = targets("加快15个旧城、城中村和420个老旧小区改造提升。")
    assert [(t.indicator, t.value) for t in found] == [("加快旧城", 15), ("老旧小区改造提升", 420)]


def test_it_reads_households_and_their_people_before_the_same_noun() -> None:
    found = targets("完成新增2300户9800人易地扶贫搬迁安置。")
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("完成新增易地扶贫搬迁安置", 2300, "户"), ("完成易地扶贫搬迁安置", 9800, "人")]
