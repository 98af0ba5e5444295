"""The Typer application and options shared by every command."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    help="jixiao 绩效: 读取、检查、评分和发布预算绩效表格.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option(None, "--db", help="数据库 URL（默认 sqlite:///jixiao.db，或环境变量 JIXIAO_DATABASE_URL）")


def open_factory(db: str | None):
    """A session factory on an upgraded store, with a clear message when the DB is unreachable."""
    from jixiao.storage.session import database_url, open_store

    try:
        return open_store(db)
    except Exception as exc:  # connection refused, bad URL, missing driver …
        err_console.print(f"[red]无法打开数据库[/red] {database_url(db)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        raise typer.Exit(2) from None
