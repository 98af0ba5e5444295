"""Sums inside the tables of a department budget (部门预算): each judged with rounding.

表1/表6/表7 by function code: a 类 against its 款, a 款 against its 项, the 本年支出合计 against the
类 (表7: a unit's row against its 项, the total against the unit rows); 表3 and 表7 rows: 支出总计 =
基本支出 + 项目支出; 表13 rows: 合计 = 财政拨款 + 非财政; the income side of 表1/表6; 表11 and 表12
totals. The tables print whole 万元, so a sum may be off by half a unit per summed row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from jixiao.domain.budget import LEVEL_LABELS, BudgetLine, DepartmentBudget, code_at
from jixiao.domain.model import Document

from .amounts import step_of, sum_check
from .sums import SumItem

CHILD_LEVEL = {"class": "section", "section": "item"}
SPENDING = {"total": "支出总计", "basic_spending": "基本支出", "project_spending": "项目支出"}


def compare(family: str, what: str, stated: Decimal | None, parts: list, step: Decimal, source,
            unit: str = "wan_yuan", rows: int | None = None) -> SumItem | None:
    """A SumItem when ``stated`` differs from the sum of ``parts`` (``rows`` printed figures involved)."""
    c = sum_check(stated, parts, step)
    if c is None or c.verdict is None:
        return None
    if rows is not None:
        c = type(c)(c.stated, c.computed, rows, step)
    return SumItem(family, what, c, unit, source)


def table_step(lines: list, unit: str) -> Decimal:
    """The printing step of a table, from the amounts as written."""
    return step_of([b.amount for b in lines], unit)


def _hierarchy(table: str, lines: list[BudgetLine], step) -> list[SumItem]:
    out = []
    groups: dict[tuple, list[BudgetLine]] = defaultdict(list)
    for b in lines:
        if b.row_kind == "line" and b.function_code:
            groups[(b.unit if table == "表7" else None, b.spending_type, b.fund_source)].append(b)
    for group in groups.values():
        for parent in group:
            child = CHILD_LEVEL.get(parent.function_level or "")
            kids = [b for b in group if b.function_level == child
                    and code_at(b.function_code, parent.function_level) == parent.function_code]
            if kids:
                what = (f"{table}“{parent.label}”（{parent.function_code}）{SPENDING.get(parent.spending_type, '')}"
                        f"与其下 {len(kids)} 个{LEVEL_LABELS[child]}之和")
                item = compare("rows", what, parent.amount, [k.amount for k in kids], step, parent.source)
                if item is not None and item.check.verdict == "mismatch":
                    item = replace(item, note=_orphans(parent, group))
                out.append(item)
    return out


def _orphans(parent: BudgetLine, group: list[BudgetLine]) -> str:
    """Items of the parent's 类 whose own 款 the table lacks: the likely cause of a 款 that does not add up."""
    if parent.function_level != "section":
        return ""
    sections = {b.function_code for b in group if b.function_level == "section"}
    lost = [b for b in group if b.function_level == "item" and code_at(b.function_code, "class") ==
            code_at(parent.function_code, "class") and code_at(b.function_code, "section") not in sections]
    if not lost:
        return ""
    names = "、".join(f"“{b.label}”（{b.function_code}，{b.stated_amount}）" for b in lost)
    return f"；表中{names}按科目编码不属于此款，而它所属的款没有列出"


def _totals(table: str, lines: list[BudgetLine], step) -> list[SumItem]:
    """The table's total row against its top rows (类 lines, unit rows, or plain lines)."""
    out = []
    for total in (b for b in lines if b.row_kind == "total"):
        same = [b for b in lines if b.spending_type == total.spending_type and b.fund_source == total.fund_source]
        if table == "表7":
            top = [b for b in same if b.row_kind == "subtotal"]
        elif any(b.function_level == "class" for b in same):
            top = [b for b in same if b.row_kind == "line" and b.function_level == "class"]
        else:
            top = [b for b in same if b.row_kind == "line" and b.function_code is None]
        what = f"{table}“{total.label}”{SPENDING.get(total.spending_type, '')}与 {len(top)} 行之和"
        out.append(compare("rows", what, total.amount, [b.amount for b in top], step, total.source))
    for sub in (b for b in lines if b.row_kind == "subtotal" and table == "表7"):
        items = [b for b in lines if b.row_kind == "line" and b.unit == sub.unit and b.function_level == "item"
                 and b.spending_type == sub.spending_type]
        what = f"{table}“{sub.label}”{SPENDING.get(sub.spending_type, '')}与其 {len(items)} 个项之和"
        out.append(compare("rows", what, sub.amount, [b.amount for b in items], step, sub.source))
    return out


def _row_parts(table: str, lines: list[BudgetLine], step) -> list[SumItem]:
    """Within one printed row: 支出总计 = 基本 + 项目 (表3, 表7); 合计 = 财政拨款 + 非财政 (表13)."""
    rows: dict[tuple, dict[str, BudgetLine]] = defaultdict(dict)
    for b in lines:
        key = b.fund_source if table == "表13" else b.spending_type
        rows[(b.source.line if b.source else None, b.label, b.unit)][key] = b
    out = []
    for cells in rows.values():
        whole = cells.get("all" if table == "表13" else "total")
        parts = [b for k, b in cells.items() if k not in ("all", "total")]
        if whole is not None and len(parts) >= 2:
            what = f"{table}“{whole.label}”行合计与各栏之和"
            out.append(compare("sources", what, whole.amount, [b.amount for b in parts], step, whole.source))
    return out


def table_items(doc: Document, budget: DepartmentBudget) -> list[SumItem]:
    """Every within-table comparison of a department budget that is not exact."""
    out: list[SumItem | None] = []
    for table in ("表1", "表3", "表6", "表7", "表13"):
        lines = budget.lines(table)
        if not lines:
            continue
        step = table_step(lines, budget.money_unit)
        if table in ("表1", "表6", "表7"):
            out += _hierarchy(table, lines, step)
        if table != "表13":
            out += _totals(table, lines, step)
        if table in ("表3", "表7", "表13"):
            out += _row_parts(table, lines, step)
    out += income_items(budget)
    return [i for i in out if i is not None]


def income_items(budget: DepartmentBudget) -> list[SumItem | None]:
    """The income side of 表1/表6: parts against their line, lines against 本年收入合计 and 收入总计."""
    out: list[SumItem | None] = []
    for table in ("表1", "表6"):
        lines = [i for i in budget.income_lines if i.table == table]
        if not lines:
            continue
        step = table_step(lines, budget.money_unit)
        for parent in lines:
            kids = [i for i in lines if i.parent == parent.label and i.level == parent.level + 1]
            if kids and parent.row_kind == "line":
                out.append(compare("rows", f"{table}收入“{parent.label}”与其下 {len(kids)} 项之和", parent.amount,
                                   [k.amount for k in kids], step, parent.source))
        total = next((i for i in lines if i.row_kind == "total"), None)
        grand = next((i for i in lines if i.row_kind == "grand_total"), None)
        top = [i for i in lines if i.row_kind == "line" and i.level == 1]
        if total is not None:
            before = [i for i in top if i.source and total.source and i.source.line < total.source.line]
            out.append(compare("rows", f"{table}“{total.label}”与 {len(before)} 项收入之和", total.amount,
                               [i.amount for i in before], step, total.source))
            if grand is not None:
                after = [i for i in top if i not in before]
                out.append(compare("rows", f"{table}“{grand.label}”与本年收入合计及其后各项之和", grand.amount,
                                   [total.amount] + [i.amount for i in after], step, grand.source))
    return out
