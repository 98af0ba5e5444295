"""Bounds every stored value must keep, and the errors a file is refused with when it does not.

Amounts are stored as integer fen in a 64-bit column, so anything at or above 10^15 yuan (一千万亿元,
far beyond any public budget) cannot be stored exactly; a number that large in a form is a misread
or a hostile file, and the file is refused with the amount named instead of aborting the run.
"""

from __future__ import annotations

from decimal import Decimal

MAX_YUAN = Decimal(10) ** 15


class RefusedValue(ValueError):
    """A value a file holds that cannot be stored; the message is for the person who sent the file."""


class AmountOutOfRange(RefusedValue, ArithmeticError):
    """An amount whose absolute value is 10^15 yuan or more (an overflow, hence also arithmetic)."""

    def __init__(self, amount) -> None:
        text = format(amount, "f") if isinstance(amount, Decimal) and amount.is_finite() else f"{amount}"
        shown = text if len(text) <= 40 else text[:37] + "…"
        super().__init__(f"金额 {shown} 超出可存储的范围（绝对值须小于 1000 万亿元）")


class ValueTooLong(RefusedValue):
    """A text longer than its column holds (PostgreSQL would refuse it; SQLite would keep it)."""

    def __init__(self, what: str, length: int, limit: int) -> None:
        super().__init__(f"{what}过长（{length} 个字符，上限 {limit} 个）")


class NulInText(RefusedValue):
    """A text holding the NUL character (a damaged file; PostgreSQL cannot store it)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}中含有空字符（文件可能已损坏）")


class NumberOutOfRange(RefusedValue):
    """A count, year or other whole number larger than its column holds."""

    def __init__(self, what: str, value: int) -> None:
        text = str(value)
        super().__init__(f"{what}的数值 {text if len(text) <= 30 else text[:27] + '…'} 超出可存储的范围")


def check_amount(value: Decimal) -> Decimal:
    """``value`` itself, or AmountOutOfRange when it cannot be stored."""
    if not value.is_finite() or abs(value) >= MAX_YUAN:
        raise AmountOutOfRange(value)
    return value
