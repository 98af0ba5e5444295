"""Walking one 部门预算 table: skip its page furniture, follow its headers, carry unit names down."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.model import Document, ParseWarning
from jixiao.domain.numbers import to_yuan
from jixiao.ingest.grid import Row

from .budget_cells import Columns, Rule, columns_from, department_in, is_header, is_table_mark, money_unit_in, \
    plain
from .budget_split import Section, title_kind


@dataclass(slots=True)
class Ctx:
    """What a table reader needs: the document, the budget being filled, the table's money unit."""

    doc: Document
    budget: DepartmentBudget
    table: str
    unit: str

    def money(self, value: Decimal) -> tuple[Decimal, Decimal]:
        """(yuan, as written) for an amount of this table."""
        return to_yuan(value, self.unit), value

    def warn(self, message: str, row: Row) -> None:
        """Record what could not be read, with the row it came from."""
        self.doc.warnings.append(ParseWarning(f"{self.table}：{message}", row.ref, "\t".join(row.cells)))


def context(doc: Document, budget: DepartmentBudget, section: Section) -> Ctx:
    """The reading context of one table: its own ``单位：万元`` label, else the document's unit."""
    unit = budget.money_unit
    for row in section.rows[:12]:
        found = money_unit_in(row.text())
        if found:
            unit = found
            break
    return Ctx(doc=doc, budget=budget, table=section.label, unit=unit)


def is_furniture(row: Row, budget: DepartmentBudget) -> bool:
    """Markers, titles, ``单位名称：``, ``单位：万元`` and ``(2020年)`` lines repeated on each page."""
    cells = row.nonempty()
    if len(cells) != 1:
        return False
    text = cells[0]
    if is_table_mark(text) or title_kind(text) is not None or money_unit_in(text):
        return True
    dept = department_in(text)
    if dept:
        budget.department = budget.department or dept
        return True
    t = plain(text)
    return t.startswith("(") and t.endswith(")") and "年" in t and len(t) < 16


def data_rows(section: Section, ctx: Ctx, rules: tuple[Rule, ...],
              extra: tuple[str, ...] = ()) -> Iterator[tuple[Row, Columns]]:
    """The data rows of a table with the columns named by the latest header block above them."""
    cols = Columns(rules=rules)
    block: list[Row] = []
    for row in section.rows:
        cells = row.nonempty()
        if not cells or (len(cells) == 1 and is_furniture(row, ctx.budget)):  # furniture is one cell
            continue
        if is_header(row, rules, extra):
            block.append(row)
            continue
        if block:
            cols = columns_from(block, rules)
            block = []
        yield row, cols
