"""REST API ``/api/v1``: findings and budget lines, in the shapes of their export sections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select

from jixiao.exports.budget_json import row_dict
from jixiao.services.checks import finding_json
from jixiao.storage.budget_models import BudgetLineRow

from .. import browse
from .. import findings as fv
from ..deps import DbSession, api_user
from ..errors import not_found
from ..filters import BudgetLineQuery, FindingQuery
from ..render import json_response, page_json
from .api_core import ERRORS

router = APIRouter(prefix="/api/v1", dependencies=[Depends(api_user)])


@router.get("/findings", tags=["findings"], responses=ERRORS)
def list_findings(session: DbSession, f: Annotated[FindingQuery, Query()]):
    """The checker's findings (``jixiao check``), errors first, filtered by code, severity, unit, document or project."""
    return page_json(fv.finding_page(session, f), finding_json)


@router.get("/budget-lines", tags=["budget"], responses=ERRORS)
def list_budget_lines(session: DbSession, f: Annotated[BudgetLineQuery, Query()]):
    """Lines of stored department budgets (export shape ``budget_lines``), in reading order."""
    stmt = select(BudgetLineRow)
    for column, value in ((BudgetLineRow.document_id, f.document_id), (BudgetLineRow.table_name, f.table),
                          (BudgetLineRow.unit, f.unit), (BudgetLineRow.function_code, f.function_code),
                          (BudgetLineRow.function_level, f.function_level), (BudgetLineRow.fund_source, f.fund_source)):
        if value is not None:
            stmt = stmt.where(column == value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = list(session.scalars(stmt.order_by(BudgetLineRow.id).limit(f.per_page).offset(f.offset)))
    files = browse.file_names(session, (r.document_id for r in rows))
    page = browse.Page(rows, total, f.page, f.per_page)
    return page_json(page, lambda r: row_dict(r, files.get(r.document_id, "")))


@router.get("/budget-lines/{line_id}", tags=["budget"], responses=ERRORS)
def get_budget_line(line_id: int, session: DbSession):
    """One budget line."""
    row = session.get(BudgetLineRow, line_id)
    if row is None:
        raise not_found("预算行", line_id)
    return json_response(row_dict(row, browse.file_names(session, [row.document_id]).get(row.document_id, "")))
