"""Spending progress of a monitoring report against the time elapsed, and its light (rules.md §5)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.domain.numbers import CENT

LIGHT_LABELS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}
_HUNDRED = Decimal(100)


def light_for(rate: Decimal, month: int, red_below: Decimal = Decimal(60),
              green_from: Decimal = Decimal(80)) -> tuple[Decimal, str]:
    """(ratio %, light): ratio = execution rate ÷ (month/12); red < 60 %, yellow < 80 %, else green."""
    ratio = (rate * 12 / month).quantize(CENT, ROUND_HALF_UP)
    if ratio < red_below:
        return ratio, "red"
    return ratio, ("yellow" if ratio < green_from else "green")


def money_progress(snapshot: dict, spent: Decimal | None, month: int) -> dict:
    """Budget (approved total), execution rate %, time ratio % and light; None where not computable."""
    total = (snapshot.get("money") or {}).get("total")
    budget = Decimal(total) if total not in (None, "") else None
    if budget is None or budget <= 0 or spent is None:
        return {"budget": budget, "rate": None, "ratio": None, "light": None}
    rate = (spent / budget * _HUNDRED).quantize(CENT, ROUND_HALF_UP)
    ratio, light = light_for(rate, month)
    return {"budget": budget, "rate": rate, "ratio": ratio, "light": light}
