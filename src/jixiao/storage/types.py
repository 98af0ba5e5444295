"""Column types that keep Decimal exact on every database (SQLite has no decimal type)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

from jixiao.domain.limits import check_amount

_HUNDRED = Decimal(100)


class Hundredths(TypeDecorator):
    """A Decimal with two places stored as an integer count of hundredths (fen for yuan).

    Exact, sortable and summable in SQL on SQLite and PostgreSQL alike.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        # a 64-bit column: refuse what it cannot hold with a reason, not an OverflowError mid-run
        return int((check_amount(Decimal(value)) * _HUNDRED).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / _HUNDRED).quantize(Decimal("0.01"))
