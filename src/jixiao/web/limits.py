"""The outermost layer of every request: one body-size limit before anything reads the body, the
API's token checked before an upload is received, numbers no column can hold refused, and the
security headers on every answer.

- A body larger than its limit is refused with 413 from its ``Content-Length`` at once, or as
  soon as the bytes received pass the limit: multipart uploads up to ``max_request_bytes``
  (``JIXIAO_MAX_REQUEST_MB``), any other body up to ``max_form_bytes`` (``JIXIAO_MAX_FORM_KB``).
- A POST/PUT/PATCH/DELETE to ``/api/`` without a valid bearer token is answered 401 before its
  body is read (FastAPI would otherwise receive and spool a whole upload first).
- An integer in the path or the query that a 64-bit id cannot hold (≥ 2^63) is answered 404 in
  the path and 422 in the query, before any route turns it into a query.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers

from jixiao.services.users import principal_for_token

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_ID = 2**63 - 1
_INT = re.compile(r"[+-]?\d+")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
# The API's description page is swagger-ui's, which starts itself with an inline script.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"same-origin"), (b"cross-origin-opener-policy", b"same-origin")]


class BodyTooLarge(Exception):
    """The client sent more than the limit; answered 413 if nothing was answered yet."""


def _too_big_int(text: str) -> bool:
    return bool(_INT.fullmatch(text.strip())) and abs(int(text)) > MAX_ID


async def _answer(scope, send, status: int, code: str, message: str, extra: list | None = None) -> None:
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()
        kind = b"application/json"
    else:
        body = (f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{status}</title>'
                f"<p>{message}</p><p><a href=\"/\">返回总览</a></p></html>").encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """Pure ASGI middleware, outermost: nothing inside it sees a body over the limit."""

    def __init__(self, app, settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send, DOCS_CSP if scope["path"] == "/api/v1/docs" else CSP, self.settings)
        refusal = _out_of_range(scope)
        if refusal:
            await _answer(scope, send, *refusal)
            return
        headers = Headers(scope=scope)
        limit = (self.settings.max_request_bytes if headers.get("content-type", "").startswith("multipart/")
                 else self.settings.max_form_bytes)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(scope, send, 413, "too_large", _too_large(limit), [(b"connection", b"close")])
            return
        if scope["method"] in UNSAFE and scope["path"].startswith("/api/") and not await self._token_ok(scope, headers):
            await _answer(scope, send, 401, "unauthorized", "缺少或无效的 API 令牌：请在请求头中加入 Authorization: Bearer <令牌>",
                          [(b"www-authenticate", b"Bearer")])
            return
        started = False

        async def watch(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, _counting(receive, limit), watch)
        except BodyTooLarge:
            if started:
                raise
            await _answer(scope, send, 413, "too_large", _too_large(limit), [(b"connection", b"close")])

    async def _token_ok(self, scope, headers: Headers) -> bool:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        factory = scope["app"].state.factory

        def check() -> bool:
            with factory() as session:
                return principal_for_token(session, token.strip()) is not None

        return await run_in_threadpool(check)


def _too_large(limit: int) -> str:
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    return f"请求内容超过上限 {size}"


def _out_of_range(scope) -> tuple[int, str, str] | None:
    if any(_too_big_int(part) for part in scope["path"].split("/")):
        return 404, "not_found", "找不到该页面或资源"
    query = scope.get("query_string", b"").decode("latin-1")
    if query and any(_too_big_int(v) for _, v in parse_qsl(query, keep_blank_values=True)):
        return 422, "invalid", "参数无效：数值超出范围"
    return None


def _counting(receive, limit: int):
    received = 0

    async def wrapped():
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise BodyTooLarge()
        return message

    return wrapped


def _with_headers(send, csp: str, settings):
    extra = [*HEADERS, (b"content-security-policy", csp.encode())]
    if settings.secure_cookies:
        extra.append((b"strict-transport-security", b"max-age=31536000"))

    async def wrapped(message):
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message = {**message, "headers": [*message.get("headers", []),
                                              *[(k, v) for k, v in extra if k not in present]]}
        await send(message)

    return wrapped


def install(app) -> None:
    """Add the limits outermost (Starlette builds the stack with the last added outside)."""
    app.add_middleware(RequestLimits, settings=app.state.settings)
