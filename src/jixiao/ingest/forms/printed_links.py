"""The narrative's stated figures linked to the printed table line each describes.

A figure (a level, not a change or a rate) describes a line when the amounts agree within the
last digit of the figure as written (0.01 万元 → 100 元: a figure truncated, not rounded, agrees), the years and phases agree where
both say them, and the line is about the same thing: the same subject (收入总计, 基本支出, a 三公
part), a row label the figure's words contain (一般公共服务支出(类)财政事务(款)行政运行(项)), the
function code the words spell (``(204类)司法(06款)行政运行(01项)`` → 2040601), what the row label
names in the vocabulary (人员经费合计 → 人员经费), or, for a total row, the subject its column names
(支出总计 under 财政拨款支出 一般公共预算 is 一般公共预算 spending) or, under a plain 合计, its table's
title; a figure naming only a side (``收入预算``) describes that side's total, and a 总计 with
nothing carried over is the 合计. The words are the figure's
label and the clause of its sentence that ends at its number. Where several lines qualify, one of
the figure's own category is taken, else the 一般公共预算 table's, else the first; a figure about
支出 is not linked to a line on the 收入 side.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.budget import BudgetLine, DepartmentBudget, StatedFigure
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import bare, vocabulary

from .printed_link_words import function_code, last_clause, words_before

_MARKERS = re.compile(r"\(\d*[类款项]\)")
_FACTORS = {"万元": Decimal(10000), "亿元": Decimal(100000000), "元": Decimal(1)}
_BUCKET = Decimal(1000)


def link_figures(budget: DepartmentBudget) -> int:
    """Set ``figure.line`` for every stated figure a table line matches; the number linked."""
    index: dict[int, list[BudgetLine]] = {}
    for line in budget.budget_lines:
        index.setdefault(int(line.amount // _BUCKET), []).append(line)
    linked = 0
    preferred = vocabulary().first("printed_tables", "general_public")
    written: dict[tuple[str | None, Decimal], int] = {}
    for fig in budget.stated_figures:
        nth = written.get((fig.text, abs(fig.value)), 0)
        written[(fig.text, abs(fig.value))] = nth + 1
        if not is_level(fig):
            continue
        tolerance = _FACTORS.get(fig.measure_unit, Decimal(1)) * Decimal(1).scaleb(fig.value.as_tuple().exponent)
        bucket = int(fig.amount // _BUCKET)
        candidates = [x for b in (bucket - 1, bucket, bucket + 1) for x in index.get(b, ())
                      if abs(x.amount - fig.amount) <= tolerance and _same_column(fig, x)]
        if not candidates:
            continue
        words = _Words(fig, words_before(fig.text, fig.value, nth))
        matching = [x for x in candidates if _same_subject(words, x)]
        if matching:
            line = max(matching, key=lambda x: _rank(words, x, preferred))  # the first of the best
            fig.line = line
            fig.describes = describe(line)
            linked += 1
    return linked


def is_level(fig: StatedFigure) -> bool:
    """Whether a figure is a level of money that a table line may print (not a change or a rate)."""
    return fig.amount is not None and fig.change is None and fig.ratio is None and fig.amount > 0


def _rank(words: "_Words", line: BudgetLine, preferred: str) -> tuple:
    """Which of the matching lines a figure describes: its own category first, then the row its
    words name last (the 项 of ``…(类)…(款)…(项)``, written just before the number), then the
    一般公共预算 table's; of equals the first printed."""
    label = bare(normalise(line.label))
    at = words.text.rfind(label) + len(label) if len(label) >= 2 and label in words.text else -1
    return (bool(words.category) and line.category == words.category, at, line.table == preferred)


class _Words:
    """What a figure says it is about: its label, the clause ending at its number, the function
    code that clause spells, its category and the side (收入 / 支出) it names."""

    def __init__(self, fig: StatedFigure, head: str):
        self.category = fig.category
        clause = last_clause(head)
        said = normalise(fig.label or "") + "|" + clause
        self.text = said + "|" + _MARKERS.sub("", said)  # 公共安全(类)支出 names 公共安全支出
        self.code = function_code(head)
        self.side = _side(normalise(fig.label or "")) or _side(clause)


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


def _same_subject(words: _Words, line: BudgetLine) -> bool:
    line_side = _side(line.column or "") or _side(line.label)
    if words.side and line_side and words.side != line_side:
        return False  # 财政拨款支出 is not the 收入 side's 财政拨款收入, though the amounts agree
    subjects = _subjects(line)
    if words.category and (words.category in subjects or _TOTAL_OF.get(words.category) in subjects):
        return True
    if words.code and line.function_code:
        return words.code == line.function_code
    label = bare(normalise(line.label))
    if len(label) >= 2 and label in words.text:
        return True
    return (line.row_kind == "total" and words.category is None and words.side is not None
            and line.category in _SIDE_TOTALS[words.side])


# 收入、支出预算总计 is the 收入合计 / 支出合计 of a budget with nothing carried over from last year
_TOTAL_OF = {"income_grand_total": "income_total", "spending_grand_total": "spending_total"}
_SIDE_TOTALS = {"income": ("income_grand_total", "income_total"), "spending": ("spending_grand_total", "spending_total")}


def _subjects(line: BudgetLine) -> set[str]:
    """The statement subjects a line is about: its category, what its row label names
    (人员经费合计 → personnel) and, for a total row, what its column names (支出总计 under
    财政拨款支出 一般公共预算 → fiscal, general_public) or, under a plain 合计, its table's title
    (一般公共预算财政拨款支出决算表 → general_public_spending)."""
    out = {line.category} if line.category else set()
    out |= _named(bare(normalise(line.label)))
    if line.row_kind == "total":
        columns = set().union(*(_named(part) for part in (line.column or "").split()))
        out |= columns or _titled(normalise(line.table_title or ""))
    return out


def _titled(title: str) -> set[str]:
    """The subject a table's title names: its longest statement-subject label
    (部门一般公共预算支出预算表 → general_public_spending; 部门支出预算总表 → none)."""
    found = vocabulary().scan(title, ("statement_subjects",))
    return {max(found, key=lambda m: len(m.label)).key} if found else set()


def _named(text: str) -> set[str]:
    """The statement subject (or fund) a label is, or starts with; empty for none."""
    vocab = vocabulary()
    key = vocab.key("statement_subjects", text) or vocab.key("funds", text)
    if key is None:
        start = vocab.starts("statement_subjects", text)
        key = start[0] if start else None
    return {key} if key else set()


__all__ = ["describe", "is_level", "link_figures"]
