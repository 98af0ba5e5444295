"""Stored department-budget lines back into the domain, so the checker sees what the reader saw."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.budget import BudgetLine, DepartmentBudget, IncomeLine
from jixiao.domain.model import Document, DocumentKind
from jixiao.domain.source import SourceRef, box_of
from jixiao.storage.budget_models import BudgetLineRow, IncomeLineRow
from jixiao.storage.budget_repository import load_stated_figures


def _ref(row, file: str) -> SourceRef:
    return SourceRef(file, row.src_line, row.src_sheet, row.src_cell, row.src_page, box_of(row.src_box))


def _money(row) -> dict:
    return {"amount": row.amount, "stated_amount": Decimal(row.stated_amount), "money_unit": row.money_unit,
            "stated": row.stated}


def _rows(session: Session, model, doc_id: int) -> list:
    return list(session.scalars(select(model).where(model.document_id == doc_id).order_by(model.id)))


def load_budget(session: Session, doc_id: int, doc: Document) -> None:
    """Put a stored department budget's lines and narrative figures into ``doc.extras['budget']``."""
    if doc.kind not in (DocumentKind.DEPARTMENT_BUDGET, DocumentKind.BUDGET_STATEMENT,
                        DocumentKind.FINAL_ACCOUNTS):
        return
    f = doc.file
    lines = [BudgetLine(table=r.table_name, label=r.label, unit=r.unit, function_code=r.function_code,
                        function_name=r.function_name, function_level=r.function_level, fund_source=r.fund_source,
                        spending_type=r.spending_type, row_kind=r.row_kind, code_derived=r.code_derived,
                        detail=r.detail, year=r.year, phase=r.phase, column=r.column_name,
                        table_title=r.table_title, category=r.category, source=_ref(r, f), **_money(r))
             for r in _rows(session, BudgetLineRow, doc_id)]
    income = [IncomeLine(table=r.table_name, label=r.label, fund_source=r.fund_source, level=r.level,
                         parent=r.parent, row_kind=r.row_kind, source=_ref(r, f), **_money(r))
              for r in _rows(session, IncomeLineRow, doc_id)]
    figures = load_stated_figures(session, doc_id, f)
    doc.extras["budget"] = DepartmentBudget(department=doc.department, year=doc.year, money_unit=doc.money_unit,
                                            budget_lines=lines, income_lines=income, stated_figures=figures)
