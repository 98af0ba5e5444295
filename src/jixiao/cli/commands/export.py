"""``jixiao export``: the store as open data."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.exports import csv_export, json_export


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", help="导出格式"),
    output: Path = typer.Option(None, "-o", "--output", help="输出文件（默认标准输出）；csv 时为输出目录"),
    db: str = DB_OPTION,
) -> None:
    """导出整个库（JSON，schema jixiao/1；或 csv：每类预算表一个 CSV 文件）。"""
    if fmt is ExportFormat.csv and output is None:
        err_console.print("[red]csv 导出需要 -o 目录[/red]")
        raise typer.Exit(2)
    factory = open_factory(db)
    with factory() as session:
        if fmt is ExportFormat.csv:
            written = csv_export.write_dir(session, output)
            console.print(f"已导出到 {output}: " + "，".join(f"{n}（{k} 行）" for n, k in written.items()))
        elif output is None:
            json_export.write(session, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as fh:
                json_export.write(session, fh)
            console.print(f"已导出到 {output}")
