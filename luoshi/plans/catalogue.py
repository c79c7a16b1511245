"""The canonical indicators, so targets of different years and cities can be compared.

Each entry: name, the ways reports write it, which way is better, how often it is
published. The office can add entries and aliases in the admin; these are the
ones every database starts with.
"""

from __future__ import annotations

CATALOGUE: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("地区生产总值", ("地区生产总值", "生产总值", "GDP", "经济总量"), "higher", "quarter"),
    ("一般公共预算收入", ("一般公共预算收入", "财政收入"), "higher", "month"),
    ("固定资产投资", ("固定资产投资", "有效投资"), "higher", "month"),
    ("制造业投资", ("制造业投资",), "higher", "month"),
    ("高新技术产业投资", ("高新技术产业投资", "高新投资"), "higher", "month"),
    ("工业投资", ("工业投资",), "higher", "month"),
    ("社会消费品零售总额", ("社会消费品零售总额", "社零"), "higher", "month"),
    ("网络零售额", ("网络零售额",), "higher", "month"),
    ("外贸出口", ("外贸出口", "出口总额", "出口额"), "higher", "month"),
    ("进出口总额", ("进出口总额", "外贸进出口"), "higher", "month"),
    ("实际使用外资", ("实际使用外资", "实际利用外资"), "higher", "month"),
    ("规上工业增加值", ("规上工业增加值", "规模以上工业增加值"), "higher", "month"),
    ("规上工业总产值", ("规上工业总产值", "规上工业产值"), "higher", "month"),
    ("数字经济核心产业增加值", ("数字经济核心产业增加值",), "higher", "quarter"),
    ("城镇调查失业率", ("城镇调查失业率", "调查失业率"), "lower", "month"),
    ("城镇新增就业", ("城镇新增就业",), "higher", "month"),
    ("居民消费价格指数", ("居民消费价格指数", "居民消费价格", "CPI"), "closer", "month"),
    ("研发投入强度", ("研发投入强度", "研发经费投入强度", "R&D经费投入强度"), "higher", "year"),
    ("居民人均可支配收入", ("居民可支配收入", "居民人均可支配收入", "城乡居民收入"), "higher", "quarter"),
    ("城镇居民人均可支配收入", ("城镇居民人均可支配收入",), "higher", "quarter"),
    ("农村居民人均可支配收入", ("农村居民人均可支配收入",), "higher", "quarter"),
    ("低收入农户人均可支配收入", ("低收入农户人均可支配收入",), "higher", "quarter"),
    ("粮食播种面积", ("粮食播种面积",), "higher", "year"),
    ("粮食总产量", ("粮食总产量", "粮食产量", "总产量"), "higher", "year"),
    ("新增贷款", ("新增贷款",), "higher", "month"),
    ("集装箱海铁联运量", ("海铁联运量", "海铁联运"), "higher", "month"),
    ("中欧班列开行", ("中欧班列", "开行班列"), "higher", "month"),
    ("快递业务量", ("快递业务量",), "higher", "month"),
    ("跨境电商进出口额", ("跨境电商进出口额",), "higher", "month"),
    ("市场采购出口", ("市场采购出口",), "higher", "month"),
    ("服务贸易进出口总额", ("服务贸易进出口总额",), "higher", "quarter"),
    ("单位地区生产总值能耗", ("单位地区生产总值能耗", "单位GDP能耗"), "lower", "year"),
    ("PM2.5平均浓度", ("PM2.5平均浓度", "PM2.5浓度"), "lower", "month"),
    ("空气质量优良天数比例", ("空气质量优良天数比例",), "higher", "month"),
    ("建筑业总产值", ("建筑业总产值",), "higher", "quarter"),
    ("新增高新技术企业", ("国家高新技术企业", "高新技术企业"), "higher", "year"),
    ("高标准农田", ("高标准农田",), "higher", "year"),
    ("保障性租赁住房", ("保障性租赁住房",), "higher", "month"),
)


def match(text: str, entries: list[tuple[str, list[str]]]) -> str | None:
    """The name of the entry whose longest alias ``text`` contains, or None."""
    best: tuple[int, str] | None = None
    for name, aliases in entries:
        for alias in aliases:
            if alias and alias in text and (best is None or len(alias) > best[0]):
                best = (len(alias), name)
    return best[1] if best else None
