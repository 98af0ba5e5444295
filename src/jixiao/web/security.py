"""Page hardening: a CSRF token on every state-changing page request, and the login lockout.

CSRF (synchronizer token): each session holds a random token. Every POST/PUT/PATCH/DELETE outside
``/api/`` (the API uses bearer tokens, never cookies) must carry it, in the ``csrf_token`` form field
or the ``X-CSRF-Token`` header; otherwise it is refused with 403 before any route runs. HTML pages
get the token without each template having to remember it: a hidden field is added to every
``<form method="post">`` and ``hx-headers`` on ``<body>`` makes HTMX send the header.

Login throttling (``services.login_throttle``): a POST to ``/login`` first reserves a try of its
address and of its account; when either has none left it is answered 429 without checking the
password, so concurrent guesses cannot outrun the count.

Bodies: a request carrying its token in the header is passed on unread (an upload streams to the
route, whose size the outer ``limits`` middleware bounds); only a urlencoded form is read here
for its field, and a multipart body must come from a signed-in session with the header.
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

from jixiao.services import login_throttle as throttle

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
        self.addresses = throttle.AddressThrottle()

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
        given = headers.get(CSRF_HEADER)
        if given and scope["path"] != "/login":
            if not secrets.compare_digest(given, token):
                await _refuse(scope, send, 403, "表单已过期或来源不明，请刷新页面后重试")
                return
            if _multipart(headers) and not isinstance(session.get("user_id"), int):
                await _refuse(scope, send, 403, "请先登录再上传文件")  # nothing unread is taken from a visitor
                return
            await self.app(scope, receive, send)
            return
        if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded") and not given:
            await _refuse(scope, send, 403, "表单已过期或来源不明，请刷新页面后重试")
            return
        body = await _read_body(receive)
        given = given or _form_value(headers, body, CSRF_FIELD)
        if not given or not secrets.compare_digest(given, token):
            await _refuse(scope, send, 403, "表单已过期或来源不明，请刷新页面后重试")
            return
        if scope["path"] == "/login":
            await self._login(scope, body, headers, send)
            return
        await self.app(scope, _replay(body), send)

    async def _login(self, scope, body: bytes, headers: Headers, send) -> None:
        factory = scope["app"].state.factory
        username = (_form_value(headers, body, "username") or "").strip()
        settings = throttle.lockout_settings()
        address = (scope.get("client") or ("?",))[0]
        minutes = self.addresses.reserve(address, settings)
        if minutes:
            await _refuse(scope, send, 429, f"此地址登录尝试过多，请 {minutes} 分钟后再试",
                          template="login.html", username=username)
            return
        minutes = await run_in_threadpool(throttle.reserve, factory, username, settings) if username else None
        if minutes:
            await _refuse(scope, send, 429, f"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试",
                          template="login.html", username=username)
            return
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, _replay(body), watch)
        ok = status.get("code") == 303
        if ok:
            self.addresses.forgive(address)
        if username:
            await run_in_threadpool(throttle.settle, factory, username, ok, settings)


def _multipart(headers: Headers) -> bool:
    return headers.get("content-type", "").startswith("multipart/")


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
