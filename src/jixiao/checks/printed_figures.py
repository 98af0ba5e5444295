"""The narrative's figures against the printed table lines they name (部门预算 / 部门决算 PDFs).

A figure that names a 类 / 款 / 项 (``社会保障和就业支出（类）行政事业单位养老支出（款）机关事业
单位职业年金缴费支出（项）887.36万元``) describes the table line of that 项 (or 款, 类) in the total
column, same year and phase. It agrees when one such line is within one unit of the figure's last
printed digit (a figure truncated rather than rounded still agrees); otherwise the two disagree.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget, StatedFigure
from jixiao.domain.figure_math import MONEY_FACTORS
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

_NAMED = re.compile(r"([^()（）]+?)[(（](类|款|项)[)）]")
_LEVEL = {"类": "class", "款": "section", "项": "item"}
_TOTAL_COLUMNS = ("total",)
_TAIL = 4  # characters a figure's words may run on after the （项） they name (支出, 为)


def named_levels(label: str) -> dict[str, str]:
    """{class/section/item: name} a figure's words name with （类）（款）（项）."""
    return {_LEVEL[lvl]: normalise(name).lstrip("0123456789.、,，:：") for name, lvl in _NAMED.findall(label)}


def disagreements(budget: DepartmentBudget) -> list[tuple[StatedFigure, BudgetLine]]:
    """(figure, the line it names) for each figure no line it names agrees with."""
    by_name: dict[tuple[str, str], list[BudgetLine]] = {}
    for b in budget.budget_lines:
        if b.table_title and b.function_level and b.spending_type in _TOTAL_COLUMNS and b.row_kind == "line":
            by_name.setdefault((b.function_level, normalise(b.label)), []).append(b)
    out, seen = [], set()
    first = vocabulary().first("printed_tables", "general_public")
    for f in budget.stated_figures:
        if f.amount is None or f.change is not None or f.ratio is not None or (f.label, f.value) in seen:
            continue
        names = named_levels(f.label or "")
        level = next((lvl for lvl in ("item", "section", "class") if lvl in names), None)
        if level is None or len(_NAMED.split(f.label)[-1].strip()) > _TAIL:
            continue  # names no 类/款/项, or is about something else it says after them
        lines = [b for b in by_name.get((level, names[level]), ()) if _same_column(f, b)]
        if lines and not any(abs(b.amount - f.amount) <= _unit_of(f) for b in lines):
            seen.add((f.label, f.value))  # the text a page break repeats is one figure
            out.append((f, next((b for b in lines if b.table == first), lines[0])))
    return out


def _same_column(f: StatedFigure, b: BudgetLine) -> bool:
    if f.year and b.year and f.year != b.year:
        return False
    return not (f.phase and b.phase and f.phase != b.phase)


def _unit_of(f: StatedFigure) -> Decimal:
    """One unit of the figure's last printed digit, in yuan (0.01万元 → 100 元)."""
    factor = MONEY_FACTORS.get(f.measure_unit, Decimal(1))
    return Decimal(1).scaleb(f.value.as_tuple().exponent) * factor


__all__ = ["disagreements", "named_levels"]
