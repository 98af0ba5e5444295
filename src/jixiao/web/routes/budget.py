"""预算: a stored department budget by unit, function code level and source, and the cross-table view."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from sqlalchemy import select

from jixiao.domain.budget import LEVEL_WORDS
from jixiao.services import budget as budget_service
from jixiao.services.budget_unit import unit_view
from jixiao.storage.models import DocumentRow

from ..deps import DbSession, PageUser
from ..doc_scope import DocScope, PageDocs, check_document, within
from ..errors import ApiError
from ..render import render

router = APIRouter(include_in_schema=False)
COLUMNS = {"total": "合计", "basic_spending": "基本支出", "project_spending": "项目支出",
           "procurement_planned": "政府采购"}


def _budgets(session, docs: DocScope) -> list[DocumentRow]:
    return list(session.scalars(within(select(DocumentRow).where(DocumentRow.kind == "department_budget"),
                                       DocumentRow.id, docs).order_by(DocumentRow.id.desc())))


def _chosen(session, document_id: int | None, docs: DocScope, budgets: list[DocumentRow]) -> int | None:
    """The budget asked for if readable (404 otherwise), else the latest readable one."""
    if document_id is not None:
        return check_document(session, document_id, docs).id
    return budgets[0].id if budgets else None


@router.get("/budget", name="budget")
async def budget(request: Request, session: DbSession, user: PageUser, docs: PageDocs,
           document_id: Annotated[int | None, Query(ge=1)] = None,
           level: Annotated[Literal["类", "款", "项"], Query()] = "类",
           table: Annotated[Literal["表1", "表6", "表7"], Query()] = "表1"):
    """By unit (表3), by function (类/款/项 of 表1, 表6 or 表7), by source, and 表7's unit sums."""
    budgets = _budgets(session, docs)
    if not budgets:
        return render(request, "budget.html", {"docs": [], "doc": None})
    try:
        units = budget_service.by_unit(session, _chosen(session, document_id, docs, budgets))
    except budget_service.NoBudget as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    doc_id = units.document.id
    ctx = {
        "docs": budgets, "doc": units.document, "level": level, "table": table, "columns": COLUMNS,
        "units": units, "function": budget_service.by_function(session, LEVEL_WORDS[level], table, doc_id),
        "sources": budget_service.by_source(session, "表1", doc_id),
        "unit_sums": budget_service.per_unit_sums(session, "表7", doc_id),
        # a unit's items rounded to whole 万元 may add up one unit off its stated total
        "unit_tolerance": budget_service.rounding(units.document, 2),
    }
    return render(request, "budget.html", ctx)


@router.get("/budget/unit", name="budget_unit")
async def budget_unit(request: Request, session: DbSession, user: PageUser, docs: PageDocs,
                name: Annotated[str, Query(min_length=1, max_length=200)],
                document_id: Annotated[int | None, Query(ge=1)] = None):
    """One unit's budget in the narrative and in 表3, 表7, 表13, 表14, 表15, side by side."""
    budgets = _budgets(session, docs)
    if not budgets and document_id is None:
        raise ApiError(404, "not_found", "没有可查看的部门预算")
    try:
        view = unit_view(session, name, _chosen(session, document_id, docs, budgets))
    except budget_service.NoBudget as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    return render(request, "budget_unit.html", {"view": view, "doc": view.document})
