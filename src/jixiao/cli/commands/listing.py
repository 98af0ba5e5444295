"""``jixiao list projects``: what is in the store, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, open_factory
from jixiao.exports.json_export import _d
from jixiao.services import queries
from jixiao.exports.cells import csv_safe

list_app = typer.Typer(help="列出库中的内容", no_args_is_help=True)
app.add_typer(list_app, name="list")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


COLUMNS = ["id", "document_id", "unit", "seq", "code", "name", "year", "budget", "actual", "execution_rate", "status"]
HEADINGS = ["ID", "文档", "单位", "序号", "编码", "项目名称", "年度", "预算(元)", "实际支出(元)", "执行率%", "完成情况"]


@list_app.command("projects")
def list_projects(
    unit: str = typer.Option(None, "--unit", help="按单位名称筛选（包含即可）"),
    name: str = typer.Option(None, "--name", help="按项目名称筛选（包含即可）"),
    fmt: Format = typer.Option(Format.table, "--format", help="输出格式"),
    db: str = DB_OPTION,
) -> None:
    """列出项目。"""
    factory = open_factory(db)
    with factory() as session:
        rows = [{
            "id": p.id, "document_id": p.document_id, "unit": p.unit, "seq": p.seq, "code": p.code,
            "name": p.name, "year": p.year, "budget": _d(p.budget_total), "actual": _d(p.actual_total),
            "execution_rate": _d(p.execution_rate), "status": p.status,
        } for p in queries.list_projects(session, unit=unit, name=name)]
    if fmt is Format.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt is Format.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows({k: csv_safe(v) for k, v in r.items()} for r in rows)
    else:
        table = Table(*HEADINGS, title=f"项目（{len(rows)} 个）")
        for r in rows:
            table.add_row(*["" if r[c] is None else str(r[c]) for c in COLUMNS])
        console.print(table)
