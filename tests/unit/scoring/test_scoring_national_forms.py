"""Realistic 项目支出绩效自评表 in schema jixiao/selfeval/1, scored by hand and by the engine.

Each expected figure below was computed by hand from the national method (rules.md §1): rate =
全年执行数 ÷ 全年预算数 (with 上年结转) rounded half up to 2 decimals, execution score = 10 × rate,
≥ rows weight × actual/target, ≤ rows weight × (1 − overshoot/target), qualitative rows by band.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from scoring_helpers import codes, form, row, score

D = Decimal
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "selfeval-example.json"


def _rows(*specs):
    return [row(l1, name, t, a, w, level2=l2) for l1, l2, name, t, a, w in specs]


HOUSING = form(_rows(
    ("产出指标", "数量指标", "发放租房补贴人数", "≥6000人", "6,412人", "20"),
    ("产出指标", "质量指标", "补贴对象资格审核准确率", "≥98%", "99.2%", "10"),
    ("产出指标", "时效指标", "补贴按季度发放次数", "=4次", "4次", "10"),
    ("产出指标", "成本指标", "人均年补贴标准", "≤4200元", "4,030元", "10"),
    ("效益指标", "社会效益指标", "新引进人才留深率", "≥80%", "83.5%", "20"),
    ("效益指标", "可持续影响指标", "人才安居政策持续实施", "长期有效", "持续实施", "10"),
    ("满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "93%", "10"),
), unit="yuan", name="人才住房租赁补贴", adjusted="26,500,000.00", actual="25,837,500.00",
    budget={"initial": "24000000.00"})

INTERNSHIP = form(_rows(
    ("产出指标", "数量指标", "组织就业见习人数", "≥800人", "856人", "15"),
    ("产出指标", "数量指标", "见习基地数量", "≥60家", "58家", "10"),
    ("产出指标", "质量指标", "见习期满留用率", "≥30%", "41.2%", "10"),
    ("产出指标", "时效指标", "补贴发放及时率", "100%", "100%", "10"),
    ("产出指标", "成本指标", "见习补贴标准", "≤2360元/人·月", "2360元/人·月", "5"),
    ("效益指标", "社会效益指标", "促进高校毕业生就业", "有效促进", "见习后就业率87%", "20"),
    ("效益指标", "可持续影响指标", "见习基地长效运行机制", "逐步完善", "已建立基地动态管理机制", "10"),
    ("满意度指标", "服务对象满意度指标", "见习人员满意度", "≥90%", "94.5%", "10"),
), name="高校毕业生就业见习补贴", adjusted="486.50", actual="462.18", budget={"initial": "520.00"})

INSPECTION = form(_rows(
    ("产出指标", "数量指标", "开展专项执法检查次数", "≥12次", "14次", "20"),
    ("产出指标", "数量指标", "检查用人单位数量", "≥1500家", "1,320家", "10"),
    ("产出指标", "质量指标", "欠薪案件办结率", "≥95%", "97.6%", "10"),
    ("产出指标", "时效指标", "投诉举报处理时限", "≤5个工作日", "6个工作日", "10"),
    ("效益指标", "社会效益指标", "追讨欠薪金额", "≥3000万元", "3,426万元", "30"),
    ("满意度指标", "服务对象满意度指标", "投诉人满意度", "≥85%", "88%", "10"),
), name="劳动保障监察执法专项", adjusted="85.00", actual="61.235")

COMMUNITY = form(_rows(
    ("产出指标", "数量指标", "“龙岗第一课”培训人次", "≥500万人次", "597.2万人次", "20"),
    ("产出指标", "数量指标", "社区教育公益培训场次", "≥100场", "因疫情原因未开展", "15"),
    ("产出指标", "数量指标", "学习型街道创建数", "≥4个", "4个", "15"),
    ("效益指标", "社会效益指标", "市民综合素质及安全意识", "有所提升", "基本完成", "30"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "86%", "10"),
), name="社区教育", adjusted="210.35", actual="120.00")

ARBITRATION = form(_rows(
    ("产出指标", "数量指标", "系统运维巡检次数", "≥12次", "12次", "20"),
    ("产出指标", "时效指标", "故障修复时限", "≤48小时", "36小时", "15"),
    ("成本指标", "经济成本指标", "运维服务单价", "≤9.8万元/年", "9.6万元/年", "15"),
    ("效益指标", "社会效益指标", "线上立案占比", "≥60%", "72%", "30"),
    ("满意度指标", "服务对象满意度指标", "当事人满意度", "≥85%", "89%", "10"),
), unit="yuan", name="仲裁院信息化系统运维", adjusted="1,964,000.00", actual="1,905,200.00")


CASES = {
    # name: (form, rate, execution score, row scores, total, grade)
    "housing": (HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "10"], "99.75", "优"),
    # 462.18 / 486.50 = 95.0010% (not ÷ 520 年初预算数); 58/60 × 10 = 9.667
    "internship": (INTERNSHIP, "95.00", "9.50", ["15", "9.67", "10", "10", "5", "20", "10", "10"], "99.17", "优"),
    # 61.235 / 85 = 72.0412%; 1320/1500 × 10 = 8.80; ≤: 10 × (1 − 1/5) = 8.00
    "inspection": (INSPECTION, "72.04", "7.20", ["20", "8.80", "10", "8", "30", "10"], "94.00", "优"),
    # 120 / 210.35 = 57.0478% → 57.05%, score 10 × 57.05% = 5.705 → 5.71 (from the rate as shown);
    # 未开展 → 30% of 15; 基本完成 → 70% of 30; 86/90 × 10 = 9.556
    "community": (COMMUNITY, "57.05", "5.71", ["20", "4.50", "15", "21", "9.56"], "75.77", "中"),
    # 1905200 / 1964000 = 97.0061%; 成本指标 as its own level-1 group counts under 产出
    "arbitration": (ARBITRATION, "97.01", "9.70", ["20", "15", "15", "30", "10"], "99.70", "优"),
}


@pytest.mark.parametrize("case", CASES)
def test_engine_matches_hand_computed_scores(case):
    data, rate, ex_score, rows, total, grade = CASES[case]
    result = score(json.loads(json.dumps(data)))
    assert result.execution.rate == D(rate)
    assert result.execution.score == D(ex_score)
    assert [i.score for i in result.indicators] == [D(r) for r in rows]
    assert result.total == D(total) and result.grade == grade
    assert result.total == result.execution.score + sum(i.score for i in result.indicators)
    for ind, spec in zip(result.indicators, data["indicators"]):
        assert f"「{spec['actual']}」" in ind.explanation  # names the completion text it used


def test_methods_are_said():
    result = score(COMMUNITY)
    assert [i.method for i in result.indicators] == ["quantitative", "qualitative", "quantitative",
                                                     "qualitative", "quantitative"]
    assert "未开展" in result.indicators[1].explanation and "定性指标“未完成”的得分比例" in result.indicators[1].explanation
    assert "实际 86 < 目标 90" in result.indicators[4].explanation


def test_documented_example_scores_as_documented():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    result = score(data)
    assert [i.score for i in result.indicators] == [D(x) for x in ("17.45", "10", "10", "9.47", "15", "15", "10")]
    assert (result.execution.rate, result.execution.score, result.total, result.grade) == \
        (D("87.00"), D("8.70"), D("95.62"), "优")
    assert codes(result) == []  # its stated figures all agree
    out = result.to_dict()
    assert set(out["execution"]) >= {"rate", "weight", "score"}
    assert set(out["indicators"][0]) >= {"name", "weight", "score", "method", "explanation"}
    assert out["total"] == "95.62" and out["grade"] == "优" and out["flags"] == []
