"""REST API ``/api/v1``: findings, scores and budget lines, in the shapes of their export sections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select

from jixiao.exports.budget_json import row_dict
from jixiao.exports.scores_json import score_json
from jixiao.services.checks import finding_json
from jixiao.storage.budget_models import BudgetLineRow
from jixiao.storage.models import ProjectRow
from jixiao.storage.score_models import IndicatorScoreRow, ProjectScoreRow

from .. import browse, extras
from .. import findings as fv
from ..deps import ApiScope, DbSession, api_user
from ..doc_scope import ApiDocs, within
from ..errors import not_found
from ..filters import BudgetLineQuery, FindingQuery, ScoreQuery
from ..render import json_response, page_json
from .api_core import ERRORS

router = APIRouter(prefix="/api/v1", dependencies=[Depends(api_user)])


@router.get("/findings", tags=["问题"], summary="检查发现的问题", responses=ERRORS)
async def list_findings(session: DbSession, scope: ApiScope, f: Annotated[FindingQuery, Query()]):
    """The checker's findings (``jixiao check``), errors first, filtered by code, severity, unit, document or project."""
    return page_json(fv.finding_page(session, f, scope), finding_json)


@router.get("/scores", tags=["评分"], summary="评分列表", responses=ERRORS)
async def list_scores(session: DbSession, scope: ApiScope, f: Annotated[ScoreQuery, Query()]):
    """Project scores of the last ``jixiao score`` run, lowest total first, with their indicator scores."""
    stmt = select(ProjectScoreRow)
    if scope is not None:  # the project's unit, as everywhere else (the score keeps its own copy)
        stmt = stmt.where(ProjectScoreRow.project_id.in_(browse.scoped(select(ProjectRow.id), ProjectRow.unit, scope)))
    for column, value in ((ProjectScoreRow.project_id, f.project_id), (ProjectScoreRow.document_id, f.document_id),
                          (ProjectScoreRow.unit, f.unit), (ProjectScoreRow.grade, f.grade)):
        if value is not None:
            stmt = stmt.where(column == value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = list(session.scalars(stmt.order_by(ProjectScoreRow.total, ProjectScoreRow.project_id)
                                .limit(f.per_page).offset(f.offset)))
    inds: dict[int, list] = {}
    if rows:
        for i in session.scalars(select(IndicatorScoreRow).where(IndicatorScoreRow.project_score_id.in_([r.id for r in rows]))
                                 .order_by(IndicatorScoreRow.position)):
            inds.setdefault(i.project_score_id, []).append(i)
    return page_json(browse.Page(rows, total, f.page, f.per_page), lambda r: score_json(r, inds.get(r.id, [])))


@router.get("/scores/{project_id}", tags=["评分"], summary="一个项目的评分及说明", responses=ERRORS)
async def get_score(project_id: int, session: DbSession, scope: ApiScope):
    """The score of one project (404 when it was not scored or is outside the caller's units)."""
    if scope is not None:
        browse.visible_project(session, project_id, scope, "评分")
    score = extras.project_score(session, project_id)
    if score is None:
        raise not_found("评分", project_id)
    return json_response(score)


@router.get("/budget-lines", tags=["预算"], summary="预算金额行", responses=ERRORS)
async def list_budget_lines(session: DbSession, docs: ApiDocs, f: Annotated[BudgetLineQuery, Query()]):
    """Lines of the stored department budgets the caller may read (export shape ``budget_lines``), in reading order."""
    stmt = within(select(BudgetLineRow), BudgetLineRow.document_id, docs)
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


@router.get("/budget-lines/{line_id}", tags=["预算"], summary="一个预算金额行", responses=ERRORS)
async def get_budget_line(line_id: int, session: DbSession, docs: ApiDocs):
    """One budget line (404 when the caller may not read its document)."""
    row = session.get(BudgetLineRow, line_id)
    if row is None or (docs is not None and row.document_id not in docs):
        raise not_found("预算行", line_id)
    return json_response(row_dict(row, browse.file_names(session, [row.document_id]).get(row.document_id, "")))
