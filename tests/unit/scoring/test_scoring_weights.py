"""Weights: given ones used and checked, default 10/50/30/10 spread and explained."""

from __future__ import annotations

from decimal import Decimal

from jixiao.scoring.weights import split_evenly
from scoring_helpers import codes, form, row, score

D = Decimal


def test_split_evenly_adds_up_to_the_cent():
    assert split_evenly(D(50), 3) == [D("16.67"), D("16.67"), D("16.66")]
    assert split_evenly(D("33.75"), 2) == [D("16.88"), D("16.87")]
    assert sum(split_evenly(D(50), 7)) == D(50)


def test_missing_weights_get_the_default_spread():
    rows = [row("产出指标", "a", "≥10个", "10个"), row("产出指标", "b", "≥10个", "10个"),
            row("产出指标", "c", "≥10个", "10个"), row("效益指标", "d", "完成", "完成"),
            row("满意度指标", "e", "≥90%", "95%")]
    result = score(form(rows))
    assert [i.weight for i in result.indicators] == [D("16.67"), D("16.67"), D("16.66"), D(30), D(10)]
    assert result.execution.weight == D(10)
    assert result.total == D("100.00")
    assert "表中没有分值，按默认权重" in result.weights_explanation
    assert "平均分给 3 个指标" in result.indicators[0].explanation
    assert codes(result) == []


def test_no_satisfaction_indicator_moves_its_weight():
    rows = [row("产出指标", "a", "≥10个", "5个"), row("效益指标", "b", "完成", "完成")]
    result = score(form(rows))
    # 10 points of 满意度 go to 产出 and 效益 in proportion 50:30 → 56.25 and 33.75
    assert [i.weight for i in result.indicators] == [D("56.25"), D("33.75")]
    assert result.indicators[0].score == D("28.13")  # 56.25 × 5/10 = 28.125, half up
    assert result.total == D("71.88")  # 10 + 28.13 + 33.75
    assert "没有满意度指标" in result.weights_explanation


def test_not_applicable_rows_are_left_out():
    rows = [row("产出指标", "a", "≥10个", "10个"), row("产出指标", "b", "不适用", "不适用"),
            row("效益指标", "c", "完成", "完成"), row("满意度指标", "d", "≥90%", "91%")]
    result = score(form(rows))
    assert [i.method for i in result.indicators] == ["quantitative", "not_applicable", "qualitative", "quantitative"]
    assert [i.weight for i in result.indicators] == [D(50), D(0), D(30), D(10)]


def test_given_weights_are_used_and_checked():
    rows = [row("产出指标", "a", "≥10个", "10个", "50"), row("效益指标", "b", "完成", "完成", "30"),
            row("满意度指标", "c", "≥90%", "91%", "10")]
    result = score(form(rows))
    assert [i.weight for i in result.indicators] == [D(50), D(30), D(10)] and codes(result) == []

    over = score(form([row("产出指标", "a", "≥10个", "10个", "55"), row("效益指标", "b", "完成", "完成", "30"),
                       row("满意度指标", "c", "≥90%", "91%", "10")]))
    assert "weights_over_100" in codes(over) and over.total == D(100)  # 105 capped
    assert "超过 100" in over.total_explanation

    levels = score(form([row("产出指标", "a", "≥10个", "10个", "40"), row("效益指标", "b", "完成", "完成", "40"),
                         row("满意度指标", "c", "≥90%", "91%", "10")]))
    assert codes(levels) == ["level_weights_differ"]

    zero = score(form([row("产出指标", "a", "≥10个", "10个", "0"), row("效益指标", "b", "完成", "完成", "90")]))
    assert "weight_not_positive" in codes(zero)


def test_some_weights_missing_means_defaults_and_a_flag():
    rows = [row("产出指标", "a", "≥10个", "10个", "50"), row("效益指标", "b", "完成", "完成"),
            row("满意度指标", "c", "≥90%", "91%")]
    result = score(form(rows))
    assert "weights_partial" in codes(result)
    assert [i.weight for i in result.indicators] == [D(50), D(30), D(10)]


def test_given_execution_weight_scales_default_levels():
    rows = [row("产出指标", "a", "≥10个", "10个"), row("效益指标", "b", "完成", "完成"),
            row("满意度指标", "c", "≥90%", "91%")]
    result = score(form(rows, execution_weight="20"))
    assert result.execution.weight == D(20)
    # 80 points in proportion 50:30:10 → 44.44, 26.67, 8.89 (cents to the first group)
    assert [i.weight for i in result.indicators] == [D("44.44"), D("26.67"), D("8.89")]
    assert sum(i.weight for i in result.indicators) == D(80)
