"""Money-unit slips: an amount written in 元 under a 万元 heading is 10,000× off."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import MoneyUnit

SLIP_LOW, SLIP_HIGH = Decimal(5000), Decimal(20000)
LARGE_IN_WAN = Decimal("1e10")  # 100亿元: beyond any single project of a district or city bureau
SMALL_IN_YUAN = Decimal(100)
LABELS = {MoneyUnit.WAN_YUAN: "万元", MoneyUnit.YUAN: "元"}


def unit_slip(amount: Decimal | None, reference: Decimal | None) -> bool:
    """True when ``amount`` is about 10,000 times ``reference`` or 1/10,000 of it (both in yuan)."""
    if not amount or not reference or amount <= 0 or reference <= 0:
        return False
    ratio = amount / reference
    return SLIP_LOW <= ratio <= SLIP_HIGH or SLIP_LOW <= 1 / ratio <= SLIP_HIGH


def other_unit(unit: str) -> str:
    """The unit a slipped amount was probably meant in."""
    return MoneyUnit.YUAN if unit == MoneyUnit.WAN_YUAN else MoneyUnit.WAN_YUAN


def implausible(amount: Decimal | None, unit: str) -> bool:
    """An amount that makes sense only in the other unit: ≥ 100亿元 in 万元, under 100 元 in 元."""
    if amount is None or amount <= 0:
        return False
    return amount >= LARGE_IN_WAN if unit == MoneyUnit.WAN_YUAN else amount < SMALL_IN_YUAN
