"""``jixiao list projects``: what is in the store, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum

from decimal import Decimal

import typer
from rich import box
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, open_factory
from jixiao.exports.json_export import _d
from jixiao.services import queries
from jixiao.domain.labels import label
from jixiao.exports.cells import csv_safe

list_app = typer.Typer(help="列出库中的内容", no_args_is_help=True)
app.add_typer(list_app, name="list")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


COLUMNS = ["id", "document_id", "unit", "seq", "code", "name", "year", "budget", "actual", "execution_rate", "status"]
HEADINGS = ["编号", "文档", "单位", "序号", "编码", "项目名称", "年度", "预算（元）", "实际支出（元）", "执行率（%）", "完成情况"]
WAN = Decimal(10000)


def _wan(amount: str | None) -> str:
    """Yuan as 万元 with thousands separators (``1,186.60``)."""
    return "" if amount is None else f"{Decimal(amount) / WAN:,.2f}"


def _table(rows: list[dict]) -> Table:
    """The projects as a table that reads at 80 columns: names wrap, figures never do; money in 万元."""
    table = Table(title=f"项目（{len(rows)} 个）", box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    table.add_column("编号", justify="right", no_wrap=True)
    table.add_column("单位", overflow="fold", ratio=2)
    table.add_column("项目名称", overflow="fold", ratio=3)
    table.add_column("年度", no_wrap=True)
    table.add_column("预算\n（万元）", justify="right", no_wrap=True)
    table.add_column("执行率\n（%）", justify="right", no_wrap=True)
    table.add_column("完成\n情况", no_wrap=True)
    for r in rows:
        table.add_row(str(r["id"]), r["unit"] or "", r["name"] or "", "" if r["year"] is None else str(r["year"]),
                      _wan(r["budget"]), r["execution_rate"] or "", label("status", r["status"]) or "")
    return table


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
        w = csv.writer(sys.stdout)
        w.writerow(HEADINGS)
        w.writerows([csv_safe(label("status", r[c]) if c == "status" else r[c]) for c in COLUMNS] for r in rows)
    else:
        console.print(_table(rows))
