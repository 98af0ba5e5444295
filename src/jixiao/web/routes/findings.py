"""问题: the checker's findings, filtered, each linked to its project and source; .xlsx export."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from jixiao.storage.models import ProjectRow

from .. import browse
from .. import findings as fv
from ..deps import DbSession, PageScope, PageUser
from ..filters import FindingQuery
from ..render import is_htmx, page_links, render

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/findings", name="findings")
async def findings(request: Request, session: DbSession, user: PageUser, scope: PageScope,
                   f: Annotated[FindingQuery, Query()]):
    """The findings table (the user's units only, for a unit editor); HTMX asks for the table alone on a filter change."""
    page = fv.finding_page(session, f, scope)
    query = str(request.url.query)
    ctx = {"page": page, "f": f, "links": page_links(request, page), "sources": fv.source_documents(session, page.items),
           "names": fv.rule_names(), "xlsx_href": "/findings.xlsx" + (f"?{query}" if query else "")}
    if is_htmx(request) and request.headers.get("HX-Target") == "finding-table":
        return render(request, "_findings_table.html", ctx)
    options = fv.finding_options(session)
    if scope is not None:  # the document filter names only documents of the user's projects
        own = set(session.scalars(select(ProjectRow.document_id).where(ProjectRow.unit.in_(scope))))
        options = {**options, "documents": [d for d in options["documents"] if d[0] in own]}
    ctx["options"] = browse.scoped_options(options, scope)
    return render(request, "findings.html", ctx)


@router.get("/findings.xlsx", name="findings_xlsx")
def findings_xlsx(session: DbSession, user: PageUser, scope: PageScope, f: Annotated[FindingQuery, Query()]):
    """The filtered findings (every page, the user's units) as an Excel workbook."""
    name = f"jixiao-问题-{datetime.now():%Y%m%d-%H%M}.xlsx"
    return Response(fv.xlsx_bytes(session, f, scope), media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename=\"findings.xlsx\"; filename*=UTF-8''{quote(name)}"})
