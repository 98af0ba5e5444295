"""REST API ``/api/v1``: documents, projects and indicators in the export shapes (schema jixiao/1)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import Response

from jixiao.exports import forms_xlsx
from jixiao.exports.json_export import document_json, indicator_json, project_json
from jixiao.services import queries
from jixiao.storage.models import IndicatorRow, ProjectRow

from .. import browse
from ..deps import ApiScope, ApiUser, DbSession, api_user, require_writer
from ..doc_scope import ApiDocs, check_document
from ..errors import ApiError
from ..filters import DocumentQuery, IndicatorQuery, ProjectQuery
from ..render import json_response, page_json
from ..uploads import ingest_uploads, result_json

router = APIRouter(prefix="/api/v1", dependencies=[Depends(api_user)])
ERRORS = {401: {"description": "缺少或无效的 API 令牌"}, 404: {"description": "找不到"},
          422: {"description": "参数无效"}}


@router.get("/documents", tags=["文档"], summary="文档列表", responses=ERRORS)
async def list_documents(session: DbSession, docs: ApiDocs, f: Annotated[DocumentQuery, Query()]):
    """Ingested documents the caller may read, newest first."""
    return page_json(browse.document_page(session, f, docs), document_json)


@router.get("/documents/{document_id}", tags=["文档"], summary="一份文档", responses=ERRORS)
async def get_document(document_id: int, session: DbSession, docs: ApiDocs):
    """One document (404 when the caller may not read it)."""
    return json_response(document_json(check_document(session, document_id, docs)))


@router.post("/documents", tags=["文档"], summary="上传文档（读取、检查并评分）", status_code=201, responses={
    **ERRORS, 413: {"description": "文件过大或文件过多"}, 415: {"description": "不支持的文件类型"}})
def upload_documents(request: Request, user: ApiUser, files: Annotated[list[UploadFile], File()]):
    """Upload and ingest one or many .txt/.tsv/.xlsx files; per-file results.

    201 when at least one file was ingested, 200 when all were already stored, 422 when none could be read.
    """
    require_writer(user)
    results = ingest_uploads(request.app.state.factory, files, request.app.state.settings, strict=True,
                             uploader=user)
    body = [result_json(r) for r in results]
    if all(r.status == "error" for r in results):
        raise ApiError(422, "unreadable", "没有可读取的文件: " + "；".join(f"{r.path}: {r.message}" for r in results),
                       details=body)
    status = 201 if any(r.status == "ingested" for r in results) else 200
    return json_response({"results": body}, status)


def _projects_json(session, rows: list[ProjectRow]) -> list[dict]:
    inds = queries.indicators_by_project(session, [p.id for p in rows])
    files = browse.file_names(session, (p.document_id for p in rows))
    return [project_json(p, inds.get(p.id, []), files.get(p.document_id, "")) for p in rows]


@router.get("/projects", tags=["项目"], summary="项目列表", responses=ERRORS)
async def list_projects(session: DbSession, scope: ApiScope, f: Annotated[ProjectQuery, Query()]):
    """Projects with search, filters, sort and pagination (the same as the 项目 page), within the caller's units."""
    page = browse.project_page(session, f, queries.PROJECT_FIELDS, scope)
    return page_json(replace(page, items=_projects_json(session, page.items)), lambda p: p)


@router.get("/projects/{project_id}", tags=["项目"], summary="一个项目及其指标", responses=ERRORS)
async def get_project(project_id: int, session: DbSession, scope: ApiScope):
    """One project with its indicators (404 outside the caller's units)."""
    p, inds, doc = browse.get_project(session, project_id, scope)
    return json_response(project_json(p, inds, doc.file))


@router.get("/projects/{project_id}/form.xlsx", tags=["项目"], summary="一个项目的官方样式表（自评表或申报表）",
            responses=ERRORS)
def get_project_form(project_id: int, session: DbSession, scope: ApiScope):
    """The project on its official form as .xlsx (404 outside the caller's units or when it has none)."""
    p, _, _ = browse.get_project(session, project_id, scope)
    data, n = forms_xlsx.forms_bytes(session, [p.id])
    if not n:
        raise ApiError(404, "not_found", "该项目没有官方样式的表（预算表中的行）")
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=\"project-{p.id}.xlsx\""})


def _indicator(ind: IndicatorRow, file: str) -> dict:
    return {**indicator_json(ind, file), "project_id": ind.project_id}


@router.get("/indicators", tags=["绩效指标"], summary="绩效指标列表", responses=ERRORS)
async def list_indicators(session: DbSession, scope: ApiScope, f: Annotated[IndicatorQuery, Query()]):
    """Indicators (export shape plus ``project_id``), filtered by project, level or name, within the caller's units."""
    page = browse.indicator_page(session, f, scope)
    files = browse.file_names(session, (doc_id for _, doc_id in page.items))
    return page_json(page, lambda x: _indicator(x[0], files.get(x[1], "")))


@router.get("/indicators/{indicator_id}", tags=["绩效指标"], summary="一个绩效指标", responses=ERRORS)
async def get_indicator(indicator_id: int, session: DbSession, scope: ApiScope):
    """One indicator (export shape plus ``project_id``); 404 outside the caller's units."""
    ind = session.get(IndicatorRow, indicator_id)
    p = browse.visible_project(session, ind and ind.project_id, scope, "指标", indicator_id)
    return json_response(_indicator(ind, browse.file_names(session, [p.document_id]).get(p.document_id, "")))
