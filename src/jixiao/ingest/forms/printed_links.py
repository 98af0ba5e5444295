"""The narrative's stated figures linked to the printed table line each describes.

A figure (a level, not a change or a rate) describes a line when the amounts agree within the
rounding of the figure as written (0.01 万元 → 50 元 either way), the years and phases agree where
both say them, and the line is about the same thing: the same subject (收入总计, 基本支出, a 三公
part) or a row label the figure's words contain (一般公共服务支出(类)财政事务(款)行政运行(项)). Where
several lines qualify, the first (the summary tables come first) is taken.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget, StatedFigure
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import bare

_HALF = {"万元": Decimal(50), "亿元": Decimal(500000), "元": Decimal("0.5")}
_BUCKET = Decimal(1000)


def link_figures(budget: DepartmentBudget) -> int:
    """Set ``figure.line`` for every stated figure a table line matches; the number linked."""
    index: dict[int, list[BudgetLine]] = {}
    for line in budget.budget_lines:
        index.setdefault(int(line.amount // _BUCKET), []).append(line)
    linked = 0
    for fig in budget.stated_figures:
        if fig.amount is None or fig.change is not None or fig.ratio is not None or fig.amount <= 0:
            continue
        tolerance = _HALF.get(fig.measure_unit, Decimal(0))
        bucket = int(fig.amount // _BUCKET)
        candidates = [x for b in (bucket - 1, bucket, bucket + 1) for x in index.get(b, ())
                      if abs(x.amount - fig.amount) <= tolerance and _same_column(fig, x)]
        line = next((x for x in candidates if _same_subject(fig, x)), None)
        if line is not None:
            fig.line = line
            linked += 1
    return linked


def _same_column(fig: StatedFigure, line: BudgetLine) -> bool:
    if fig.year and line.year and fig.year != line.year:
        return False
    return not (fig.phase and line.phase and fig.phase != line.phase)


def _same_subject(fig: StatedFigure, line: BudgetLine) -> bool:
    if fig.category and line.category and fig.category == line.category:
        return True
    label = bare(normalise(line.label))
    words = normalise(fig.label or "")
    return len(label) >= 2 and label in words


__all__ = ["link_figures"]
