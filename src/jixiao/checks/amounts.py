"""Money arithmetic for rules: show amounts in the document's unit, and judge sums with rounding.

Published tables print amounts to a fixed step (0.01 万元, or whole 万元). A sum of ``n`` printed
rows can differ from the printed total by up to half a step per row without anyone being wrong:
within that the difference is a rounding note, beyond it an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.model import Document, MoneyUnit

WAN = Decimal(10000)
CENT = Decimal("0.01")
HALF = Decimal("0.5")
UNIT_LABELS = {MoneyUnit.WAN_YUAN: "万元", MoneyUnit.YUAN: "元"}


def in_unit(amount: Decimal | None, unit: str) -> Decimal | None:
    """Canonical yuan → the document's unit (exact, no rounding)."""
    if amount is None:
        return None
    return amount / WAN if unit == MoneyUnit.WAN_YUAN else amount


def show(amount: Decimal | None, unit: str, places: int = 2) -> str:
    """An amount as the document would print it, with its unit: ``224.86 万元``."""
    if amount is None:
        return "（空）"
    value = in_unit(amount, unit)
    return f"{value:,.{places}f} {UNIT_LABELS.get(unit, unit)}"


def step_of(values: Iterable[Decimal | None], unit: str) -> Decimal:
    """The printing step in yuan: one whole unit when every amount is whole, else a hundredth."""
    whole = True
    seen = False
    for v in values:
        if v is None:
            continue
        seen = True
        if in_unit(v, unit) % 1:
            whole = False
            break
    base = WAN if unit == MoneyUnit.WAN_YUAN else Decimal(1)
    return base if (whole and seen) else base * CENT


def document_step(doc: Document, ctx) -> Decimal:
    """The printing step of a document's project amounts, computed once per run."""

    def build() -> Decimal:
        values = [m.total for p in doc.projects for m in (p.budget, p.actual)]
        values += [v for p in doc.projects for v in p.budget.parts.values()]
        return step_of(values, doc.money_unit) if any(v is not None for v in values) \
            else step_of([CENT], doc.money_unit)

    return ctx.shared(("step", id(doc)), build)


@dataclass(frozen=True, slots=True)
class SumCheck:
    """A stated amount against the sum of what it should add up to."""

    stated: Decimal
    computed: Decimal
    rows: int
    step: Decimal

    @property
    def diff(self) -> Decimal:
        """Stated minus computed, in yuan."""
        return self.stated - self.computed

    @property
    def tolerance(self) -> Decimal:
        """Half a printing step per summed row."""
        return self.step * HALF * max(self.rows, 1)

    @property
    def verdict(self) -> str | None:
        """None when equal, ``rounding`` within tolerance, ``mismatch`` beyond it."""
        d = abs(self.diff)
        if d < CENT:
            return None
        return "rounding" if d <= self.tolerance else "mismatch"


def sum_check(stated: Decimal | None, parts: Iterable[Decimal | None], step: Decimal) -> SumCheck | None:
    """Compare a stated total with its parts; None when there is nothing to compare."""
    values = [v for v in parts if v is not None]
    if stated is None or not values:
        return None
    return SumCheck(stated, sum(values, Decimal(0)), len(values), step)


def rate_tolerance(budget: Decimal, actual: Decimal, step: Decimal) -> Decimal:
    """How far a stated rate (2 decimals) may sit from the printed amounts' ratio by rounding alone.

    The printed amounts may each be off by half a step; the worst case is the larger of
    (actual + h) / (budget − h) and (actual − h) / (budget + h) against actual / budget. When the
    budget is within half a step of zero any rate is possible.
    """
    h = step * HALF
    if budget <= h:
        return Decimal("Infinity") if budget > 0 else Decimal("0.005")
    ratio = actual / budget
    worst = max(abs((actual + h) / (budget - h) - ratio), abs((actual - h) / (budget + h) - ratio))
    return Decimal("0.005") + Decimal(100) * worst + Decimal("0.0001")
