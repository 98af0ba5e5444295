"""``jixiao report``: the 自评报告 of a department (or unit) and year as Word or PDF."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.exports import report_docx
from jixiao.ingest.grid import SourceError
from jixiao.services.report import gather


class ReportFormat(str, Enum):
    docx = "docx"
    pdf = "pdf"


@app.command()
def report(
    fmt: ReportFormat = typer.Option(ReportFormat.docx, "--format", help="报告格式"),
    output: Path = typer.Option(..., "-o", "--output", help="输出文件；有多份报告时在文件名后加主管部门与年度"),
    department: str = typer.Option(None, "--department", help="只写名称含此文字的主管部门"),
    unit: str = typer.Option(None, "--unit", help="只写名称含此文字的单位"),
    year: int = typer.Option(None, "--year", help="只写此年度"),
    db: str = DB_OPTION,
) -> None:
    """写出项目支出绩效自评报告（每个主管部门、年度一份：基本情况、预算执行、评分结果、各单位情况、数据来源）。"""
    factory = open_factory(db)
    with factory() as session:
        reports = gather(session, department=department, unit=unit, year=year)
    if not reports:
        err_console.print("[red]库中没有符合条件的自评项目，未写出报告[/red]")
        raise typer.Exit(1)
    for r in reports:
        path = output if len(reports) == 1 else output.with_name(
            f"{output.stem}_{r.department}_{r.year or '未注明年度'}.{fmt.value}")
        path = path.with_suffix(f".{fmt.value}")
        try:
            report_docx.write(r, path)
        except SourceError as exc:
            err_console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from exc
        console.print(f"已写出 {path}（{len(r.units)} 个单位，{len(r.projects)} 个项目）")
