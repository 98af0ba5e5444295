"""``jixiao budget …``: a stored department budget by unit, by function, by source, and one unit."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.domain.budget import LEVEL_WORDS
from jixiao.services import budget as budget_service
from jixiao.services.budget_unit import unit_view

from .budget_view import print_view, show_amount

budget_app = typer.Typer(help="部门预算查询", no_args_is_help=True)
app.add_typer(budget_app, name="budget")

DOC_OPTION = typer.Option(None, "--document", help="文档 ID（默认最新的部门预算）")
COLUMNS = {"total": "合计", "basic_spending": "基本支出", "project_spending": "项目支出",
           "procurement_planned": "政府采购"}


class Format(str, Enum):
    """Output of the budget commands: a table for people, JSON for programs."""

    table = "table"
    json = "json"


FORMAT_OPTION = typer.Option(Format.table, "--format", help="输出格式")


def _unit_label(unit: str) -> str:
    return "万元" if unit == "wan_yuan" else "元"


def _run(fn, *args, **kwargs):
    """Call a query with a session; a missing budget or unit is one Chinese line, exit code 1."""
    factory = open_factory(kwargs.pop("db"))
    with factory() as session:
        try:
            return fn(session, *args, **kwargs)
        except budget_service.NoBudget as exc:
            err_console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None


def _answer_json(answer, columns: list[str]) -> dict:
    return {"document_id": answer.document.id, "table": answer.table,
            "rows": [{"key": r.key, "name": r.name, **{c: None if r.amounts.get(c) is None else f"{r.amounts[c]:.2f}"
                                                     for c in columns}} for r in answer.rows],
            "sum": f"{answer.summed:.2f}",
            "stated_total": None if answer.stated_total is None else f"{answer.stated_total:.2f}",
            "difference": None if answer.difference is None else f"{answer.difference:.2f}",
            "within_rounding": None if answer.difference is None else abs(answer.difference) <= answer.tolerance}


def _print_answer(answer, heading: str, key_title: str, columns: list[str], fmt: Format) -> None:
    if fmt is Format.json:
        json.dump(_answer_json(answer, columns), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    unit = answer.document.money_unit
    keyed = any(r.key for r in answer.rows)
    heads = [key_title, "名称"] if keyed else [key_title]
    table = Table(*heads, *[COLUMNS.get(c, c) for c in columns],
                  title=f"{heading}（{answer.document.department or ''} {answer.document.year or ''}，"
                        f"单位：{_unit_label(unit)}）")
    for r in answer.rows:
        first = [r.key or "", r.name or ""] if keyed else [r.name or ""]
        table.add_row(*first, *[show_amount(r.amounts.get(c), unit) for c in columns])
    table.add_row(*([""] if keyed else []), "[bold]合计[/bold]", show_amount(answer.summed, unit))
    console.print(table)
    if answer.stated_total is not None:
        diff = answer.difference
        verdict = "在舍入范围内" if abs(diff) <= answer.tolerance else "超出舍入范围"
        console.print(f"{answer.table} 表内合计: {show_amount(answer.stated_total, unit)}；"
                      f"差额: {show_amount(diff, unit)}，{verdict}")


@budget_app.command("units")
def units(document: int = DOC_OPTION, fmt: Format = FORMAT_OPTION, db: str = DB_OPTION) -> None:
    """按单位汇总（表3：支出合计、基本支出、项目支出、政府采购）。"""
    answer = _run(budget_service.by_unit, document_id=document, db=db)
    _print_answer(answer, "按单位（表3）", "单位", list(COLUMNS), fmt)


@budget_app.command("by-function")
def by_function(
    level: str = typer.Option("类", "--level", help="科目级次：类、款或项"),
    table: str = typer.Option("表1", "--table", help="表1（全部资金）、表6（财政拨款）或表7（一般公共预算）"),
    document: int = DOC_OPTION, fmt: Format = FORMAT_OPTION, db: str = DB_OPTION,
) -> None:
    """按功能分类科目汇总支出，并与表内合计比较。"""
    if level not in LEVEL_WORDS:
        err_console.print("[red]--level 应为 类、款 或 项[/red] (level must be 类, 款 or 项)")
        raise typer.Exit(2)
    answer = _run(budget_service.by_function, LEVEL_WORDS[level], table, document_id=document, db=db)
    columns = ["total", "basic_spending", "project_spending"] if table == "表7" else ["total"]
    _print_answer(answer, f"按{level}（{table}）", "科目编码", columns, fmt)


@budget_app.command("by-source")
def by_source(
    table: str = typer.Option("表1", "--table", help="表1（收支总表）或表6（财政拨款收支总表）"),
    document: int = DOC_OPTION, fmt: Format = FORMAT_OPTION, db: str = DB_OPTION,
) -> None:
    """按资金来源列出收入，并与本年收入合计比较。"""
    answer = _run(budget_service.by_source, table, document_id=document, db=db)
    _print_answer(answer, f"按资金来源（{table}）", "来源", ["total"], fmt)


@budget_app.command("unit")
def unit(name: str = typer.Argument(..., help="单位名称（全称、简称或其中一部分）"),
         document: int = DOC_OPTION, fmt: Format = FORMAT_OPTION, db: str = DB_OPTION) -> None:
    """一个单位在叙述、表3、表7、表13/表14/表15 中的预算并列对照。"""
    view = _run(unit_view, name, document_id=document, db=db)
    print_view(view, fmt is Format.json)
