"""Sign in and out of the pages (a signed session cookie; issue 8 adds CSRF and lockout)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from starlette.concurrency import run_in_threadpool

from jixiao.services.users import authenticate, end_sessions

from ..render import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so the login form cannot be used to redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login", name="login_form")
def login_form(request: Request, next: str | None = None):
    """The login page."""
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login", name="login")
def login(request: Request, username: Annotated[str, Form(max_length=100)],
          password: Annotated[str, Form(max_length=200)], next: Annotated[str, Form()] = "/"):
    """Check the password and open a session; a wrong one shows the form again with a reason."""
    user = authenticate(request.app.state.factory, username.strip(), password)
    if user is None:
        return render(request, "login.html", {"next": _safe_next(next), "username": username,
                                              "error": "用户名或密码错误，或账号已停用"}, status=401)
    request.session.clear()
    request.session["user_id"] = user.user_id
    request.session["epoch"] = user.session_epoch
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", name="logout")
async def logout(request: Request):
    """Close the session, and every other session of the account: a copied cookie stops working too."""
    user_id = request.session.get("user_id")
    if isinstance(user_id, int):
        await run_in_threadpool(end_sessions, request.app.state.factory, user_id)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
