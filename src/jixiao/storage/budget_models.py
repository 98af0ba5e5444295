"""Tables of published department budgets (issue 4): one row per amount, each with its source.

Money is canonical yuan as integer fen (``Hundredths``) beside the amount as written
(``stated_amount``, in ``money_unit``), so sums run in SQL and a reviewer still sees the source.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SourceColumns
from .types import Hundredths


class _DocumentLine(SourceColumns):
    """Columns every budget row shares: its document and its money."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class _Money:
    """An amount in yuan (fen), as written, its unit, and whether the document states it."""

    amount: Mapped[object] = mapped_column(Hundredths)
    stated_amount: Mapped[str] = mapped_column(String(40))
    money_unit: Mapped[str] = mapped_column(String(10))
    stated: Mapped[bool] = mapped_column(Boolean, default=True)


class BudgetLineRow(_DocumentLine, _Money, Base):
    """One amount of a spending table (表1/表6 by function, 表3 by unit, 表7 by unit and code, 表13)."""

    __tablename__ = "budget_lines"

    table_name: Mapped[str] = mapped_column(String(10), index=True)
    label: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    function_code: Mapped[str | None] = mapped_column(String(10), index=True)
    function_name: Mapped[str | None] = mapped_column(String(200))
    function_level: Mapped[str | None] = mapped_column(String(10))
    fund_source: Mapped[str] = mapped_column(String(30))
    spending_type: Mapped[str] = mapped_column(String(30))
    row_kind: Mapped[str] = mapped_column(String(20))
    code_derived: Mapped[bool] = mapped_column(Boolean, default=False)
    detail: Mapped[str | None] = mapped_column(String(200))
    # Printed tables: the column's year, phase (budget / final) and header, the table's title.
    year: Mapped[int | None] = mapped_column(Integer)
    phase: Mapped[str | None] = mapped_column(String(20))
    column_name: Mapped[str | None] = mapped_column(String(200))
    table_title: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(40))


class IncomeLineRow(_DocumentLine, _Money, Base):
    """One income row of 表1/表6 by source."""

    __tablename__ = "income_lines"

    table_name: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(300))
    fund_source: Mapped[str | None] = mapped_column(String(30))
    level: Mapped[int] = mapped_column(Integer)
    parent: Mapped[str | None] = mapped_column(String(300))
    row_kind: Mapped[str] = mapped_column(String(20))


class ProcurementLineRow(_DocumentLine, _Money, Base):
    """A procurement amount: 表11 by 品目 code, 表3 per unit and kind."""

    __tablename__ = "procurement_lines"

    table_name: Mapped[str] = mapped_column(String(10))
    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    item_code: Mapped[str | None] = mapped_column(String(20))
    item_name: Mapped[str | None] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(20))
    row_kind: Mapped[str] = mapped_column(String(20))


class ThreePublicLineRow(_DocumentLine, _Money, Base):
    """A 三公经费 amount of one unit, year and category (表12)."""

    __tablename__ = "three_public_lines"

    table_name: Mapped[str] = mapped_column(String(10))
    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(30))
    row_kind: Mapped[str] = mapped_column(String(20))


class StaffingRow(_DocumentLine, Base):
    """A staffing or vehicle count stated in the narrative."""

    __tablename__ = "staffing"

    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    measure: Mapped[str] = mapped_column(String(30))
    count: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)


class StatedFigureRow(_DocumentLine, Base):
    """A figure written in the narrative, with its sentence."""

    __tablename__ = "stated_figures"

    what: Mapped[str] = mapped_column(String(40), index=True)
    label: Mapped[str] = mapped_column(String(300))
    value: Mapped[str] = mapped_column(String(40))
    measure_unit: Mapped[str] = mapped_column(String(10))
    amount: Mapped[object | None] = mapped_column(Hundredths)
    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    part: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    # The column a statement's figure stands in (2023 预算, 比上年增减 …) and what it is about.
    year: Mapped[int | None] = mapped_column(Integer)
    phase: Mapped[str | None] = mapped_column(String(20))
    change: Mapped[str | None] = mapped_column(String(20))
    base_year: Mapped[int | None] = mapped_column(Integer)
    table_name: Mapped[str | None] = mapped_column(String(60))
    code: Mapped[str | None] = mapped_column(String(10))
    category: Mapped[str | None] = mapped_column(String(40), index=True)
    ratio: Mapped[str | None] = mapped_column(String(20))
    subject: Mapped[str | None] = mapped_column(String(200))
    base: Mapped[str | None] = mapped_column(String(200))
    describes: Mapped[str | None] = mapped_column(String(400))  # the printed line it describes
