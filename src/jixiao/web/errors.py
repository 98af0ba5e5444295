"""Every failure becomes a clear answer: JSON ``{"error": {code, message}}`` for the API, a page else.

Bad input is normal input, so no request that a client can make should end in a 500.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from jixiao.domain.limits import RefusedValue

log = logging.getLogger("jixiao.web")

_STATUS_MESSAGES = {
    400: ("bad_request", "请求有误"),
    401: ("unauthorized", "需要登录或有效的 API 令牌"),
    403: ("forbidden", "没有权限"),
    404: ("not_found", "找不到该页面或资源"),
    405: ("method_not_allowed", "不支持该请求方法"),
    413: ("too_large", "上传内容过大"),
    415: ("unsupported_type", "不支持的文件类型"),
    422: ("invalid", "参数无效"),
}


class ApiError(Exception):
    """A refusal with an HTTP status, a stable code and a Chinese message (English gloss)."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


class LoginRequired(Exception):
    """A page was asked for without a signed-in user: send the browser to the login page."""


def not_found(what: str, ident) -> ApiError:
    """The standard 404 for an unknown id."""
    return ApiError(404, "not_found", f"找不到{what} {ident}")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _respond(request: Request, status: int, code: str, message: str, details=None):
    if _is_api(request):
        body = {"error": {"code": code, "message": message}}
        if details:
            body["error"]["details"] = details
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)
    from .templating import templates

    # HTMX swaps the answer into part of a page: a fragment then, not a second page inside the first.
    name = "_error.html" if request.headers.get("HX-Request") == "true" else "error.html"
    context = {"status": status, "message": message, "user": _signed_in(request), "path": request.url.path}
    return templates.TemplateResponse(request, name, context, status_code=status)


def _signed_in(request: Request):
    """The signed-in user, for the menu of an error page (also of a path no route has, where no
    dependency looked the user up); None when signed out or the session is over."""
    user = getattr(request.state, "user", None)
    if user is not None or "session" not in request.scope:
        return user
    from jixiao.services.users import principal_by_id

    user_id, epoch = request.session.get("user_id"), request.session.get("epoch")
    if not isinstance(user_id, int):
        return None
    try:
        with request.app.state.factory() as session:
            return principal_by_id(session, user_id, epoch if isinstance(epoch, int) else -1)
    except Exception:  # an error page must render even when the store cannot answer
        log.exception("no user for the error page")
        return None


def _validation_details(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
        out.append({"field": where, "problem": e.get("msg", "")})
    return out


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        # A relative location, right behind any reverse proxy.
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        names = "、".join(d["field"] for d in details if d["field"]) or "请求"
        return _respond(request, 422, "invalid", f"参数无效: {names}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code, message = _STATUS_MESSAGES.get(exc.status_code, ("error", str(exc.detail)))
        return _respond(request, exc.status_code, code, message)

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError):  # a number no column can hold
        return _respond(request, 422, "invalid", "参数无效：数值超出范围")

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError):  # the database refused a value as out of range
        return _respond(request, 422, "invalid", "参数无效：数值超出范围或格式不对")

    @app.exception_handler(RefusedValue)
    async def _refused(request: Request, exc: RefusedValue):  # too long a text, too large an amount
        return _respond(request, 422, "invalid", f"参数无效：{exc}")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal", f"服务器内部错误: {exc.__class__.__name__}")
