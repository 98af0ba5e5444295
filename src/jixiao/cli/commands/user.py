"""``jixiao user add/list/disable/enable/password/token``: accounts of the web app and the API."""

from __future__ import annotations

import json
import sys

import typer
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.domain.lifecycle import ROLE_LABELS

user_app = typer.Typer(help="用户管理", no_args_is_help=True)
app.add_typer(user_app, name="user")

ROLE_HELP = "角色：admin 管理员 / reviewer 审核人 / unit_editor 单位填报人 / viewer 只读"


def _fail(exc: Exception) -> None:
    err_console.print(f"[red]✗[/red] {exc}")
    raise typer.Exit(1)


@user_app.command("add")
def add(
    username: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(..., "--role", help=ROLE_HELP),
    unit: list[str] = typer.Option([], "--unit", help="所属单位或部门（可多次给出；单位填报人必填）"),
    name: str = typer.Option(None, "--name", help="显示名称"),
    password: str = typer.Option(None, "--password", help="密码（不给出则提示输入）"),
    db: str = DB_OPTION,
) -> None:
    """新增用户。"""
    from jixiao.services.user_admin import add_user

    factory = open_factory(db)
    if password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt="再输入一次")
    try:
        user_id = add_user(factory, username, password, role, name, unit)
    except ValueError as exc:
        _fail(exc)
    console.print(f"已新增用户 {username}（#{user_id}，{role}{'，' + '、'.join(unit) if unit else ''}）")


@user_app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="输出 JSON"), db: str = DB_OPTION) -> None:
    """列出用户。"""
    from jixiao.services.user_admin import list_users

    users = list_users(open_factory(db))
    rows = [{"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role,
             "units": list(u.units or []), "disabled": bool(u.disabled),
             "locked_until": u.locked_until.isoformat() if u.locked_until else None} for u in users]
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    table = Table("编号", "用户名", "名称", "角色", "范围", "状态", title=f"用户（{len(rows)} 个）")
    for r in rows:
        state = "已停用" if r["disabled"] else ("已锁定" if r["locked_until"] else "正常")
        table.add_row(str(r["id"]), r["username"], r["display_name"] or "", ROLE_LABELS.get(r["role"], r["role"]),
                      "、".join(r["units"]) or "全部", state)
    console.print(table)


@user_app.command("disable")
def disable(username: str = typer.Argument(..., help="用户名"), db: str = DB_OPTION) -> None:
    """停用用户（登录、会话和 API 令牌立即失效）。"""
    from jixiao.services.user_admin import set_disabled

    try:
        set_disabled(open_factory(db), username, True)
    except ValueError as exc:
        _fail(exc)
    console.print(f"已停用用户 {username}")


@user_app.command("enable")
def enable(username: str = typer.Argument(..., help="用户名"), db: str = DB_OPTION) -> None:
    """重新启用用户（同时解除登录锁定）。"""
    from jixiao.services.user_admin import set_disabled

    try:
        set_disabled(open_factory(db), username, False)
    except ValueError as exc:
        _fail(exc)
    console.print(f"已启用用户 {username}")


@user_app.command("password")
def password(username: str = typer.Argument(..., help="用户名"), db: str = DB_OPTION) -> None:
    """重设密码（同时解除登录锁定）。"""
    from jixiao.services.user_admin import set_password

    factory = open_factory(db)
    new = typer.prompt("新密码", hide_input=True, confirmation_prompt="再输入一次")
    try:
        set_password(factory, username, new)
    except ValueError as exc:
        _fail(exc)
    console.print(f"已重设 {username} 的密码")


@user_app.command("token")
def token(username: str = typer.Argument(..., help="用户名"),
          name: str = typer.Option("cli", "--name", help="令牌名称（便于识别）"), db: str = DB_OPTION) -> None:
    """为用户发放 API 令牌（只显示这一次）。"""
    from jixiao.services.user_admin import issue_token

    try:
        secret = issue_token(open_factory(db), username, name)
    except ValueError as exc:
        _fail(exc)
    console.print(f"{username} 的 API 令牌（请妥善保存，只显示这一次）:\n{secret}")
