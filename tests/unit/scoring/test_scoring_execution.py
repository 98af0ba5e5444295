"""The 预算执行率 row: full-year budget with 上年结转, two decimals half up, capped at 100%."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Money, Project
from jixiao.scoring.execution import score_execution
from jixiao.scoring.settings import NATIONAL

D = Decimal


def project(budget: Money, actual: str, initial: str | None = None, **kw) -> Project:
    return Project(name="p", unit="u", money_unit="wan_yuan", budget=budget, actual=Money(D(actual)),
                   budget_initial=Money(D(initial)) if initial else None, **kw)


def test_rate_and_score_to_the_cent():
    ex, flags = score_execution(project(Money(D("3420000.00")), "2975400.00"), D(10), NATIONAL)
    assert (ex.rate, ex.score) == (D("87.00"), D("8.70"))
    assert "297.54 万元" in ex.explanation and "342 万元" in ex.explanation
    assert [f.code for f in flags] == ["execution_reason_missing"]


def test_half_up_rounding():
    ex, _ = score_execution(project(Money(D(3)), "2"), D(10), NATIONAL)
    assert (ex.rate, ex.score) == (D("66.67"), D("6.67"))
    ex, _ = score_execution(project(Money(D(8)), "7.9996"), D(10), NATIONAL)  # 99.995% → 100.00
    assert (ex.rate, ex.score) == (D("100.00"), D("10.00"))


def test_full_year_budget_includes_carried_over():
    budget = Money(None, {"general_public": D("3000000"), "carried_over": D("420000")})
    ex, flags = score_execution(project(budget, "2975400", initial="3680000"), D(10), NATIONAL)
    assert ex.budget == D("3420000") and ex.rate == D("87.00")  # not 2975400 / 3680000 = 80.85%
    assert "上年结转 42 万元" in ex.explanation


def test_initial_budget_only_when_no_full_year_budget():
    ex, flags = score_execution(project(Money(), "90", initial="100"), D(10), NATIONAL)
    assert ex.rate == D("90.00") and "budget_initial_used" in [f.code for f in flags]


def test_over_100_percent_is_capped_and_noted():
    ex, flags = score_execution(project(Money(D(100)), "110", problems="追加"), D(10), NATIONAL)
    assert (ex.rate, ex.score) == (D("110.00"), D("10.00"))
    assert [f.code for f in flags] == ["execution_over_100"]


def test_zero_budget_scores_zero_and_says_why():
    ex, flags = score_execution(project(Money(D(0)), "0"), D(10), NATIONAL)
    assert ex.rate is None and ex.score == 0
    assert "无法计算执行率" in ex.explanation and flags[0].code == "execution_not_computable"


def test_low_rate_with_reason_is_not_flagged():
    _, flags = score_execution(project(Money(D(100)), "80", problems="受疫情影响部分培训推迟"), D(10), NATIONAL)
    assert flags == []
    _, flags = score_execution(project(Money(D(100)), "80", problems="无"), D(10), NATIONAL)
    assert [f.code for f in flags] == ["execution_reason_missing"]
