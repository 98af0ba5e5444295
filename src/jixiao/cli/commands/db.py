"""``jixiao db upgrade``: run the migrations (needed once per new PostgreSQL database)."""

from __future__ import annotations

import typer

from jixiao.cli.app import DB_OPTION, app, console, open_factory

db_app = typer.Typer(help="数据库管理", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(db: str = DB_OPTION) -> None:
    """把数据库结构升级到最新版本。"""
    open_factory(db)
    console.print("数据库已是最新结构")
