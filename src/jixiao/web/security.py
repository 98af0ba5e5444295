"""Page hardening: a CSRF token on every state-changing page request, and the login lockout.

CSRF (synchronizer token): each session holds a random token. Every POST/PUT/PATCH/DELETE outside
``/api/`` (the API uses bearer tokens, never cookies) must carry it, in the ``csrf_token`` form field
or the ``X-CSRF-Token`` header; otherwise it is refused with 403 before any route runs. HTML pages
get the token without each template having to remember it: a hidden field is added to every
``<form method="post">`` and ``hx-headers`` on ``<body>`` makes HTMX send the header.

Lockout: a POST to ``/login`` for a locked account is answered 429 without checking the password;
after a refused password the account is locked once it reached the limit (``services.user_admin``).
"""

from __future__ import annotations

import html
import json
import re
import secrets
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request

from jixiao.services.user_admin import lock_if_needed, locked_minutes, lockout_settings

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_KEY = "csrf"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_FORM_POST = re.compile(r"<form\b[^>]*\bmethod\s*=\s*[\"']?post\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b", re.I)


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use), for templates and tests."""
    return request.session.setdefault(SESSION_KEY, secrets.token_urlsafe(32))


def inject_token(page: str, token: str) -> str:
    """Add the hidden token field to every POST form and the HTMX header to ``<body>``."""
    field = f'<input type="hidden" name="{CSRF_FIELD}" value="{html.escape(token)}">'
    page = _FORM_POST.sub(lambda m: m.group(0) + field, page)
    headers = html.escape(json.dumps({"X-CSRF-Token": token}), quote=True)
    return _BODY.sub(f"<body hx-headers=\"{headers}\"", page, count=1)


def _form_value(headers: Headers, body: bytes, name: str) -> str | None:
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    values = parse_qs(body.decode("utf-8", "replace")).get(name)
    return values[0] if values else None


async def _read_body(receive) -> bytes:
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


class SecurityMiddleware:
    """Pure ASGI middleware; runs inside the session middleware (it needs ``scope['session']``)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        session = scope["session"]
        token = session.setdefault(SESSION_KEY, secrets.token_urlsafe(32))
        send = _injecting(send, token)
        if scope["method"] not in UNSAFE:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        body = await _read_body(receive)
        given = headers.get(CSRF_HEADER) or _form_value(headers, body, CSRF_FIELD)
        if not given or not secrets.compare_digest(given, token):
            await _refuse(scope, send, 403, "表单已过期或来源不明，请刷新页面后重试 (CSRF check failed)")
            return
        if scope["path"] == "/login":
            await self._login(scope, body, headers, send)
            return
        await self.app(scope, _replay(body), send)

    async def _login(self, scope, body: bytes, headers: Headers, send) -> None:
        factory = scope["app"].state.factory
        username = (_form_value(headers, body, "username") or "").strip()
        minutes = await run_in_threadpool(locked_minutes, factory, username) if username else None
        if minutes:
            await _refuse(scope, send, 429, f"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试 (account locked)",
                          template="login.html", username=username)
            return
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, _replay(body), watch)
        if status.get("code") == 401 and username:
            await run_in_threadpool(lock_if_needed, factory, username, lockout_settings())


def _injecting(send, token: str):
    """Wrap ``send`` so that HTML responses get the token (Content-Length recomputed)."""
    state: dict = {}

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = Headers(raw=message["headers"])
            if headers.get("content-type", "").startswith("text/html"):
                state.update(start=message, chunks=[])
                return
            await send(message)
        elif "start" in state:
            state["chunks"].append(message.get("body", b""))
            if not message.get("more_body", False):
                await _send_html(send, state["start"], b"".join(state["chunks"]), token)
        else:
            await send(message)

    return wrapped


async def _send_html(send, start: dict, body: bytes, token: str) -> None:
    page = inject_token(body.decode("utf-8", "replace"), token).encode("utf-8")
    headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(page)).encode()))
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": page, "more_body": False})


async def _refuse(scope, send, status: int, message: str, template: str = "error.html", **context) -> None:
    from .templating import templates

    request = Request(scope)
    ctx = {"status": status, "message": message, "error": message, "next": "/", "user": None,
           "path": scope["path"], **context}
    response = templates.TemplateResponse(request, template, ctx, status_code=status)
    await response(scope, _replay(b""), send)


def install(app) -> None:
    """Add the middleware innermost of the app's own (after the session middleware has run)."""
    app.user_middleware.append(Middleware(SecurityMiddleware))
