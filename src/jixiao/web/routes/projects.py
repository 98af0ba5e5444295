"""项目 and 项目详情: the searchable project table and one project with every value's source."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from jixiao.exports import forms_xlsx
from jixiao.exports.json_export import project_json

from .. import browse, declaration_view, extras
from ..deps import DbSession, PageScope, PageUser
from ..errors import ApiError
from ..filters import PROJECT_SORTS, ProjectQuery
from ..render import is_htmx, page_links, render

router = APIRouter(include_in_schema=False)



def _sort_links(request: Request, f: ProjectQuery) -> dict[str, str]:
    """For each sortable column, the URL that sorts by it (toggling the order on the current one)."""
    keep = {k: v for k, v in request.query_params.items() if k not in ("sort", "order", "page")}
    out = {}
    for key in PROJECT_SORTS:
        order = "desc" if f.sort == key and f.order == "asc" else "asc"
        out[key] = "/projects?" + urlencode({**keep, "sort": key, "order": order})
    return out


@router.get("/projects", name="projects")
async def projects(request: Request, session: DbSession, user: PageUser, scope: PageScope,
                   f: Annotated[ProjectQuery, Query()]):
    """The project table (the user's units only, for a unit editor); HTMX asks for the table alone on a filter change."""
    page = browse.project_page(session, f, browse.TABLE_COLUMNS, scope)
    ids = [p.id for p in page.items]
    query = str(request.url.query)
    ctx = {"page": page, "f": f, "links": page_links(request, page), "sort_href": _sort_links(request, f),
           "forms_href": "/project-forms.xlsx" + (f"?{query}" if query else ""),
           "findings": extras.finding_counts(session, ids), "scores": extras.scores_for(session, ids),
           "available": extras.available()}
    if is_htmx(request) and request.headers.get("HX-Target") == "project-table":
        return render(request, "_projects_table.html", ctx)
    options = browse.project_filter_options(session)
    ctx["options"] = browse.scoped_options(options, scope)
    return render(request, "projects.html", ctx)


FORMS_LIMIT = 500  # sheets in one download; more are exported with ``jixiao export --format forms``
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def form_download(data: bytes, name: str) -> Response:
    """An official-form workbook as a download named in Chinese."""
    return Response(data, media_type=XLSX, headers={
        "Content-Disposition": f"attachment; filename=\"forms.xlsx\"; filename*=UTF-8''{quote(name)}"})


@router.get("/project-forms.xlsx", name="project_forms")
def project_forms(session: DbSession, user: PageUser, scope: PageScope, f: Annotated[ProjectQuery, Query()]):
    """The filtered projects (every page, at most FORMS_LIMIT, the user's units) on their official forms."""
    ids = list(session.scalars(browse.project_ids(session, f, scope).limit(FORMS_LIMIT)))
    data, n = forms_xlsx.forms_bytes(session, ids)
    if not n:
        data = forms_xlsx.notice_bytes("筛选出的项目中没有可按官方样式导出的自评表或申报表（预算表中的行没有这样的表）")
    return form_download(data, f"jixiao-官方样式-{n}个项目.xlsx")


@router.get("/projects/{project_id}/form.xlsx", name="project_form")
def project_form(project_id: int, session: DbSession, user: PageUser, scope: PageScope):
    """One project's official form (自评表 or 申报表) as the template prints it."""
    p, _, _ = browse.get_project(session, project_id, scope)
    data, n = forms_xlsx.forms_bytes(session, [p.id])
    if not n:
        raise ApiError(404, "not_found", "该项目没有官方样式的表（预算表中的行）")
    return form_download(data, f"{p.name}.xlsx")


@router.get("/projects/{project_id}", name="project")
async def project(request: Request, project_id: int, session: DbSession, user: PageUser, scope: PageScope):
    """One project: money by source, rate, status, goal, indicators, score and findings (404 outside scope)."""
    p, inds, doc = browse.get_project(session, project_id, scope)
    data = project_json(p, inds, doc.file)
    score = extras.project_score(session, p.id)
    ind_scores = {i["indicator_id"]: i for i in score["indicators"]} if score else {}
    year, year_from = declaration_view.year_of(data, doc)
    return render(request, "project.html", {
        "p": data, "row": p, "doc": doc, "findings": extras.project_findings(session, p.id),
        "score": score, "ind_scores": ind_scores, "available": extras.available(),
        "facts": declaration_view.facts(data), "basis": declaration_view.basis(data),
        "year": year, "year_from": year_from,
        "form_name": forms_xlsx.FORM_FILES.get(forms_xlsx.form_for(doc.kind, p.kind) or ""),
    })
