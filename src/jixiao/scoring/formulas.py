"""The indicator formulas of the national method, as shares of the weight (0 to 1).

``≥ >``: met → 1, else actual ÷ target. ``≤ <``: met → 1, else 1 − (actual − target) ÷ target
(0 from twice the target), or target ÷ actual with the ``ratio`` setting. ``=``: like ``≥``, but a
target of 0 is met only by an actual ≤ 0. ``~`` (a range): inside → 1, below like ``≥`` on the low
end, above like ``≤`` on the high end.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .settings import setting_words

ONE = Decimal(1)
ZERO = Decimal(0)
CENT = Decimal("0.01")
CEILING_OPS = ("≤", "<")


def q2(value: Decimal) -> Decimal:
    """Two decimals, half up: the rounding every score and rate uses."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=16384)
def num(value: Decimal | None) -> str:
    """A number for Chinese text: no exponent, no trailing zeros (``16.67``, ``10``)."""
    if value is None:
        return "—"
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def floor_target(op: str, target: Decimal, actual: Decimal) -> tuple[Decimal, str]:
    """``≥``/``>``/``=``: the share of the weight and the formula in words."""
    t, a = num(target), num(actual)
    if op == "=" and target == 0:
        if actual <= 0:
            return ONE, f"目标值为 0，实际 {a} ≤ 0，得满分"
        return ZERO, f"目标值为 0，实际 {a} > 0，得 0 分"
    if actual >= target:
        return ONE, f"实际 {a} ≥ 目标 {t}，得满分"
    if target <= 0:
        return ZERO, f"实际 {a} < 目标 {t}，得 0 分"
    share = max(actual, ZERO) / target
    return share, f"实际 {a} < 目标 {t}，得分 = 权重 × {a} ÷ {t}"


def ceiling_target(target: Decimal, actual: Decimal, formula: str) -> tuple[Decimal, str]:
    """``≤``/``<``: the share of the weight and the formula in words (``linear`` or ``ratio``)."""
    t, a = num(target), num(actual)
    if actual <= target:
        return ONE, f"实际 {a} ≤ 上限 {t}，得满分"
    if target <= 0:
        return ZERO, f"上限为 {t}，实际 {a} 超出，得 0 分"
    if formula == "ratio":
        return target / actual, f"实际 {a} 超过上限 {t}，得分 = 权重 × {t} ÷ {a}（设置：{setting_words('le_formula=ratio')}）"
    if actual >= 2 * target:
        return ZERO, f"实际 {a} 达到上限 {t} 的 2 倍及以上，得 0 分（设置：{setting_words('le_formula=linear')}）"
    share = ONE - (actual - target) / target
    return share, (f"实际 {a} 超过上限 {t}，得分 = 权重 × (1 − ({a} − {t}) ÷ {t})"
                   f"（设置：{setting_words('le_formula=linear')}）")


def share_for(op: str | None, target: Decimal, actual: Decimal, high: Decimal | None,
              le_formula: str = "linear") -> tuple[Decimal, str]:
    """Share of the weight earned by ``actual`` against a target of direction ``op``."""
    op = op or "="
    if op in CEILING_OPS:
        return ceiling_target(target, actual, le_formula)
    if op == "~" and high is not None:
        if target <= actual <= high:
            return ONE, f"实际 {num(actual)} 在区间 {num(target)}–{num(high)} 内，得满分"
        if actual > high:
            return ceiling_target(high, actual, le_formula)
        return floor_target("≥", target, actual)
    return floor_target("≥" if op in (">", "~") else op, target, actual)
