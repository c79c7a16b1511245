"""The genre's patterns, each in sentences written for these tests (not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import brief, numeric, targets

PLAN = "2025年政府工作报告\n\n"  # a title gives the plan its year


@pytest.mark.parametrize(("text", "expected"), [
    # 分别: subjects and values paired in order, a trailing 以上 covering all of them
    ("规上工业增加值、服务业增加值分别增长7%、6.5%以上。",
     [("规上工业增加值", "growth", ">=", 7, "%"), ("服务业增加值", "growth", ">=", 6.5, "%")]),
    ("小麦、玉米机收率分别达到95%和90%。",
     [("小麦", "level", "=", 95, "%"), ("玉米机收率", "level", "=", 90, "%")]),
    # 各 and 均: one figure for every subject
    ("新增城镇就业、农村劳动力转移就业各2万人。",
     [("新增城镇就业", "level", "=", 2, "万人"), ("新增农村劳动力转移就业", "level", "=", 2, "万人")]),
    ("森林覆盖率、林木蓄积量均达到60%以上。",
     [("森林覆盖率", "level", ">=", 60, "%"), ("林木蓄积量", "level", ">=", 60, "%")]),
    # a shared verb over a list, the trailing 以上 covering the list
    ("新建公办幼儿园12所、中小学8所、托育机构30家以上。",
     [("新建公办幼儿园", "level", ">=", 12, "所"), ("新建中小学", "level", ">=", 8, "所"),
      ("新建托育机构", "level", ">=", 30, "家")]),
    # one quantity with a level and a growth: the 以上 belongs to the growth only
    ("全年完成社会消费品零售总额1500亿元、增长7%以上。",
     [("社会消费品零售总额", "level", "=", 1500, "亿元"),
      ("社会消费品零售总额", "growth", ">=", 7, "%")]),
])
def test_it_reads_coordinated_lists(text: str, expected: list[tuple[object, ...]]) -> None:
    assert numeric(text) == expected


@pytest.mark.parametrize(("phrase", "comparator", "value"), [
    ("粮食产量不低于60万吨", ">=", 60),
    ("培训农民不少于3000人", ">=", 3000),
    ("新增市场主体至少8000户", ">=", 8000),
    ("外贸进出口突破900亿元", ">", 900),
    ("实际利用外资超5亿美元", ">", 5),
    ("旅游总收入超过300亿元", ">", 300),
    ("地区生产总值增长6.5%左右", "≈", 6.5),
    ("城镇调查失业率5.5%以内", "<=", 5.5),
    ("居民消费价格涨幅控制在3%", "<=", 3),
    ("政府性债务率不超过120%", "<=", 120),
    ("重大事故发生率0.5%以下", "<=", 0.5),
    ("研发经费投入强度达到3.1%", "=", 3.1),
    ("森林覆盖率达62%", "=", 62),
    ("新增城镇就业4.5万人", "=", 4.5),
    ("高新技术企业数量达到1200家以上", ">=", 1200),
])
def test_it_reads_comparators(phrase: str, comparator: str, value: float) -> None:
    [found] = targets(phrase + "。")
    assert (found.comparator.value if found.comparator else None, found.value) == (comparator, value)


@pytest.mark.parametrize(("phrase", "value", "value_max"), [
    ("地区生产总值增长5%—6%", 5, 6),
    ("一般公共预算收入增长6%至6.5%", 6, 6.5),
    ("城镇新增就业3-4万人", 3, 4),
])
def test_it_reads_ranges(phrase: str, value: float, value_max: float) -> None:
    [found] = targets(phrase + "。")
    assert (found.value, found.value_max) == (value, value_max)


def test_it_marks_striving_targets_as_aspirational_only_in_their_own_clause() -> None:
    found = targets("力争新增上市公司5家,实际使用外资3亿美元。争取专项债券额度200亿元以上。")
    assert [(t.value, t.aspirational) for t in found] == [(5, True), (3, False), (200, True)]


@pytest.mark.parametrize(("phrase", "deadline"), [
    ("确保新建重大项目6月底前全部开工", date(2025, 6, 30)),
    ("上半年建成投用市民服务中心", date(2025, 6, 30)),
    ("三季度末前全面完成老旧小区改造", date(2025, 9, 30)),
    ("9月30日前完成全部征迁任务", date(2025, 9, 30)),
    ("年底前建成城市大脑二期", date(2025, 12, 31)),
])
def test_it_reads_deadlines_into_milestones(phrase: str, deadline: date) -> None:
    [found] = targets(PLAN + phrase + "。")
    assert (found.kind.value, found.deadline) == ("milestone", deadline)


def test_it_gives_a_numeric_target_the_deadline_of_its_clause() -> None:
    [found] = targets(PLAN + "10月底前完成造林面积2万亩。")
    assert (found.value, found.deadline) == (2, date(2025, 10, 31))


@pytest.mark.parametrize(("phrase", "value", "unit"), [
    ("新增高标准农田两万亩", 2, "万亩"),
    ("建成村级养老服务站一千二百个", 1200, "个"),
    ("改造提升农贸市场三十八个", 38, "个"),
    ("新增城市绿道一百五十公里", 150, "公里"),
])
def test_it_reads_chinese_numerals(phrase: str, value: float, unit: str) -> None:
    [found] = targets(phrase + "。")
    assert (found.value, found.unit) == (value, unit)


def test_it_does_not_count_chinese_numerals_that_name_things() -> None:
    text = "统筹推进三个重点工程、十大行动,谋划实施一批牵引性项目,第六港区一体化运营。"
    assert targets(text) == []


def test_it_reads_full_width_digits_and_punctuation() -> None:
    [found] = targets("全市生产总值增长５．７％左右，服务业增加值占比达到５０％以上。")[:1]
    assert brief(found) == ("生产总值", "growth", "≈", 5.7, "%")


def test_it_reads_sentences_broken_by_spaces_and_hard_line_breaks() -> None:
    # a PDF copy: every line as wide as the page, sentences and numbers broken anywhere
    text = ("全力扩大有效投资，加快重大项目建设进度，强化要素保障，力争全年完成固定资产投资12\n"
            "00 亿元 、 增长 8% 以上，新开工亿元以上项目一百个以上，同时推动民间投资稳定增长\n"
            "，持续优化营商环境，确保重大项目建设取得实效，加快形成实物工作量和有效投资拉动\n"
            "，确保全市经济运行保持在合理区间。\n"
            "（二）加快建设现代化产业体系\n")
    found = targets(text)
    assert [(t.indicator, t.value, t.unit) for t in found[:2]] == [
        ("固定资产投资", 1200, "亿元"), ("固定资产投资", 8, "%")]
    assert text[found[0].span[0]:found[0].span[1]] == "力争全年完成固定资产投资12\n00 亿元"


@pytest.mark.parametrize(("phrase", "value", "unit"), [
    ("经济总量突破1.2万亿元", 1.2, "万亿元"),
    ("人均可支配收入达到6.8万元", 6.8, "万元"),
    ("外贸出口超20亿美元", 20, "亿美元"),
    ("港口集装箱吞吐量突破120万标箱", 120, "万标箱"),
    ("能源消费总量控制在1800万吨标煤以内", 1800, "万吨标煤"),
    ("新增光伏装机50万千瓦", 50, "万千瓦"),
    ("接待游客8000万人次", 8000, "万人次"),
    ("筹集保障性租赁住房1.5万套(间)", 1.5, "万套(间)"),
    ("完成国土空间生态修复12平方公里", 12, "平方公里"),
    ("快递业务量突破30亿件", 30, "亿件"),
])
def test_it_keeps_the_unit_as_written_with_its_magnitude(phrase: str, value: float, unit: str) -> None:
    [found] = targets(phrase + "。")
    assert (found.value, found.unit) == (value, unit)


def test_it_reads_percentage_points_as_changes() -> None:
    assert numeric("常住人口城镇化率提高1.2个百分点。") == [
        ("常住人口城镇化率", "change", "=", 1.2, "百分点")]


def test_it_reads_a_fall_as_a_decreasing_growth() -> None:
    [found] = targets("单位地区生产总值能耗下降3%。")
    assert (found.kind.value, found.value, found.decrease) == ("growth", 3, True)


@pytest.mark.parametrize(("phrase", "kind", "indicator"), [
    ("城乡居民收入增长与经济增长同步", "relation", "城乡居民收入增长"),
    ("税收收入增速不低于全省平均水平", "relation", "税收收入增速"),
    ("万元地区生产总值用水量同比下降", "direction", "万元地区生产总值用水量"),
    ("企业综合融资成本稳中有降", "direction", "企业综合融资成本"),
    ("创成国家生态园林城市", "milestone", "创成国家生态园林城市"),
    ("确保“零工伤死亡企业”动态清零", "milestone", "零工伤死亡企业动态清零"),
])
def test_it_finds_targets_without_a_number(phrase: str, kind: str, indicator: str) -> None:
    [found] = targets(phrase + "。")
    assert (found.kind.value, found.indicator) == (kind, indicator)


@pytest.mark.parametrize("text", [
    "坚定不移深入践行“八八战略”,到2027年基本建成共同富裕示范区。",
    "紧扣“2+4+X”产业集群,集聚打造“443”数字产业,刚性执行“3个70%”。",
    "深化“TOP500”人才计划,落实“民营经济32条”,构建“1+N”政策体系。",
    "落实稳经济12条措施,推进“811”行动。",
    "去年,全市地区生产总值增长5.8%,固定资产投资增长9.1%。",
    "2024年,一般公共预算收入达到480亿元。",
    "咨询电话:0579-82468000,第三季度召开推进会。",
])
def test_it_leaves_names_years_past_results_and_phone_numbers_alone(text: str) -> None:
    assert targets(PLAN + text) == []


@pytest.mark.parametrize(("phrase", "value", "unit"), [
    ("新引进10亿元以上产业项目20个以上", 20, "个"),
    ("招引单个投资超1亿美元外资项目3个", 3, "个"),
    ("年营业收入50亿元以上的企业达到25家", 25, "家"),
    ("其中30个重点片区完成投资120亿元", 120, "亿元"),
])
def test_it_reads_class_thresholds_as_part_of_the_indicator(phrase: str, value: float,
                                                            unit: str) -> None:
    [found] = targets(phrase + "。")
    assert (found.value, found.unit) == (value, unit)


def test_it_counts_a_number_before_its_noun_when_the_text_says_at_least() -> None:
    assert numeric("组织200个以上团组、5000家以上企业参展。") == [
        ("组织团组", "level", ">=", 200, "个"), ("组织企业参展", "level", ">=", 5000, "家")]


def test_it_reads_past_results_only_as_the_baseline_of_a_comparison() -> None:
    assert numeric(PLAN + "地区生产总值比上年增长6%左右。") == [
        ("地区生产总值比上年", "growth", "≈", 6, "%")]


def test_it_splits_a_list_joined_by_和_as_well_as_by_顿号() -> None:
    assert numeric("新建学校10所和幼儿园5所。") == [
        ("新建学校", "level", "=", 10, "所"), ("新建幼儿园", "level", "=", 5, "所")]


def test_it_reads_urban_and_rural_incomes_given_together() -> None:
    assert numeric("城乡居民人均可支配收入分别增长6%、7.5%。") == [
        ("城镇居民人均可支配收入", "growth", "=", 6, "%"),
        ("农村居民人均可支配收入", "growth", "=", 7.5, "%")]


def test_it_keeps_a_class_threshold_in_the_indicator_it_qualifies() -> None:
    assert numeric("新开工10亿元以上项目30个。") == [("新开工10亿元以上项目", "level", "=", 30, "个")]


def test_it_drops_inline_enumerators_from_indicators() -> None:
    assert [t.indicator for t in targets("一是培育物流企业5家;二是新增限上商贸企业40家。")] == [
        "培育物流企业", "新增限上商贸企业"]


@pytest.mark.parametrize("phrase", [
    "零就业家庭保持动态清零",
    "县域义务教育优质均衡发展通过国家督导评估",
    "开工建设市第二人民医院新院区",
])
def test_it_finds_checkable_deliverables(phrase: str) -> None:
    [found] = targets(phrase + "。")
    assert found.kind.value == "milestone"


@pytest.mark.parametrize(("phrase", "expected"), [
    ("PM2.5平均浓度控制在28微克/立方米以内", ("PM2.5平均浓度", "level", "<=", 28, "微克/立方米")),
    ("一般性支出压减5%以上", ("一般性支出", "growth", ">=", 5, "%")),
    ("三季度末前重大项目开工率达到90%", ("重大项目开工率", "level", "=", 90, "%")),
    ("粮食播种面积稳定在两百万亩以上", ("粮食播种面积", "level", ">=", 200, "万亩")),
])
def test_it_reads_more_of_the_genre(phrase: str, expected: tuple[object, ...]) -> None:
    assert numeric(phrase + "。") == [expected]


def test_it_leaves_goals_for_later_years_alone() -> None:
    found = targets(PLAN + "到2027年,先进制造业集群产值突破1万亿元。为实现2035年远景目标,规上工业增加值增长7%。")
    assert [(t.indicator, t.value) for t in found] == [("规上工业增加值", 7)]


def test_it_reads_在步_in_any_of_its_spellings() -> None:
    [found] = targets("居民收入增长和经济增长同步。")
    assert (found.kind.value, found.indicator, found.condition) == ("relation", "居民收入增长", "和经济增长同步")


def test_it_shares_a_verb_only_between_items_measured_alike() -> None:
    found = targets("完成投资1500亿元以上,其中产业项目投资占比达到45%。")
    assert [t.indicator for t in found] == ["完成投资", "产业项目投资占比"]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("赤字率拟按4%左右安排", ("赤字率", "level", "≈", 4, "%")),
    ("中央预算内投资拟安排7350亿元", ("中央预算内投资", "level", "=", 7350, "亿元")),
    ("安排超长期特别国债3000亿元支持消费品以旧换新", ("安排超长期特别国债", "level", "=", 3000, "亿元")),
])
def test_it_reads_amounts_that_are_arranged_or_earmarked(phrase: str, expected: tuple[object, ...]) -> None:
    assert numeric(phrase + "。") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("一般公共预算收入完成85亿元,同口径增长5%。",
     [("一般公共预算收入", "level", "=", 85, "亿元"), ("一般公共预算收入", "growth", "=", 5, "%")]),
    ("地区生产总值按可比价计算增长6%左右。", [("地区生产总值", "growth", "≈", 6, "%")]),
    ("旅游总收入实现300亿元。", [("旅游总收入", "level", "=", 300, "亿元")]),
])
def test_it_leaves_how_a_figure_is_counted_out_of_the_indicator(text: str,
                                                                expected: list[tuple[object, ...]]) -> None:
    assert numeric(text) == expected
