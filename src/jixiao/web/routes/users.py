"""用户管理 (administrators only): the accounts, adding one, disabling and enabling, a new password.

The same services as ``jixiao user …``; every form carries the CSRF token (security.py adds it), and
every other role gets 403.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from jixiao.domain.lifecycle import ROLE_LABELS, Role
from jixiao.services import user_admin

from ..deps import PageUser
from ..errors import ApiError
from ..render import render

router = APIRouter(include_in_schema=False)
ROLES = [(r.value, ROLE_LABELS[r]) for r in Role]


def _admin_only(user) -> None:
    if user.role != Role.ADMIN:
        raise ApiError(403, "forbidden", "只有系统管理员可以管理用户")


def _page(request: Request, message: str | None = None, ok: bool = True, status: int = 200):
    users = user_admin.list_users(request.app.state.factory)
    return render(request, "users.html", {"users": users, "roles": ROLES, "role_labels": dict(ROLES),
                                          "message": message, "ok": ok}, status=status)


@router.get("/users", name="users")
def users_page(request: Request, user: PageUser):
    """Every account with its role, units and state, and the forms to manage them."""
    _admin_only(user)
    return _page(request)


@router.post("/users", name="add_user")
def add(request: Request, user: PageUser, username: str = Form(..., max_length=100),
        password: str = Form(..., max_length=200), role: str = Form(...), display_name: str = Form("", max_length=200),
        units: str = Form("", max_length=2000)):
    """Add an account; a unit editor's units are one per line (or separated by 、 or commas)."""
    _admin_only(user)
    names = [u.strip() for u in units.replace("、", "\n").replace("，", "\n").replace(",", "\n").splitlines() if u.strip()]
    if role not in dict(ROLES):
        return _page(request, "角色无效", ok=False, status=422)
    try:
        user_admin.add_user(request.app.state.factory, username.strip(), password, role, display_name.strip() or None,
                            names)
    except ValueError as exc:
        return _page(request, f"未能添加：{exc}", ok=False, status=422)
    return _page(request, f"已添加用户 {username.strip()}（{dict(ROLES)[role]}）")


@router.post("/users/{username}/state", name="user_state")
def state(request: Request, username: str, user: PageUser, disabled: str = Form(...)):
    """Disable an account (its sessions and tokens end at once) or enable it again."""
    _admin_only(user)
    if username == user.username and disabled == "1":
        return _page(request, "不能停用自己的账号", ok=False, status=422)
    try:
        user_admin.set_disabled(request.app.state.factory, username, disabled == "1")
    except ValueError as exc:
        return _page(request, str(exc), ok=False, status=404)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/password", name="user_password")
def password(request: Request, username: str, user: PageUser, password: str = Form(..., max_length=200)):
    """Give an account a new password (its signed-in sessions end)."""
    _admin_only(user)
    try:
        user_admin.set_password(request.app.state.factory, username, password)
    except ValueError as exc:
        return _page(request, f"未能修改密码：{exc}", ok=False, status=422)
    return _page(request, f"已为 {username} 设置新密码，其已登录的会话全部失效")
