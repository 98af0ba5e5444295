"""Indicator formulas of rules.md §1, hand-computed to the cent, including the boundaries."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.scoring.settings import NATIONAL, setting_words
from scoring_helpers import one

D = Decimal
RATIO = replace(NATIONAL, le_formula="ratio", name="ratio")


@pytest.mark.parametrize("target, actual, weight, expected", [
    ("≥3000人次", "2618人次", "20", "17.45"),   # 20 × 2618/3000 = 17.4533
    ("≥3000人次", "3000人次", "20", "20.00"),   # met exactly
    ("不少于10场", "19场", "10", "10.00"),       # over-achieved: full weight
    ("≥1500家", "1,320家", "10", "8.80"),       # thousands separator in the completion
    (">90%", "89.5%", "10", "9.94"),             # > like ≥: 10 × 89.5/90 = 9.944
    ("≥98%", "0%", "10", "0.00"),
    ("≥0个", "0个", "10", "10.00"),              # target 0 with ≥ is always met
])
def test_at_least(target, actual, weight, expected):
    assert one(target, actual, weight).score == D(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("=100%", "98.7%", "9.87"),   # = scores like ≥
    ("=4次", "4次", "10.00"),
    ("=0起", "0起", "10.00"),      # target 0: full only if actual ≤ 0
    ("=0起", "1起", "0.00"),
])
def test_equal(target, actual, expected):
    assert one(target, actual).score == D(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("≤1500元", "1400元", "10.00"),
    ("≤1500元", "1580元", "9.47"),            # 10 × (1 − 80/1500) = 9.4667
    ("≤5个工作日", "9.9个工作日", "0.20"),    # 10 × (1 − 4.9/5) = 0.2, just under 2×
    ("≤5个工作日", "10个工作日", "0.00"),     # exactly 2× the ceiling: 0
    ("≤5个工作日", "11个工作日", "0.00"),     # above 2× the ceiling: 0
    ("<1%", "0.5%", "10.00"),
    ("≤0起", "0起", "10.00"),
    ("≤0起", "2起", "0.00"),                  # ceiling 0 exceeded
])
def test_at_most_linear(target, actual, expected):
    assert one(target, actual).score == D(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("≤1500元", "1580元", "9.49"),            # 10 × 1500/1580 = 9.4937
    ("≤5个工作日", "11个工作日", "4.55"),     # 10 × 5/11 = 4.5454: no zero at 2× with ratio
])
def test_at_most_ratio_setting(target, actual, expected):
    result = one(target, actual, settings=RATIO)
    assert result.score == D(expected)
    assert "按 目标÷实际 计分" in result.explanation


@pytest.mark.parametrize("actual, expected", [("85%", "10.00"), ("70%", "8.75"), ("95%", "9.44")])
def test_range(actual, expected):
    # 80%–90%: inside full; below 70/80 = 0.875; above 1 − 5/90 = 0.9444
    assert one("80-90%", actual).score == D(expected)


@pytest.mark.parametrize("actual, weight, expected, band", [
    ("已完成", "15", "15.00", "done"),
    ("基本完成", "15", "10.50", "mostly_done"),     # 70% of the weight
    ("部分完成", "15", "10.50", "partly_done"),
    ("未完成", "15", "4.50", "not_done"),           # 30% of the weight
    ("1、超额完成。2、因疫情原因未开展。3、完成", "15", "10.50", "partly_done"),  # done + not done
])
def test_qualitative_bands(actual, weight, expected, band):
    result = one("持续提升", actual, weight)
    assert result.method == "qualitative"
    assert result.score == D(expected)
    assert result.items[0].status == band
    assert setting_words(f"qualitative.{band}") in result.explanation


def test_band_point_is_a_setting():
    settings = replace(NATIONAL, band_done=D("0.90"), band_not_done=D("0.50"))
    assert one("持续提升", "完成", "15", settings).score == D("13.50")
    assert one("持续提升", "未完成", "15", settings).score == D("7.50")


def test_description_without_completion_words():
    # a plain description counts as achieved; shortfall words make it 部分达成
    assert one("有效促进", "已建立基地动态管理机制", "20").score == D("20.00")
    result = one("按时完成两次培训", "受疫情影响，只开展了一期培训", "20")
    assert result.score == D("14.00") and result.items[0].status == "partly_done"


def test_missing_completion_uses_project_status():
    result = one("按时完成", None, "20")
    assert result.items[0].status_from in ("project", "default")
    assert result.score == D("14.00")  # no project status in a bare form: middle band, 70%
    assert "没有" in result.explanation


def test_over_achievement_review_flag():
    from scoring_helpers import codes, form, row, score

    rows = [row("产出指标", "招聘会场数", "不少于10场", "19场", "50"), row("效益指标", "就业", "≥100人", "140人", "40")]
    result = score(form(rows))
    flags = [f for f in result.flags if f.code == "over_achievement_review"]
    assert len(flags) == 1 and flags[0].subject == "招聘会场数"  # 1.9× flagged, 1.4× not
    assert result.indicators[0].score == D("50.00")
    assert "偏低" in flags[0].message and codes(result).count("over_achievement_review") == 1
