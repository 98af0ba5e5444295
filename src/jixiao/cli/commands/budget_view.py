"""Rendering of ``jixiao budget unit``: one unit's budget per source, and its projects per table."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from rich.table import Table

from jixiao.cli.app import console
from jixiao.domain.numbers import from_yuan
from jixiao.services.budget_unit import UnitView

_SOURCES = ("叙述", "表13", "表15")


def show_amount(amount: Decimal | None, unit: str) -> str:
    """An amount in yuan in the document's unit, grouped: ``694,773`` (万元) or ``1,234.50``."""
    if amount is None:
        return ""
    value = from_yuan(amount, unit)
    return f"{value:,.0f}" if value == value.to_integral() else f"{value:,.2f}"


def _d(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def view_json(view: UnitView) -> dict:
    """The view as JSON (amounts in yuan, decimal strings)."""
    return {
        "document_id": view.document.id, "unit": view.unit, "family": view.family,
        "rows": [{"source": r.source, "label": r.label, "total": _d(r.total), "basic_spending": _d(r.basic),
                  "project_spending": _d(r.project), "derived": r.derived, "line": r.line} for r in view.rows],
        "projects": {name: {src: [_d(a) for a in amounts] for src, amounts in by.items()}
                     for name, by in view.projects.items()},
    }


def print_view(view: UnitView, as_json: bool) -> None:
    """Print the side-by-side tables (or JSON)."""
    if as_json:
        json.dump(view_json(view), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    unit = view.document.money_unit
    label = "万元" if unit == "wan_yuan" else "元"
    table = Table("来源", "行", "合计", "基本支出", "项目支出", "依据", "行号",
                  title=f"{view.unit} 的预算对照（单位：{label}）")
    for r in view.rows:
        table.add_row(r.source, r.label, show_amount(r.total, unit), show_amount(r.basic, unit), show_amount(r.project, unit),
                      "计算" if r.derived else "所列", str(r.line or ""))
    console.print(table)
    console.print("依据：所列 = 文件中写明的数；计算 = jixiao 相加得出")
    if len(view.family) > 1:
        console.print(f"包括: {'、'.join(view.family[1:])}")
    if not view.projects:
        return
    projects = Table("项目", *_SOURCES, title=f"{view.unit} 的项目（单位：{label}）")
    for name, by in view.projects.items():
        projects.add_row(name, *[" + ".join(show_amount(a, unit) for a in by.get(src, [])) for src in _SOURCES])
    console.print(projects)
