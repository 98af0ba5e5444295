"""``jixiao export``: the store as open data."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.exports import csv_export, datapackage, forms_xlsx, json_export


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    forms = "forms"
    datapackage = "datapackage"


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", help="导出格式"),
    output: Path = typer.Option(None, "-o", "--output", help="输出文件（默认标准输出）；csv、forms、datapackage 时为输出目录"),
    unit: str = typer.Option(None, "--unit", help="只导出名称含此文字的单位（forms）"),
    year: int = typer.Option(None, "--year", help="只导出此年度（forms）"),
    db: str = DB_OPTION,
) -> None:
    """导出整个库（JSON，schema jixiao/1；csv：每类数据一个 CSV 文件；forms：按官方样式的自评表、申报表 Excel，每个项目一页；datapackage：公开数据包）。"""
    if fmt in (ExportFormat.csv, ExportFormat.forms, ExportFormat.datapackage) and output is None:
        err_console.print(f"[red]{fmt.value} 导出需要 -o 目录[/red]")
        raise typer.Exit(2)
    factory = open_factory(db)
    with factory() as session:
        if fmt is ExportFormat.datapackage:
            counts = datapackage.write(session, output)
            console.print(f"已导出数据包到 {output}（datapackage.json）：" + "，".join(
                f"{name}.csv {n} 行" for name, n in counts.items()))
        elif fmt is ExportFormat.forms:
            written = forms_xlsx.write_dir(session, output, unit=unit, year=year)
            if not written:
                console.print("没有可导出为自评表或申报表的项目")
            for name, sheets in written.items():
                console.print(f"已导出 {output / name}（{sheets} 个项目）")
        elif fmt is ExportFormat.csv:
            written = csv_export.write_dir(session, output)
            console.print(f"已导出到 {output}: " + "，".join(f"{n}（{k} 行）" for n, k in written.items()))
        elif output is None:
            json_export.write(session, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as fh:
                json_export.write(session, fh)
            console.print(f"已导出到 {output}")
