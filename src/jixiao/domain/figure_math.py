"""Arithmetic of printed figures: how far a printed number may be from the truth by rounding alone.

A figure printed as ``62.07`` stands for anything in [62.065, 62.075); a percentage printed as
``4.04`` may also be a truncated 4.045. Sums and ratios of printed figures are judged against the
interval their inputs allow, so a difference within the printing of the figures is never an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

HALF = Decimal("0.5")
HUNDRED = Decimal(100)
# The money units statements print, in yuan.
MONEY_FACTORS = {"亿元": Decimal(100000000), "万元": Decimal(10000), "元": Decimal(1)}


def printed_step(value: Decimal) -> Decimal:
    """The last printed digit's unit: ``62.07`` → 0.01, ``29`` → 1, ``0.083`` → 0.001."""
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(min(int(exponent), 0)) if isinstance(exponent, int) else Decimal(1)


def yuan_step(value: Decimal, measure_unit: str) -> Decimal:
    """The printing step of a money figure, in yuan (``62.07`` 万元 → 100 元)."""
    return printed_step(value) * MONEY_FACTORS.get(measure_unit, Decimal(1))


def sum_tolerance(values: Iterable[Decimal]) -> Decimal:
    """How far the sum of printed figures may be from a printed total of them: half a step each."""
    return sum((printed_step(v) * HALF for v in values), Decimal(0))


def interval(value: Decimal, step: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """The values a printed figure may stand for (half a step either way)."""
    h = (step if step is not None else printed_step(value)) * HALF
    return value - h, value + h


def ratio_interval(num: tuple[Decimal, Decimal], den: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal] | None:
    """The percentages num ÷ den may give (both non-negative intervals); None when den may be 0."""
    if den[0] <= 0:
        return None
    lo, hi = max(num[0], Decimal(0)), max(num[1], Decimal(0))
    return lo / den[1] * HUNDRED, hi / den[0] * HUNDRED


def percent_fits(stated: Decimal, possible: tuple[Decimal, Decimal]) -> bool:
    """Whether a printed percentage may be what the figures give: rounded or cut to its printed digits."""
    step = printed_step(stated)
    lo, hi = stated - step * HALF, stated + step
    return possible[0] <= hi and possible[1] >= lo


def worked_percent(num: Decimal, den: Decimal, places: int = 2) -> Decimal | None:
    """num ÷ den as a percentage with ``places`` decimals, for messages; None when den is 0."""
    if den == 0:
        return None
    return (num / den * HUNDRED).quantize(Decimal(1).scaleb(-places))


__all__ = ["MONEY_FACTORS", "interval", "percent_fits", "printed_step", "ratio_interval", "sum_tolerance", "worked_percent", "yuan_step"]
