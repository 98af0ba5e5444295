"""What a reviewer asks of a stored department budget: totals by unit, by function, by source.

All amounts come back in yuan (Decimal); the caller shows them in the document's unit. Each answer
carries the table's own stated total next to the sum, so a difference is visible, never hidden.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.budget import CLASS_NAMES, code_at
from jixiao.storage.budget_models import BudgetLineRow, IncomeLineRow, ProcurementLineRow
from jixiao.storage.models import DocumentRow

ZERO = Decimal(0)


class NoBudget(LookupError):
    """The store holds no department budget (or not the one asked for)."""


@dataclass(slots=True)
class Total:
    """One row of an answer: a key (unit, code, source), its name and amounts by column."""

    key: str | None
    name: str | None
    amounts: dict[str, Decimal] = field(default_factory=dict)
    count: int = 0


@dataclass(slots=True)
class Answer:
    """Rows, their sum, and the total the table itself states (None when it states none)."""

    document: DocumentRow
    table: str
    rows: list[Total]
    summed: Decimal
    stated_total: Decimal | None
    tolerance: Decimal = ZERO  # rounding a published table allows (half a unit per summed row)

    @property
    def difference(self) -> Decimal | None:
        """Sum minus stated total."""
        return None if self.stated_total is None else self.summed - self.stated_total


def budget_document(session: Session, document_id: int | None = None) -> DocumentRow:
    """The department budget asked for, else the latest one stored."""
    q = select(DocumentRow).where(DocumentRow.kind == "department_budget")
    if document_id is not None:
        q = q.where(DocumentRow.id == document_id)
    doc = session.scalar(q.order_by(DocumentRow.id.desc()).limit(1))
    if doc is None:
        raise NoBudget("库中没有部门预算文档")
    return doc


def lines(session: Session, doc_id: int, table: str | None = None, **where) -> list[BudgetLineRow]:
    """Budget lines of one document (optionally one table and column values), in reading order."""
    q = select(BudgetLineRow).where(BudgetLineRow.document_id == doc_id)
    if table:
        q = q.where(BudgetLineRow.table_name == table)
    for column, value in where.items():
        q = q.where(getattr(BudgetLineRow, column) == value)
    return list(session.scalars(q.order_by(BudgetLineRow.id)))


def rounding(doc: DocumentRow, n: int) -> Decimal:
    """What rounding to whole 万元 allows for a sum of ``n`` rows, in yuan."""
    step = Decimal(10000) if doc.money_unit == "wan_yuan" else Decimal("0.01")
    return step / 2 * max(n, 1)


def by_unit(session: Session, document_id: int | None = None) -> Answer:
    """表3 per unit: total, basic and project spending and planned procurement, with 表3's total."""
    doc = budget_document(session, document_id)
    rows: dict[str, Total] = {}
    stated = None
    for b in lines(session, doc.id, "表3"):
        if b.row_kind == "total":
            stated = b.amount if b.spending_type == "total" else stated
            continue
        rows.setdefault(b.unit, Total(None, b.label)).amounts[b.spending_type] = b.amount
    for p in session.scalars(select(ProcurementLineRow).where(
            ProcurementLineRow.document_id == doc.id, ProcurementLineRow.table_name == "表3",
            ProcurementLineRow.row_kind == "line")):
        if p.unit in rows:  # keyed by unit; the row shows the unit's label as written
            rows[p.unit].amounts[f"procurement_{p.measure}"] = p.amount
    summed = sum((r.amounts.get("total", ZERO) for r in rows.values()), ZERO)
    return Answer(doc, "表3", list(rows.values()), summed, stated, rounding(doc, len(rows)))


def by_function(session: Session, level: str, table: str = "表1", document_id: int | None = None) -> Answer:
    """Spending by 类/款/项: 表1/表6 as stated at that level, 表7 summed from its 项 by code."""
    doc = budget_document(session, document_id)
    all_lines = lines(session, doc.id, table)
    if table == "表7":
        rows = _rolled_up(all_lines, level, _names(session, doc.id))
        stated = next((b.amount for b in all_lines if b.row_kind == "total" and b.spending_type == "total"), None)
    else:
        rows = [Total(b.function_code, b.function_name, {"total": b.amount}, 1)
                for b in all_lines if b.function_level == level]
        stated = next((b.amount for b in all_lines if b.row_kind == "total"), None)
    summed = sum((r.amounts.get("total", ZERO) for r in rows), ZERO)
    return Answer(doc, table, rows, summed, stated, rounding(doc, len(rows)))


def _names(session: Session, doc_id: int) -> dict[str, str]:
    """Function names by code, from every table that states or derives them."""
    out = dict(CLASS_NAMES)
    for b in lines(session, doc_id):
        if b.function_code and b.function_name:
            out.setdefault(b.function_code, b.function_name)
    return out


def _rolled_up(all_lines: list[BudgetLineRow], level: str, names: dict[str, str]) -> list[Total]:
    out: dict[str, Total] = {}
    for b in all_lines:
        if b.function_level != "item" or b.row_kind != "line":
            continue
        code = code_at(b.function_code, level) or "?"
        row = out.setdefault(code, Total(code, names.get(code)))
        row.amounts[b.spending_type] = row.amounts.get(b.spending_type, ZERO) + b.amount
        row.count += b.spending_type == "total"
    return sorted(out.values(), key=lambda t: t.key or "")


def by_source(session: Session, table: str = "表1", document_id: int | None = None) -> Answer:
    """Income by source (表1 or 表6) as stated, level by level, with the stated 本年收入合计."""
    doc = budget_document(session, document_id)
    q = select(IncomeLineRow).where(IncomeLineRow.document_id == doc.id, IncomeLineRow.table_name == table)
    rows, stated, summed, n = [], None, ZERO, 0
    for i in session.scalars(q.order_by(IncomeLineRow.id)):
        if i.row_kind == "total":
            stated = i.amount
            continue
        if i.row_kind == "grand_total":
            continue
        rows.append(Total(i.fund_source, ("　" * (i.level - 1)) + i.label, {"total": i.amount}, i.level))
        if i.level == 1 and stated is None:
            summed, n = summed + i.amount, n + 1
    return Answer(doc, table, rows, summed, stated, rounding(doc, n))


def per_unit_sums(session: Session, table: str, document_id: int | None = None) -> dict[str, tuple]:
    """Per unit of 表7: (the unit row's stated total, the sum of its 项 lines), in yuan."""
    doc = budget_document(session, document_id)
    stated: dict[str, Decimal] = {}
    summed: dict[str, Decimal] = defaultdict(Decimal)
    for b in lines(session, doc.id, table, spending_type="total"):
        if b.row_kind == "subtotal" and b.unit:
            stated[b.unit] = b.amount
        elif b.function_level == "item" and b.unit:
            summed[b.unit] += b.amount
    return {u: (stated[u], summed.get(u, ZERO)) for u in stated}
