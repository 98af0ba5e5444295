"""The source view: the original document's lines with the referenced line highlighted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from jixiao.domain.source import box_of

from ..deps import DbSession, PageUser
from ..doc_scope import PageDocs, check_document
from ..render import is_htmx, render
from ..source import mark_value, page_image, source_window

router = APIRouter(include_in_schema=False)


@router.get("/source/{document_id}", name="source")
def source(request: Request, document_id: int, session: DbSession, user: PageUser, docs: PageDocs,
           line: Annotated[int, Query(ge=1)] = 1, sheet: Annotated[str | None, Query(max_length=100)] = None,
           cell: Annotated[str | None, Query(max_length=20)] = None,
           context: Annotated[int, Query(ge=0, le=500)] = 12,
           page: Annotated[int | None, Query(ge=1, le=100000)] = None,
           box: Annotated[str | None, Query(max_length=80)] = None,
           mark: Annotated[str | None, Query(max_length=200)] = None):
    """Lines around ``line`` (a fragment for HTMX, a whole page otherwise); for a PDF, the page's
    image with the cell's box marked and the rows read from that page."""
    check_document(session, document_id, docs)
    window = source_window(session, document_id, line, sheet or None, cell or None, context, page, box_of(box))
    mark_value(window, mark)
    name = "_source_lines.html" if is_htmx(request) else "source.html"
    return render(request, name, {"w": window})


@router.get("/source/{document_id}/page/{page}.png", name="page_image")
def page_png(document_id: int, page: int, session: DbSession, user: PageUser, docs: PageDocs):
    """One page of a stored PDF as an image (PDFium), for the source view."""
    check_document(session, document_id, docs)
    return Response(page_image(session, document_id, page), media_type="image/png",
                    headers={"Cache-Control": "private, max-age=86400"})
