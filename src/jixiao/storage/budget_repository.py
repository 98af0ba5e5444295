"""Department budgets ⇄ rows: ``save_budget`` stores ``doc.extras['budget']`` in the ingest's transaction.

Registered in ``repositories.EXTRA_SAVERS``, so a budget's lines land with its document or not at all.
Bulk inserts (executemany), like the core repository.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.model import Document
from jixiao.domain.source import SourceRef

from .bulk import bulk_insert
from .budget_models import (
    BudgetLineRow,
    IncomeLineRow,
    ProcurementLineRow,
    StaffingRow,
    StatedFigureRow,
    ThreePublicLineRow,
)


def _src(ref: SourceRef | None) -> dict:
    if ref is None:
        return {"src_line": None, "src_sheet": None, "src_cell": None}
    return {"src_line": ref.line, "src_sheet": ref.sheet, "src_cell": ref.cell}


def _cut(text: str | None, n: int) -> str | None:
    """Text that fits its column (names in tables are short; a cut is better than a failed ingest)."""
    return None if text is None else text[:n]


def _dec(v: Decimal) -> str:
    return format(v, "f")


def _money(line) -> dict:
    return {"amount": line.amount, "stated_amount": _dec(line.stated_amount), "money_unit": str(line.money_unit),
            "stated": line.stated, **_src(line.source)}


def _budget_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "table_name": x.table, "label": _cut(x.label, 300), "unit": _cut(x.unit, 200),
             "function_code": x.function_code, "function_name": _cut(x.function_name, 200),
             "function_level": x.function_level, "fund_source": x.fund_source, "spending_type": x.spending_type,
             "row_kind": x.row_kind, "code_derived": x.code_derived, "detail": _cut(x.detail, 200), **_money(x)}
            for x in b.budget_lines]


def _income_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "table_name": x.table, "label": _cut(x.label, 300), "fund_source": x.fund_source,
             "level": x.level, "parent": _cut(x.parent, 300), "row_kind": x.row_kind, **_money(x)}
            for x in b.income_lines]


def _procurement_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "table_name": x.table, "unit": _cut(x.unit, 200), "item_code": x.item_code,
             "item_name": _cut(x.item_name, 200), "measure": x.measure, "row_kind": x.row_kind, **_money(x)}
            for x in b.procurement_lines]


def _three_public_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "table_name": x.table, "unit": _cut(x.unit, 200), "year": x.year,
             "category": x.category, "row_kind": x.row_kind, **_money(x)}
            for x in b.three_public_lines]


def _staffing_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "unit": _cut(x.unit, 200), "measure": x.measure, "count": x.count,
             "label": _cut(x.label, 300), "text": x.text, **_src(x.source)} for x in b.staffing]


def _figure_rows(doc_id: int, b: DepartmentBudget) -> list[dict]:
    return [{"document_id": doc_id, "what": x.what, "label": _cut(x.label, 300), "value": _dec(x.value),
             "measure_unit": x.measure_unit, "amount": x.amount, "unit": _cut(x.unit, 200), "part": x.part,
             "text": x.text, **_src(x.source)} for x in b.stated_figures]


_TABLES = (
    (BudgetLineRow, _budget_rows), (IncomeLineRow, _income_rows), (ProcurementLineRow, _procurement_rows),
    (ThreePublicLineRow, _three_public_rows), (StaffingRow, _staffing_rows), (StatedFigureRow, _figure_rows),
)


def save_budget(session: Session, doc_id: int, doc: Document) -> None:
    """Insert a department budget's lines, staffing and stated figures (no-op for other documents)."""
    budget = doc.extras.get("budget")
    if not isinstance(budget, DepartmentBudget):
        return
    for model, rows_of in _TABLES:
        bulk_insert(session, model, rows_of(doc_id, budget))
