"""The narrative's stated figures linked to the printed table line each describes.

A figure (a level, not a change or a rate) describes a line when the amounts agree within the
last digit of the figure as written (0.01 万元 → 100 元: a figure truncated, not rounded, agrees), the years and phases agree where
both say them, and the line is about the same thing: the same subject (收入总计, 基本支出, a 三公
part) or a row label the figure's words contain (一般公共服务支出(类)财政事务(款)行政运行(项)). Where
several lines qualify, one of the figure's own category is taken, else the 一般公共预算 table's,
else the first; a figure about 支出 is not
linked to a line on the 收入 side.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget, StatedFigure
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import bare, vocabulary

_FACTORS = {"万元": Decimal(10000), "亿元": Decimal(100000000), "元": Decimal(1)}
_BUCKET = Decimal(1000)


def link_figures(budget: DepartmentBudget) -> int:
    """Set ``figure.line`` for every stated figure a table line matches; the number linked."""
    index: dict[int, list[BudgetLine]] = {}
    for line in budget.budget_lines:
        index.setdefault(int(line.amount // _BUCKET), []).append(line)
    linked = 0
    preferred = vocabulary().first("printed_tables", "general_public")
    for fig in budget.stated_figures:
        if fig.amount is None or fig.change is not None or fig.ratio is not None or fig.amount <= 0:
            continue
        tolerance = _FACTORS.get(fig.measure_unit, Decimal(1)) * Decimal(1).scaleb(fig.value.as_tuple().exponent)
        bucket = int(fig.amount // _BUCKET)
        candidates = [x for b in (bucket - 1, bucket, bucket + 1) for x in index.get(b, ())
                      if abs(x.amount - fig.amount) <= tolerance and _same_column(fig, x)]
        matching = [x for x in candidates if _same_subject(fig, x)]
        line = next((x for x in matching if fig.category and x.category == fig.category),
                    next((x for x in matching if x.table == preferred), matching[0] if matching else None))
        if line is not None:
            fig.line = line
            fig.describes = describe(line)
            linked += 1
    return linked


def describe(line: BudgetLine) -> str:
    """A line as a figure's link is stored: ``table title｜row label｜column``."""
    return "｜".join((line.table_title or line.table, line.label, line.column or ""))


def _same_column(fig: StatedFigure, line: BudgetLine) -> bool:
    if fig.year and line.year and fig.year != line.year:
        return False
    return not (fig.phase and line.phase and fig.phase != line.phase)


def _side(text: str) -> str | None:
    """收入 / 支出 a text is about, when it names one of them only."""
    if "收入" in text and "支出" not in text:
        return "income"
    if "支出" in text and "收入" not in text:
        return "spending"
    return None


def _same_subject(fig: StatedFigure, line: BudgetLine) -> bool:
    side, line_side = _side(fig.label or ""), _side(line.column or "") or _side(line.label)
    if side and line_side and side != line_side:
        return False  # 财政拨款支出 is not the 收入 side's 财政拨款收入, though the amounts agree
    if fig.category and line.category and fig.category == line.category:
        return True
    label = bare(normalise(line.label))
    words = normalise(fig.label or "")
    return len(label) >= 2 and label in words


__all__ = ["describe", "link_figures"]
