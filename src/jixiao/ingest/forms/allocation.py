"""A table that shares out a grant: who receives how much, for what (资金安排表 / 分配表).

Notices that pass funds down (下达…资金的通知) attach such a table beside the targets: ``乡镇、村 | 金额
| 建设项目 | 补助金额``, a row per recipient and a 合计. Each row is a project of the grant: the recipient
names it, its amount is its budget and what it builds is its goal. The header is found by its
labels (vocabulary ``allocation_columns``: a recipient and an amount column), and the table is
taken as an allocation only when it closes with its 合计; a total that does not equal the sum of
the rows is said in a reading notice, and the rows are still read. Where the table names its
projects too (项目名称), they name the rows and the recipient is their unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.model import Document, Money, ParseWarning, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses
from jixiao.domain.vocabulary import vocabulary

from .tokens import Token
from .values import amount, number

_TABLE_LAYOUTS = frozenset({None, "tab", "pipe"})


@dataclass(slots=True)
class Allocation:
    """The rows of one allocation table and its total as printed."""

    rows: list[dict[str, Token]]  # role (recipient, amount, content) → cell
    total: Decimal | None
    total_ref: Token | None


def _row_spans(toks: list[Token], start: int, stop: int):
    i = start
    while i < stop:
        j = i
        while j < stop and toks[j].row == toks[i].row:
            j += 1
        yield i, j
        i = j


def _header(cells: list[Token]) -> dict[int, str] | None:
    """Column index → role, when the row names a recipient and an amount and little else."""
    roles: dict[int, str] = {}
    filled = [t for t in cells if t.text]
    for k, t in enumerate(cells):
        role = vocabulary().key("allocation_columns", t.text)
        if role and role not in roles.values():
            roles[k] = role
    if {"recipient", "amount"} <= set(roles.values()) and len(roles) * 2 >= len(filled):
        return roles
    return None


def find(toks: list[Token], start: int, stop: int) -> Allocation | None:
    """The first allocation table between ``start`` and ``stop`` whose rows add up to its 合计."""
    spans = list(_row_spans(toks, start, stop))
    for n, (a, b) in enumerate(spans):
        if toks[a].layout not in _TABLE_LAYOUTS:
            continue
        roles = _header(toks[a:b])
        if roles is None:
            continue
        found = _body(toks, spans[n + 1:], roles)
        if found is not None and found.rows:
            return found
    return None


def _body(toks: list[Token], spans, roles: dict[int, str]) -> Allocation | None:
    rows: list[dict[str, Token]] = []
    for a, b in spans:
        cells = toks[a:b]
        if cells[0].layout not in _TABLE_LAYOUTS:
            break
        first = next((t for t in cells if t.text), None)
        if first is None:
            continue
        if first.label("closing") == "total":
            values = [v for t in cells[1:] if (v := number(t.text)) is not None]
            return Allocation(rows, _sum_or_first(rows, values), first)
        row = {roles[k]: t for k, t in enumerate(cells) if k in roles and t.text}
        if "recipient" not in row or "amount" not in row or amount(row["amount"].text) is None:
            break  # the table has ended (the next attachment's title, its own header)
        rows.append(row)
    return None  # no 合计: a list of amounts, not a grant shared out


def _sum_or_first(rows: list[dict[str, Token]], values: list[Decimal]) -> Decimal | None:
    """The total printed for the amount column: the value that equals the rows' sum, else the first."""
    total = sum((number(r["amount"].text) or Decimal(0) for r in rows), Decimal(0))
    return total if total in values else (values[0] if values else None)


def projects(table: Allocation, doc: Document, unit: str) -> list[Project]:
    """One project per row: the recipient, its amount in 元, what it builds as its goal."""
    out = []
    for row in table.rows:
        name = row["recipient"]
        found = amount(row["amount"].text)
        named = row.get("project")
        project = Project(name=drop_glosses((named or name).text), unit=drop_glosses(name.text) if named else None,
                          year=doc.year, money_unit=unit, source=(named or name).ref)
        if found is not None:
            project.budget = Money(to_yuan(found[0], found[1] or unit), {}, row["amount"].ref)
        if "content" in row:
            project.goal = row["content"].text
        out.append(project)
    stated = sum((number(r["amount"].text) or Decimal(0) for r in table.rows), Decimal(0))
    if table.total is not None and table.total != stated and table.total_ref is not None:
        doc.warnings.append(ParseWarning(
            f"安排表合计 {table.total} 与各行金额之和 {stated} 不符", table.total_ref.ref))
    return out


__all__ = ["Allocation", "find", "projects"]
