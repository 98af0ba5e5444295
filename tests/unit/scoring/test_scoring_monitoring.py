"""Mid-year monitoring: spending and target progress against time elapsed, with lights (rules.md §5)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.domain.targets import parse_target
from jixiao.scoring.monitoring import elapsed_share, indicator_progress, spending_progress
from jixiao.scoring.settings import NATIONAL

D = Decimal


@pytest.mark.parametrize("spent, light, ratio", [
    ("58.34", "green", "100.01"),   # 58.34% at 7/12 = 58.33% elapsed
    ("46.67", "green", "80.01"),
    ("46.66", "yellow", "79.99"),
    ("35.00", "yellow", "60.00"),
    ("34.99", "red", "59.98"),
    ("0", "red", "0.00"),
])
def test_spending_light_at_july(spent, light, ratio):
    p = spending_progress(D(100), D(spent), 7)
    assert p.elapsed == D("58.33") and p.light == light and p.ratio == D(ratio)
    assert "进度比" in p.explanation and "设置：运行监控红黄绿灯阈值" in p.explanation


def test_thresholds_and_month_are_settings():
    s = replace(NATIONAL, monitoring_red_below=D(50), monitoring_green_from=D(70), monitoring_month=6)
    p = spending_progress(D(100), D(36), settings=s)
    assert p.elapsed == D("50.00") and p.ratio == D("72.00") and p.light == "green"
    assert elapsed_share(12) == D(100)


def test_no_budget_no_light():
    assert spending_progress(D(0), D(5), 7).light is None


def test_indicator_progress():
    p = indicator_progress(parse_target("≥3000人次"), parse_target("1500人次"), 7)
    assert (p.progress, p.ratio, p.light) == (D("50.00"), D("85.71"), "green")  # 50% × 12/7
    lag = indicator_progress(parse_target("≥3000人次"), parse_target("900人次"), 7)
    assert (lag.progress, lag.light) == (D("30.00"), "red")
    ceiling = indicator_progress(parse_target("≤5个工作日"), parse_target("6个工作日"), 7)
    assert ceiling.light == "red" and "已超过" in ceiling.explanation
    qual = indicator_progress(parse_target("显著提升"), parse_target("按计划推进"), 7)
    assert qual.light is None and "人工判断" in qual.explanation
