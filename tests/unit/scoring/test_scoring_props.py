"""Properties of the arithmetic: scores stay in [0, weight], totals ≤ 100, ≥ is monotone in actual."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.scoring.formulas import share_for
from scoring_helpers import form, row, score

D = Decimal
amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
targets = st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False)
ops = st.sampled_from(["≥", ">", "=", "≤", "<"])


@given(ops, targets, amounts, st.sampled_from(["linear", "ratio"]))
def test_share_between_zero_and_one(op, target, actual, formula):
    share, text = share_for(op, target, actual, None, formula)
    assert 0 <= share <= 1 and text


@given(targets.filter(lambda t: t > 0), amounts, amounts)
def test_at_least_is_monotone_in_actual(target, a, b):
    lo, hi = sorted((a, b))
    assert share_for("≥", target, lo, None)[0] <= share_for("≥", target, hi, None)[0]


@given(targets.filter(lambda t: t > 0), amounts, amounts)
def test_at_most_is_antitone_in_actual(target, a, b):
    lo, hi = sorted((a, b))
    assert share_for("≤", target, lo, None)[0] >= share_for("≤", target, hi, None)[0]


weights = st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(weights, st.lists(st.integers(min_value=0, max_value=5000), min_size=6, max_size=6),
       st.integers(min_value=1, max_value=5000), amounts.filter(lambda b: b > 0), amounts)
def test_scores_within_weight_and_total_at_most_100(ws, actuals, target, budget, spent):
    rows = [row("产出指标", f"指标{i}", f"≥{target}人", f"{actuals[i]}人", str(w)) for i, w in enumerate(ws)]
    result = score(form(rows, adjusted=str(budget), actual=str(spent)))
    for r in result.indicators:
        assert 0 <= r.score <= r.weight
    assert 0 <= result.execution.score <= result.execution.weight
    assert 0 <= result.total <= 100
    raw = result.execution.score + sum(r.score for r in result.indicators)
    assert result.total == min(raw, D(100))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=10**4), st.integers(min_value=0, max_value=3 * 10**4),
       st.integers(min_value=0, max_value=3 * 10**4))
def test_total_monotone_in_actual_for_at_least(target, a, b):
    lo, hi = sorted((a, b))

    def total(actual):
        rows = [row("产出指标", "培训人数", f"≥{target}人", f"{actual}人"), row("效益指标", "效果", "完成", "完成")]
        return score(form(rows)).total

    assert total(lo) <= total(hi)
