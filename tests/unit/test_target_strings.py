"""Real target strings from every seed with the parse a careful reader expects.

Each case is (text as printed, op, value, unit); qualitative values have op and value None and keep
their words. Seeds: 000/001 self-evaluation tables, 002 department budget 表14/表15, 003
declarations, 004 target list.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from jixiao.domain.levels import indicator_levels, split_level_cells
from jixiao.domain.targets import parse_target
from jixiao.ingest.forms import read_document
from tests.conftest import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004

QUANTITATIVE = [
    # 000 / 001: targets and actuals written in prose
    ("1.举办公益招聘会场数：不少于10场； 2.档案托管数量：不少于500份。", "≥", "10", "场"),
    ("1. 行政复议、诉讼案件胜诉率90%以上。", "≥", "90", "%"),
    ("1.促进户籍失业人员实现就业≥1500人；2.全区登记失业率≤3%", "≥", "1500", "人"),
    ("1.全年案件立案受理数不少于5000件；2.仲裁员业务培训举行1次。", "≥", "5000", "件"),
    ("合同审查基本在5个工作日内完成", "≤", "5", "个工作日"),
    ("仲裁、调解案件结案满意度达90%以上", "≥", "90", "%"),
    ("2021年龙岗区人力资源局的公众满意度调查结果为92.01分, 达到了预期目标。", "=", "92.01", "分"),
    ("有效投诉率 <1%", "<", "1", "%"),
    ("服务对象满意度: ≥90%", "≥", "90", "%"),
    ("业务培训对象满意度>95%", ">", "95", "%"),
    ("群众满意度大于等于85%", "≥", "85", "%"),
    ("垫付对象满意度不低于95%", "≥", "95", "%"),
    ("开展不少于8场的智慧广场公益大讲堂活动", "≥", "8", "场"),
    ("检查160家次民办职业培训机构消防安全检查", "=", "160", "家次"),
    ("完成发放150万元", "=", "150", "万元"),
    ("招聘政府口事业单位在编人员59名。", "=", "59", "名"),
    ("跟踪服务贫困劳动力≥1000人次", "≥", "1000", "人次"),
    ("服务对象满意度达到80%以上。相关企业积极配合。", "≥", "80", "%"),
    # 002 表14 / 表15
    ("=1份", "=", "1", "份"), ("≥2625家", "≥", "2625", "家"), ("≥4500人次", "≥", "4500", "人次"),
    ("≥23.2万", "≥", "232000", None), ("≥3万名", "≥", "30000", "名"), ("≥10万", "≥", "100000", None),
    ("≥1.5万人次", "≥", "15000", "人次"), ("≥89.6万份", "≥", "896000", "份"), ("≥4万次", "≥", "40000", "次"),
    ("≥11万人", "≥", "110000", "人"), ("<2%", "<", "2", "%"), ("<90天", "<", "90", "天"),
    ("≤135天", "≤", "135", "天"), ("≤5个工作日", "≤", "5", "个工作日"), ("≤3个月", "≤", "3", "个月"),
    ("≤三个月", "≤", "3", "个月"), ("≤0.5小时", "≤", "0.5", "小时"), ("≤5分钟", "≤", "5", "分钟"),
    ("=100%有效保障", "=", "100", "%"), ("=0起", "=", "0", "起"), ("=16", "=", "16", None),
    ("≥205", "≥", "205", None), ("≥20个/家", "≥", "20", "个/家"), ("≥800个/场", "≥", "800", "个/场"),
    ("≥12次/年", "≥", "12", "次/年"), ("≥50人/场", "≥", "50", "人/场"), ("≥6.9亿元", "≥", "6.9", "亿元"),
    ("≥166800科次", "≥", "166800", "科次"), ("≥150班次", "≥", "150", "班次"), ("≥4700题", "≥", "4700", "题"),
    ("≥2000000张", "≥", "2000000", "张"), ("≥2070宗", "≥", "2070", "宗"), ("≥60000人*时段", "≥", "60000", "人"),
    ("=6批次", "=", "6", "批次"), ("=7所", "=", "7", "所"), ("=1间", "=", "1", "间"), ("≥99.6%", "≥", "99.6", "%"),
    ("$\\geq 90\\%$", "≥", "90", "%"), ("$= 100\\%$", "=", "100", "%"), ("$\\geq 1500$", "≥", "1500", None),
    ("$\\leq 6$ 个月", "≤", "6", "个月"), ("$\\leq 2$ 个月", "≤", "2", "个月"), ("$= 2$ 名", "=", "2", "名"),
    ("$\\geq 11$ 万人", "≥", "110000", "人"), ("$\\geq 2000000$ 张", "≥", "2000000", "张"),
    ("$\\leq 0.5$ 小时", "≤", "0.5", "小时"),
    # 003 declarations
    ("420人", "=", "420", "人"), ("2220人次", "=", "2220", "人次"), ("655.36万元", "=", "655.36", "万元"),
    ("营业收入（含代收代付）15亿元", "=", "15", "亿元"), ("税收1亿元", "=", "1", "亿元"), ("1年", "=", "1", "年"),
    ("一年", "=", "1", "年"), ("≤100%", "≤", "100", "%"), ("≤1", "≤", "1", None), ("≥95%", "≥", "95", "%"),
    ("3000件", "=", "3000", "件"), ("100%", "=", "100", "%"),
    # 004 target list
    ("30000人", "=", "30000", "人"), ("≥1.1", "≥", "1.1", None), ("80", "=", "80", None), ("2万", "=", "20000", None),
    ("95%以上", "≥", "95", "%"), ("小于5%", "<", "5", "%"), ("大于95%", ">", "95", "%"),
    ("大于等于90%", "≥", "90", "%"), ("服务对象满意度大于或等于90%", "≥", "90", "%"),
    ("企业员工申报职称人数占比达40%", "≥", "40", "%"), ("年度申报资助人数达到100人次", "≥", "100", "人次"),
    ("处理案件不低于4500件", "≥", "4500", "件"), ("案件调解率达75%", "≥", "75", "%"), ("邮寄案件95%", "=", "95", "%"),
    ("完成344人次", "=", "344", "人次"), ("完成158个社区", "=", "158", "个"), ("完成率100%", "=", "100", "%"),
    ("16人（以市最终下达的安置人数为准）", "=", "16", "人"), ("2021年50人、2022年100人", "=", "50", "人"),
    ("租赁办公场地面积5250平方米", "=", "5250", "平方米"), ("计划包含8大主题，不少于60个核心指标", "≥", "60", "个"),
    ("完成人事档案业务档案672箱，资助资料27.1米，劳务派遣资料1250卷等数", "=", "672", "箱"),
    ("年度招聘会完成100场次÷年度计划完成招聘会100场次×100%", "=", "100.00", "%"),
    ("举办新入户奖励政策宣讲会4场", "=", "4", "场"), ("4个政府事业单位入驻产业园", "=", "4", "个"),
]

QUALITATIVE = [
    # deadlines are calendar points, not amounts
    "2020年12月底前", "2020年12月份前", "2020年2月29日之前完成", "2020年12月底", "12月底", "9月完成",
    "每月15日前", "第四季度", "第二、四季度", "第三季度完成", "每季度",
    # qualitative values keep their words
    "及时", "按时", "良好", "规范", "健全", "合格", "采纳", "增长", "社会维稳提升", "促进支撑", "满意",
    "有效的政策保障", "通过专家评审", "节前完成上门慰问", "足额发放", "基本通过", "明显减少", "逐年提升",
    "按项目规定完成", "抽查准确数量/抽查总数量×100%", "已完成", "未完成", "在第四季度前完成", "年度内完成",
    "2021年底之前完成两次培训。",
]


# Ranges: the unit written once or at both ends; the upper bound is kept in value_high.
RANGES = [
    ("80-90%", "80", "90", "%"), ("80%-90%", "80", "90", "%"), ("80%～90%", "80", "90", "%"),
    ("85%至95%", "85", "95", "%"), ("3天-5天", "3", "5", "天"), ("3至5天", "3", "5", "天"), ("1-2个", "1", "2", "个"),
    ("满意度10%~20%以内", "10", "20", "%"),
]


@pytest.mark.parametrize("text,low,high,unit", RANGES)
def test_ranges(text, low, high, unit):
    t = parse_target(text)
    assert (t.op, t.value, t.value_high, t.unit) == ("~", Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize("text,op,value,unit", [("80%-90", "=", "80", "%"), ("5人-10次", "=", "5", "人")])
def test_different_units_at_the_two_ends_are_no_range(text, op, value, unit):
    t = parse_target(text)
    assert (t.op, t.value, t.value_high, t.unit) == (op, Decimal(value), None, unit)


@pytest.mark.parametrize("text,op,value,unit", QUANTITATIVE)
def test_quantitative_targets(text, op, value, unit):
    t = parse_target(text)
    assert (t.op, t.value, t.unit) == (op, Decimal(value), unit)
    assert t.text == text  # the text is always kept as written


@pytest.mark.parametrize("text", QUALITATIVE)
def test_qualitative_targets(text):
    t = parse_target(text)
    assert t.value is None and t.op is None
    assert t.qualitative and t.text == text


def test_targets_keep_their_text_exactly():
    assert parse_target("≥1.5万人次").text == "≥1.5万人次"
    assert parse_target("$\\geq 90\\%$").text == "$\\geq 90\\%$"


def test_every_simple_target_in_the_seeds_reads_direction_number_and_unit():
    """Every target printed as ``[direction] number [unit]`` in any seed yields exactly those three."""
    units = "个工作日|个月|人次|科次|班次|批次|平方米|小时|分钟|万元|亿元|家次|" + "|".join("%人场家个件份次名项户天年起题张宗期批所间台篇册类位")
    simple = re.compile(rf"^(?P<op>[≥≤<>=])?(?P<num>\d+(?:\.\d+)?)(?P<unit>{units})?$")
    checked = 0
    for seed in (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004):
        doc = read_document(seed.read_bytes(), seed.name)
        for p in doc.projects:
            for ind in p.indicators:
                m = simple.match(ind.target.text.replace(" ", ""))
                if m is None:
                    continue
                checked += 1
                t = ind.target
                assert (t.op, t.value, t.unit) == (m.group("op") or "=", Decimal(m.group("num")), m.group("unit")), t.text
    assert checked >= 600  # 631 when written: the check covered the seeds, not a handful


LEVEL_ROWS = [
    # cells of an indicator row → (level1 code, level1 text, level2 code, level2 text, required)
    (["产出指标", "*数量指标", "补贴发放人数", "1879人"], ("output", "产出指标", "quantity", "数量指标", True)),
    (["产出目标", "数量", "资助在站博士后人数", "≥2200人"], ("output", "产出目标", "quantity", "数量", False)),
    (["效果目标", "满意度", "民办技校补贴满意度", "≥90%"], ("satisfaction", None, "service_satisfaction", "满意度", False)),
    (["效果目标", "社会效益", "来深创新创业人才数", "增加"], ("outcome", "效果目标", "social", "社会效益", False)),
    (["满意度指标", "*服务对象满意度指标", "受用人员满意度", "≥95%"],
     ("satisfaction", "满意度指标", "service_satisfaction", "服务对象满意度指标", True)),
    (["", "", "成本指标", "预算执行率", "≥95%"], ("output", None, "cost", "成本指标", False)),
    # the 2021 layout: 成本 is a level-1 group of its own
    (["成本指标", "经济成本指标", "人均培训成本", "≤500元"], ("cost", "成本指标", "economic_cost", "经济成本指标", False)),
    (["成本指标", "*社会成本指标", "对居民出行的影响", "无"], ("cost", "成本指标", "social_cost", "社会成本指标", True)),
    (["时效", "非因工劳动能力鉴定完成及时性", "<90天", "2020年工作计划"], ("output", None, "timeliness", "时效", False)),
]


@pytest.mark.parametrize("cells,expected", LEVEL_ROWS)
def test_level_names_normalised(cells, expected):
    row = split_level_cells(cells)
    assert indicator_levels(row.level1, row.level2) == expected
    name_at = next(i for i, c in enumerate(cells) if c and not re.search(r"指标$|^(数量|质量|时效|满意度|社会效益|.{2}目标)$", c))
    assert row.rest[0] == (name_at, cells[name_at])  # the first cell after the labels is the name


def test_names_that_start_like_categories_are_not_labels():
    row = split_level_cells(["质量保障情况", "良好"])
    assert row.level1 is None and row.level2 is None and [c for _, c in row.rest] == ["质量保障情况", "良好"]
    assert split_level_cells(["", "满意度", "满意", ""]).rest == [(2, "满意")]
