"""Sums inside the printed tables of a 部门预算 / 部门决算, column by column.

In each column of a table with 类 / 款 / 项 codes: a 类 against its 款, a 款 against its 项, the table's
合计 / 总计 row against the 类 lines; the 三公 table's total against its three parts and 公务用车
against 购置 and 运行. Each judged with the rounding of the printed amounts.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

from .budget_sums import _hierarchy, compare
from .sums import SumItem

_THREE_PUBLIC_PARTS = {"three_public_total": ("overseas_travel", "reception", "official_cars"),
                       "official_cars": ("car_purchase", "car_operation")}


def printed_step(lines: list[BudgetLine]) -> Decimal:
    """The coarsest printing step among the amounts, in yuan: ``22,118,861`` beside ``0.34``
    amounts is printed to the yuan, so a sum with it may be off by half a yuan."""
    return max((Decimal(1).scaleb(b.stated_amount.as_tuple().exponent) * (b.amount / b.stated_amount)
                for b in lines if b.stated_amount), default=Decimal("0.01"))


def printed_items(budget: DepartmentBudget) -> list[SumItem]:
    """Every within-column comparison of the printed tables that is not exact."""
    columns: dict[tuple, list[BudgetLine]] = defaultdict(list)
    three: dict[tuple, dict[str, BudgetLine]] = defaultdict(dict)
    for b in budget.budget_lines:
        if b.table_title is None:
            continue
        columns[(b.table_title, b.column)].append(b)
        if b.category in ("overseas_travel", "reception", "official_cars", "car_purchase", "car_operation",
                          "three_public_total") and b.table == "三公经费表":
            three[(b.table_title, b.year, b.phase, b.source.line if b.source else None)].setdefault(b.category, b)
    out: list[SumItem | None] = []
    plain_totals = set(vocabulary().keys_of("printed_words", "total"))
    for (title, column), lines in columns.items():
        if not any(b.function_level == "class" and not b.code_derived for b in lines):
            continue  # a 收支总表 names its 类: its 总计 holds more than them
        step = printed_step(lines)
        name = f"“{title}”{column or ''}栏"
        out += _hierarchy(name, [b for b in lines if b.function_level or not b.function_code], step)
        classes = [b for b in lines if b.function_level == "class" and b.row_kind == "line"]
        for total in (b for b in lines if b.row_kind == "total" and normalise(b.label) in plain_totals):
            out.append(compare("rows", f"{name}“{total.label}”与 {len(classes)} 个类之和", total.amount,
                               [b.amount for b in classes], step, total.source))
    for cells in three.values():
        for whole, parts in _THREE_PUBLIC_PARTS.items():
            if whole in cells:
                got = [cells[p] for p in parts if p in cells]
                if got:
                    w = cells[whole]
                    out.append(compare("rows", f"“{w.table_title}”{w.column}与其各部分之和", w.amount,
                                       [b.amount for b in got], printed_step([w, *got]), w.source))
    out += cross_items(budget)
    return [i for i in out if i is not None]


# Each 类 a 收支总表 names against the same 类 in the table that spells it out by code: the all-funds
# 收支总表 against the 支出总表 / 支出决算表, the 财政拨款 one's 一般公共预算 column against the
# 一般公共预算支出表 (both in their first amount column, 合计).
_CROSS = (("收支总表", "all", "支出总表"), ("财政拨款收支总表", "general_public", "一般公共预算支出表"))


def cross_items(budget: DepartmentBudget) -> list[SumItem | None]:
    """The 类 of the summary tables against the detailed tables, same year and phase."""
    first: dict[tuple, BudgetLine] = {}
    for b in budget.budget_lines:
        if b.table_title and b.function_level == "class" and not b.code_derived:
            first.setdefault((b.table, b.year, b.phase, b.function_code), b)
    out: list[SumItem | None] = []
    for summary, fund, detailed in _CROSS:
        for a in budget.budget_lines:
            if a.table != summary or not a.code_derived or a.fund_source != fund or a.spending_type != "total":
                continue
            b = first.get((detailed, a.year, a.phase, a.function_code))
            if b is not None:
                what = f"“{a.table_title}”“{a.label}”与“{b.table_title}”{b.function_code} {b.label}"
                out.append(compare("tables", what, a.amount, [b.amount], printed_step([a, b]), a.source, rows=2))
    return out


__all__ = ["cross_items", "printed_items"]
