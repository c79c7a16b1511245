"""Jinhua's units that lead its work report's targets, and the words that send a target to each.
A starting point the office corrects, not a ruling. Another city starts from its own list
(luoshi units add, or a unit sheet uploaded in the browser)."""

from __future__ import annotations

from luoshi.units.importing import UnitRow, store_units
from luoshi.units.models import Unit

GOVERNMENT = "金华市人民政府"

# (name, short name, keywords). Order matters only for equal-length keywords: earlier wins.
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("金华市发展和改革委员会", "市发改委",
     ("地区生产总值", "生产总值", "固定资产投资", "项目", "投资", "专项债", "国债", "能耗", "经济指标",
      "重大工程", "服务业")),
    ("金华市经济和信息化局", "市经信局",
     ("规上工业", "工业", "制造业", "技改", "数字经济", "未来工厂", "智能工厂", "工业互联网", "专精特新",
      "小升规", "品字标", "上市", "5G基站", "算力", "产业链", "两业融合", "设计中心", "服务型制造")),
    ("金华市商务局", "市商务局",
     ("外贸", "出口", "进口", "跨境电商", "网店", "市场采购", "服务贸易", "外资", "消费", "零售",
      "团组", "对非", "网络零售")),
    ("金华市科学技术局", "市科技局",
     ("研发", "科技", "高新技术", "科创", "技术交易", "创新")),
    ("金华市教育局", "市教育局", ("学校", "幼儿园", "教育", "大学生", "学位")),
    ("金华市人力资源和社会保障局", "市人力社保局",
     ("就业", "失业", "人才", "技能", "参保", "养老保险", "工伤保险", "硕博士", "创业")),
    ("金华市自然资源和规划局", "市自然资源和规划局",
     ("建设用地", "用地", "土地", "耕地", "低效用地", "扩容面积")),
    ("金华市住房和城乡建设局", "市住建局",
     ("城市更新", "住房", "未来社区", "风貌", "城中村", "建筑业", "老旧小区", "保障性租赁住房")),
    ("金华市交通运输局", "市交通运输局", ("交通", "公路", "铁路", "综合交通")),
    ("金华市农业农村局", "市农业农村局",
     ("粮食", "农田", "农业", "农村", "乡村", "村集体", "农房", "机械化", "和美乡村", "低收入农户",
      "多田套合", "村落")),
    ("金华市文化广电旅游局", "市文广旅游局", ("文旅", "旅游", "景区", "文化")),
    ("金华市卫生健康委员会", "市卫健委", ("医疗卫生", "医养", "卫生", "健康")),
    ("金华市医疗保障局", "市医保局", ("医保", "金惠保")),
    ("金华市应急管理局", "市应急管理局", ("安全生产", "事故", "死亡人数", "应急")),
    ("金华市统计局", "市统计局", ("居民消费价格", "居民可支配收入", "可支配收入")),
    ("金华市委金融办", "市金融办", ("贷款", "融资", "金融", "基金", "减负")),
    ("金华市口岸和物流局", "市口岸物流局",
     ("中欧班列", "班列", "海铁联运", "快递", "物流", "口岸", "港", "集装箱")),
    ("金华市财政局", "市财政局", ("一般公共预算", "财政")),
)

COUNTIES: tuple[str, ...] = (
    "婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县",
)

FALLBACK = "金华市发展和改革委员会"  # the office that owns the plan leads what no word assigns


def ensure_units() -> int:
    """Create Jinhua's government, its departments and its counties if they are missing."""
    rows = [UnitRow(GOVERNMENT, "市政府", Unit.Kind.GOVERNMENT)]
    rows += [UnitRow(name, short, Unit.Kind.DEPARTMENT, GOVERNMENT, keywords) for name, short, keywords in DEPARTMENTS]
    rows += [UnitRow(name, name, Unit.Kind.COUNTY, GOVERNMENT) for name in COUNTIES]
    return store_units(rows)


def fallback() -> Unit:
    return Unit.objects.get(name=FALLBACK)
