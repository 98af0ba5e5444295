"""What identity rules share: a printed table's lines by what they are, and the rounding of a sum
of printed amounts (half a last digit per amount added)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

_UNIT = {"wan_yuan": Decimal(100), "yuan": Decimal("0.01")}  # yuan per 0.01 printed


def table_lines(budget: DepartmentBudget, key: str) -> list[BudgetLine]:
    """The lines of the tables of one standard key (三公经费表 …)."""
    name = vocabulary().first("printed_tables", key)
    return [b for b in budget.budget_lines if b.table == name]


def labelled(lines: list[BudgetLine], *words: str) -> list[BudgetLine]:
    """Lines whose row label, spaces removed, is one of ``words``."""
    keys = {normalise(w) for w in words}
    return [b for b in lines if normalise(b.label).replace(" ", "") in keys]


def _digit(line: BudgetLine) -> Decimal:
    """One last printed digit of the line, in yuan (``1,845,880.34`` 元 → 0.01; ``20374181`` 元 → 1)."""
    exponent = line.stated_amount.as_tuple().exponent if isinstance(line.stated_amount, Decimal) else -2
    places = Decimal(1).scaleb(min(0, exponent)) if isinstance(exponent, int) else Decimal("0.01")
    return places * (_UNIT.get(line.money_unit, Decimal(1)) * 100)


def rounding(lines: list[BudgetLine]) -> Decimal:
    """How far a sum of these printed amounts may be off its printed total: half a last digit each,
    plus one of the coarsest."""
    if not lines:
        return Decimal(0)
    digits = [_digit(b) for b in lines]
    return sum(digits, Decimal(0)) / 2 + max(digits)


def money_text(amount: Decimal, line: BudgetLine) -> str:
    """An amount in the line's printed unit: ``2,961.68 万元`` or ``873,617.00 元``."""
    if line.money_unit == "wan_yuan":
        return f"{amount / Decimal(10000):,.2f} 万元"
    return f"{amount:,.2f} 元"
