"""The JSON input jixiao/selfeval/1: Chinese level names, decimal strings, every problem listed in Chinese."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.scoring.selfeval_input import SelfEvalError, load, parse
from scoring_helpers import form, row

D = Decimal


def test_levels_in_chinese_or_codes():
    rows = [row("产出目标", "a", "≥1个", "1个", level2="*数量指标"), row("outcome", "b", "完成", "完成"),
            row(None, "c", "≥90%", "95%", level2="服务对象满意度指标"), row("成本指标", "d", "≤5元", "4元", level2="经济成本")]
    project = parse(form(rows)).to_project()
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("output", "quantity"), ("outcome", None), ("satisfaction", "service_satisfaction"), ("cost", "economic_cost")]


def test_money_in_the_forms_unit_becomes_yuan():
    project = parse(form([row("产出指标", "a", "≥1个", "1个")], adjusted="1,234.56", actual="1000",
                         budget={"initial": "1300", "stated_rate": "81.00%"})).to_project()
    assert project.budget.total == D("12345600.00") and project.actual.total == D("10000000.00")
    assert project.budget_initial.total == D("13000000.00") and project.execution_rate == D("81.00")


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(schema="jixiao/selfeval/2"), "schema: 取值不在允许范围内"),
    (lambda d: d["budget"].update(actual=12.5), "budget.actual: 请写成字符串形式的十进制数"),
    (lambda d: d["budget"].update(actual="十二"), "budget.actual: 不是数字"),
    (lambda d: d.update(colour="red"), "colour: 未知字段"),
    (lambda d: d["indicators"][0].update(level1="投入指标"), "无法识别的一级指标“投入指标”"),
    (lambda d: d["indicators"][0].update(level2="速度指标"), "无法识别的二级指标“速度指标”"),
    (lambda d: d.pop("money_unit"), "money_unit: 缺少必填字段"),
    (lambda d: d.update(stated_grade="甲"), "stated_grade: 取值不在允许范围内"),
])
def test_problems_listed_in_chinese(change, words):
    data = form([row("产出指标", "a", "≥1个", "1个")])
    change(data)
    with pytest.raises(SelfEvalError) as err:
        parse(data)
    assert words in str(err.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(SelfEvalError, match="无法读取输入文件"):
        load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{x", encoding="utf-8")
    with pytest.raises(SelfEvalError, match="不是有效的 JSON"):
        load(bad)
    array = tmp_path / "array.json"
    array.write_text(json.dumps([1]), encoding="utf-8")
    with pytest.raises(SelfEvalError, match="JSON 对象"):
        load(array)
