"""What a printed table's note says against what the table holds: reading notices.

A table without numbers should say it is empty (本表为空表); a table that says so should hold no
numbers; a note under the 政府性基金 or 国有资本经营 table should name that fund, not the other
(a note copied from the table before it).
"""

from __future__ import annotations

from jixiao.domain.budget import BudgetLine
from jixiao.domain.model import ParseWarning
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

from .printed_tables import PrintedTable

_FUNDS = ("government_fund", "state_capital")


def note_notices(table: PrintedTable, lines: list[BudgetLine]) -> list[ParseWarning]:
    """Notices for a table whose note and contents disagree (or that has neither)."""
    numbers = [x for x in lines if x.stated_amount]
    if not lines and table.empty_note is None:
        return [ParseWarning(f"“{table.title}”没有数字，也没有写明本表为空", table.title_ref)]
    if table.empty_note is None:
        return []
    if numbers:
        return [ParseWarning(f"“{table.title}”的表注写明本表为空，但表中有 {len(numbers)} 个数字"
                             f"（如“{numbers[0].label}”{numbers[0].stated_amount}）", table.empty_ref, table.empty_note)]
    named = {m.key for m in vocabulary().scan(normalise(table.empty_note), ("statement_subjects",))} & set(_FUNDS)
    if table.kind in _FUNDS and named and table.kind not in named:
        other = vocabulary().first("printed_tables", next(iter(named))).removesuffix("表")
        return [ParseWarning(f"“{table.title}”的表注说的是“{other}”，与表名不符（疑为照抄上一张表的表注）",
                             table.empty_ref, table.empty_note)]
    return []


__all__ = ["note_notices"]
