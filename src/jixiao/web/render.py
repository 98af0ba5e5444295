"""Rendering helpers shared by the page routes."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson

from fastapi import Request
from fastapi.responses import JSONResponse

from .browse import Page
from .templating import templates


def is_htmx(request: Request) -> bool:
    """True when HTMX asks for a fragment (``HX-Request`` header) rather than a whole page."""
    return request.headers.get("HX-Request") == "true"


def render(request: Request, name: str, context: dict, status: int = 200):
    """A template with the signed-in user and the current path in its context."""
    ctx = {"user": getattr(request.state, "user", None), "path": request.url.path, **context}
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def page_links(request: Request, page: Page) -> dict:
    """Query strings of the previous and next pages, keeping every other parameter."""
    def at(n: int) -> str | None:
        if n < 1 or n > page.pages or n == page.page:
            return None
        return request.url.path + "?" + urlencode({**request.query_params, "page": n})

    return {"prev": at(page.page - 1), "next": at(page.page + 1), "first": at(1), "last": at(page.pages)}


def page_json(page: Page, item) -> JSONResponse:
    """The API's list envelope: items in export shape and the paging facts."""
    return json_response({"items": [item(x) for x in page.items], "total": page.total, "page": page.page,
                          "per_page": page.per_page, "pages": page.pages})


class FastJSONResponse(JSONResponse):
    """JSON by orjson: a page of 50 projects with their indicators (~150 KB) in a fraction of a
    millisecond instead of ~2.4 ms with ``json.dumps``. Same bytes for the export shapes (UTF-8,
    no spaces); integer keys become strings as ``json`` makes them."""

    def render(self, content) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def json_response(data, status: int = 200) -> JSONResponse:
    """JSON of plain data as is: the export shapes hold only JSON types, so FastAPI's generic
    encoder (ten times slower than ``json.dumps`` on a page of projects) is skipped."""
    return FastJSONResponse(data, status_code=status)
