"""``jixiao export``: the store as open data."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli.app import DB_OPTION, app, console, open_factory
from jixiao.exports import json_export


class ExportFormat(str, Enum):
    json = "json"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", help="导出格式"),
    output: Path = typer.Option(None, "-o", "--output", help="输出文件（默认标准输出）"),
    db: str = DB_OPTION,
) -> None:
    """导出整个库（JSON，schema jixiao/1）。"""
    factory = open_factory(db)
    with factory() as session:
        if output is None:
            json_export.write(session, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as fh:
                json_export.write(session, fh)
            console.print(f"已导出到 {output}")
