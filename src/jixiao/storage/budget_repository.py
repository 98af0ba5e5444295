"""Department budgets ⇄ rows: ``save_budget`` stores ``doc.extras['budget']`` in the ingest's transaction.

Registered in ``repositories.EXTRA_SAVERS``, so a budget's lines land with its document or not at all.
Bulk inserts (executemany), like the core repository.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.budget import DepartmentBudget, StatedFigure
from jixiao.domain.model import Document
from jixiao.domain.source import SourceRef, box_of, box_text

from .bulk import bulk_insert_tuples
from .budget_models import (
    BudgetLineRow,
    IncomeLineRow,
    ProcurementLineRow,
    StaffingRow,
    StatedFigureRow,
    ThreePublicLineRow,
)


def _src(ref: SourceRef | None) -> tuple:
    return (None,) * 5 if ref is None else (ref.line, ref.sheet, ref.cell, ref.page, box_text(ref.box))


def _cut(text: str | None, n: int) -> str | None:
    """Text that fits its column (names in tables are short; a cut is better than a failed ingest)."""
    return None if text is None else text[:n]


def _dec(v: Decimal) -> str:
    return format(v, "f")


# Rows are tuples in their table's key order (a budget has thousands of lines: no dict per row).
_SRC = ("src_line", "src_sheet", "src_cell", "src_page", "src_box")
_MONEY = ("amount", "stated_amount", "money_unit", "stated", *_SRC)


def _money(line) -> tuple:
    return (line.amount, _dec(line.stated_amount), str(line.money_unit), line.stated, *_src(line.source))


_BUDGET_KEYS = ("document_id", "table_name", "label", "unit", "function_code", "function_name", "function_level",
                "fund_source", "spending_type", "row_kind", "code_derived", "detail", "year", "phase", "column_name",
                "table_title", "category", *_MONEY)


def _budget_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, x.table, _cut(x.label, 300), _cut(x.unit, 200), _cut(x.function_code, 10), _cut(x.function_name, 200),
             x.function_level, x.fund_source, x.spending_type, x.row_kind, x.code_derived, _cut(x.detail, 200),
             x.year, x.phase, _cut(x.column, 200), _cut(x.table_title, 200), x.category,
             *_money(x)) for x in b.budget_lines]


_INCOME_KEYS = ("document_id", "table_name", "label", "fund_source", "level", "parent", "row_kind", *_MONEY)


def _income_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, x.table, _cut(x.label, 300), x.fund_source, x.level, _cut(x.parent, 300), x.row_kind,
             *_money(x)) for x in b.income_lines]


_PROCUREMENT_KEYS = ("document_id", "table_name", "unit", "item_code", "item_name", "measure", "row_kind", *_MONEY)


def _procurement_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, x.table, _cut(x.unit, 200), x.item_code, _cut(x.item_name, 200), x.measure, x.row_kind,
             *_money(x)) for x in b.procurement_lines]


_THREE_PUBLIC_KEYS = ("document_id", "table_name", "unit", "year", "category", "row_kind", *_MONEY)


def _three_public_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, x.table, _cut(x.unit, 200), x.year, x.category, x.row_kind, *_money(x))
            for x in b.three_public_lines]


_STAFFING_KEYS = ("document_id", "unit", "measure", "count", "label", "text", *_SRC)


def _staffing_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, _cut(x.unit, 200), x.measure, x.count, _cut(x.label, 300), x.text, *_src(x.source))
            for x in b.staffing]


_FIGURE_KEYS = ("document_id", "what", "label", "value", "measure_unit", "amount", "unit", "part", "text",
                "year", "phase", "change", "base_year", "table_name", "code", "category", "ratio", "subject", "base",
                "describes", *_SRC)


def _figure_rows(doc_id: int, b: DepartmentBudget) -> list[tuple]:
    return [(doc_id, x.what, _cut(x.label, 300), _dec(x.value), x.measure_unit, x.amount, _cut(x.unit, 200),
             _cut(x.part, 20), x.text, x.year, x.phase, x.change, x.base_year, _cut(x.table, 60), _cut(x.code, 10),
             x.category, x.ratio, _cut(x.subject, 200), _cut(x.base, 200), _cut(x.describes, 400), *_src(x.source))
            for x in b.stated_figures]


_TABLES = (
    (BudgetLineRow, _BUDGET_KEYS, _budget_rows), (IncomeLineRow, _INCOME_KEYS, _income_rows),
    (ProcurementLineRow, _PROCUREMENT_KEYS, _procurement_rows),
    (ThreePublicLineRow, _THREE_PUBLIC_KEYS, _three_public_rows), (StaffingRow, _STAFFING_KEYS, _staffing_rows),
    (StatedFigureRow, _FIGURE_KEYS, _figure_rows),
)


def save_budget(session: Session, doc_id: int, doc: Document) -> None:
    """Insert a department budget's lines, staffing and stated figures (no-op for other documents)."""
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    for model, keys, rows_of in _TABLES:
        bulk_insert_tuples(session, model, keys, rows_of(doc_id, budget))


def load_stated_figures(session: Session, doc_id: int, file: str) -> list[StatedFigure]:
    """A stored document's stated figures back as the reader gave them, in reading order."""
    rows = session.scalars(select(StatedFigureRow).where(StatedFigureRow.document_id == doc_id)
                           .order_by(StatedFigureRow.id))
    return [StatedFigure(what=r.what, label=r.label, value=Decimal(r.value), measure_unit=r.measure_unit,
                         amount=r.amount, unit=r.unit, part=r.part, text=r.text,
                         source=SourceRef(file, r.src_line, r.src_sheet, r.src_cell, r.src_page, box_of(r.src_box)), year=r.year, phase=r.phase,
                         change=r.change, base_year=r.base_year, table=r.table_name, code=r.code,
                         category=r.category, ratio=r.ratio, subject=r.subject, base=r.base,
                         describes=r.describes) for r in rows]
