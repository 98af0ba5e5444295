"""项目 and 项目详情: the searchable project table and one project with every value's source."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from jixiao.exports.json_export import project_json

from .. import browse, declaration_view, extras
from ..deps import DbSession, PageScope, PageUser
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
    ctx = {"page": page, "f": f, "links": page_links(request, page), "sort_href": _sort_links(request, f),
           "findings": extras.finding_counts(session, ids), "scores": extras.scores_for(session, ids),
           "available": extras.available()}
    if is_htmx(request) and request.headers.get("HX-Target") == "project-table":
        return render(request, "_projects_table.html", ctx)
    options = browse.project_filter_options(session)
    ctx["options"] = browse.scoped_options(options, scope)
    return render(request, "projects.html", ctx)


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
    })
