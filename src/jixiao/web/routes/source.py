"""The source view: the original document's lines with the referenced line highlighted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..deps import DbSession, PageUser
from ..render import is_htmx, render
from ..source import source_window

router = APIRouter(include_in_schema=False)


@router.get("/source/{document_id}", name="source")
def source(request: Request, document_id: int, session: DbSession, user: PageUser,
           line: Annotated[int, Query(ge=1)] = 1, sheet: Annotated[str | None, Query(max_length=100)] = None,
           cell: Annotated[str | None, Query(max_length=20)] = None,
           context: Annotated[int, Query(ge=0, le=500)] = 12):
    """Lines around ``line`` (a fragment for HTMX, a whole page otherwise)."""
    window = source_window(session, document_id, line, sheet or None, cell or None, context)
    name = "_source_lines.html" if is_htmx(request) else "source.html"
    return render(request, name, {"w": window})
