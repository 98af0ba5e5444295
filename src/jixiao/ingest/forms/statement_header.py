"""The header of a statement table: its columns, each with its kind, year and phase, in sides.

A 收支 table has two halves (收入 | 支出), each a label column and its value columns; a 三公 table
may have no label column at all, its header naming the parts (``“三公”经费合计 | 因公出国(境)费 |
公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费``) over one row of values. Columns are
found by what their header says (vocabulary ``[table_columns]``), never by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.vocabulary import vocabulary

from .statement_cells import ROW_END, Cell, column_kind
from .statement_context import own_phase
from .statement_values import subject_of
from .statement_words import comparisons, subjects

_YEAR = re.compile(r"(20\d{2})")


@dataclass(slots=True)
class Column:
    """A value column: its kind (amount, fund, index, code), year and phase from its header."""

    kind: str
    key: str
    year: int | None = None
    phase: str | None = None
    category: str | None = None  # a 三公 table whose header names the parts
    change: str | None = None  # change columns: what they compare with (yoy, vs_budget)


@dataclass(slots=True)
class Side:
    """One half of a table: its label columns and the value columns after them."""

    labels: int = 1
    columns: list[Column] = field(default_factory=list)
    name: str | None = None  # 收入 / 支出

    @property
    def width(self) -> int:
        """Cells a row of this side holds."""
        return self.labels + len(self.columns)


@dataclass(slots=True)
class Header:
    """The columns of a table and where its data starts in the cells."""

    sides: list[Side]
    data_at: int
    by_category: bool = False  # a header of 三公 parts, values in one row


def _column(cell: Cell, kind: str) -> Column:
    year = _YEAR.search(cell.key)
    return Column(kind, cell.key, int(year.group(1)) if year else None, own_phase(cell.key))


def find_header(cells: list[Cell | None], rows_known: bool) -> Header | None:
    """The table's header, or None when no cell heads a column."""
    first_number = next((i for i, c in enumerate(cells) if c is not None and c.number is not None), len(cells))
    start = next((i for i, c in enumerate(cells[:first_number]) if c is not None and column_kind(c.key) == "label"),
                 None)
    if start is None:
        return _category_header(cells, first_number)
    names = [c.key for c in cells[:start] if c is not None and column_kind(c.key) == "side"]
    end, columns = start, []
    while end < first_number and cells[end] is not None and not cells[end].blank:  # type: ignore[union-attr]
        kind = column_kind(cells[end].key)  # type: ignore[union-attr]
        if kind in (None, "numbering", "side"):
            break
        columns.append((cells[end], kind))
        end += 1
    columns, end = _drop_first_label(cells, columns, end, first_number)
    return Header(_sides(columns, names), end)


def _drop_first_label(cells, columns, end: int, first_number: int):
    """The text cell right before the first number is the first row's label (合计), not a column."""
    last_text = max((i for i in range(first_number) if cells[i] is not None and not cells[i].blank), default=-1)
    if columns and last_text == end - 1 and columns[-1][1] != "label":
        return columns[:-1], end - 1
    return columns, end


def _sides(columns: list[tuple[Cell, str]], names: list[str]) -> list[Side]:
    sides: list[Side] = []
    first_label = next((cell.key for cell, kind in columns if kind == "label"), None)
    for cell, kind in columns:
        if kind == "label":
            if sides and not sides[-1].columns:
                sides[-1].labels += 1
                continue
            if sides and cell.key != first_label and len(sides) >= len(names):
                sides[-1].columns.append(_column(cell, "text"))  # a text column of the same half (科目)
                continue
            sides.append(Side(name=names[len(sides)] if len(sides) < len(names) else None))
        elif sides:
            sides[-1].columns.append(_column(cell, "amount" if kind in ("amount", "subtotal") else kind))
            if kind in ("change", "change_rate"):
                comps = comparisons(cell.key)
                sides[-1].columns[-1].change = comps[-1].key if comps else "yoy"
    return sides


def _category_header(cells: list[Cell | None], first_number: int) -> Header | None:
    """A header of 三公 parts: the parts in order, a part with its own parts under
    小计 standing for itself followed by them; fragments of one label joined (公务 / 接待费)."""
    heads: list[str] = []
    pending = ""
    for c in cells[:first_number]:
        if c is None or c.blank:
            continue
        key = pending + c.key
        cats = [h for h in subjects(key) if h.end == len(key) and h.start == 0]
        if cats or column_kind(key) == "subtotal":
            heads.append(subject_of(cats[-1]).key if cats else "subtotal")
            pending = ""
        elif len(key) <= 4:
            pending = key
        else:
            pending = ""
    order = _expand(heads)
    if len(order) < 2 or any(c is not None and c.number is None and not c.blank for c in cells[first_number:]):
        return None  # a header of parts heads one row of numbers; rows with labels (units, years) are other tables
    return Header([Side(0, [Column("amount", cat, category=cat) for cat in order])], first_number, True)


def _expand(heads: list[str]) -> list[str]:
    """Header parts in the order of their value columns: a part followed later by 小计 and its own
    parts stands where it is, as 小计, its parts right after it."""
    parents = {child: p for child, p in vocabulary().labels("three_public_parents").items()}
    if "subtotal" not in heads:
        return heads
    at = heads.index("subtotal")
    top, under = heads[:at], [h for h in heads[at + 1:] if h != "subtotal"]
    parent = next((h for h in top if under and all(parents.get(u) == h for u in under)), None)
    if parent is None:
        return [h for h in heads if h != "subtotal"]
    i = top.index(parent)
    return top[:i + 1] + under + top[i + 1:]


__all__ = ["Column", "Header", "ROW_END", "Side", "find_header"]
