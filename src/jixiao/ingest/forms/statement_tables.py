"""Tables of statements: 三公经费 tables, 收入支出决算总表, 财政拨款收支总表 and the like.

A table is split where a new title starts; its header gives the columns (``statement_header``);
each row is a label and its values. With rows unknown (one cell per line), a label starts a row and
the numbers after it are its values; a header with several text columns (单位名称 | 项目名称 | 金额 |
科目) is read in rows of its width instead. A long run of words
keeps its numbers, each in the column its nearest header names, but names no row: which label a
number belongs to cannot be told there. Only amount columns make figures; a fund split of the same
amount (一般公共预算 | 政府性基金) does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.domain.budget import DepartmentBudget, StatedFigure, TableSpan, ThreePublicLine

from .statement_cells import ROW_END, Cell, cells_of, column_kind
from .statement_clauses import Subject
from .statement_context import own_phase
from .statement_figures import THREE_PUBLIC, THREE_PUBLIC_TABLE, Context, Found
from .statement_header import Column, Header, Side, find_header
from .statement_numbers import MONEY_UNITS, to_yuan
from .statement_text import MARK, Block, is_unit_line
from .statement_values import figure_what, subject_of
from .statement_words import fallback_subject, function_class, scan, subjects

_UNIT = re.compile(r"单位[:：]?(万元|元)")
_COUNT = re.compile(r"\((个|人|辆|批|次|人次|批次)\)$")
_CODE = re.compile(r"^(\d{3,7})-")
_YEAR = re.compile(r"(20\d{2})")
_TP_KEYS = {"three_public_total": "total"}
_GENERIC_TOTALS = frozenset({"spending_total", "spending_grand_total"})
_TOTAL_WORDS = frozenset({"合计", "总计", "小计"})
_FIGURE_COLUMNS = frozenset({"amount", "change", "change_rate"})


@dataclass(slots=True)
class _Table:
    """One table of a block: its title, money unit and cells."""

    title: str | None
    unit: str
    cells: list[Cell | None]


def read_table(block: Block, ctx: Context, heading: str | None, found: Found,
               budget: DepartmentBudget) -> TableSpan | None:
    """Every figure of one table block into ``found`` (and 三公 lines into ``budget``)."""
    cells, rows_known = cells_of(block)
    read_any = 0
    for table in _split(cells, ctx.money_unit):
        before = len(found.figures)
        if block.layout == "stream":
            _words(table, ctx, found)
        else:
            header = find_header(table.cells, rows_known)
            if header is not None:
                _rows(table, header, rows_known, ctx, found)
        _totals_of_parts(found.figures[before:])
        _name_untitled(found.figures[before:], heading)
        _three_public_lines(found.figures[before:], budget)
        read_any += len(found.figures) - before
    if not read_any:
        return None
    title = next((t.title for t in _split(cells, ctx.money_unit) if t.title), None) or heading or "表格"
    return TableSpan(title[:60], "statement_table", title, block.lines[0].ref.line, block.lines[-1].ref.line,
                     len(block.lines))


def _title_of(cell: Cell) -> str | None:
    """A cell naming a table (…表, no digits but a year): its title without numbering."""
    key = MARK.sub("", cell.key)
    plain = _YEAR.sub("", key)
    if re.search(r"表(?:\([^()]*\))?$", key) and not re.search(r"\d", plain) and len(plain) >= 5:
        return MARK.sub("", cell.text).strip()
    return None


def _split(cells: list[Cell | None], unit: str) -> list[_Table]:
    """The block's tables: a title cell followed by a header starts a new one; unit cells set the unit."""
    out = [_Table(None, unit, [])]
    for cell in cells:
        if cell is not None and is_unit_line(cell.key) or (cell is not None and _UNIT.fullmatch(cell.key)):
            m = _UNIT.search(cell.key)  # type: ignore[union-attr]
            out[-1].unit = m.group(1) if m else out[-1].unit
            continue
        title = _title_of(cell) if cell is not None else None
        if title is not None:
            if any(c is not None and c.number is not None for c in out[-1].cells):
                out.append(_Table(title, out[-1].unit, []))
            else:
                out[-1].title = title
            continue
        out[-1].cells.append(cell)
    return out


def _rows(table: _Table, header: Header, rows_known: bool, ctx: Context, found: Found) -> None:
    data = table.cells[header.data_at:]
    _share_phase(header)
    if header.by_category:
        values = [c for c in data if c is not None and c.number is not None]
        for column, cell in zip(header.sides[0].columns, values):
            _add(table, Subject(column.category or "", column.category, column.key), cell, column, [cell], ctx, found)
        return
    texts = sum(s.labels + sum(c.kind == "code" for c in s.columns) for s in header.sides)
    if not rows_known and len(header.sides) == 1 and texts >= 2:
        _fixed(table, header.sides[0], data, ctx, found)
    else:
        _grouped(table, header, data, rows_known, ctx, found)


def _share_phase(header: Header) -> None:
    """A table whose amount columns name one phase between them (预算数 | 合计): the others are of it too."""
    columns = [c for side in header.sides for c in side.columns if c.kind == "amount"]
    named = {c.phase for c in columns if c.phase}
    if len(named) == 1:
        for c in columns:
            c.phase = c.phase or next(iter(named))


def _grouped(table: _Table, header: Header, data: list[Cell | None], rows_known: bool, ctx, found) -> None:
    """Label-led rows: a text cell and the numbers (or blanks) after it."""
    groups: list[tuple[Cell, list[Cell], int]] = []  # label, values, group's place in its row
    place = 0
    for cell in data:
        if cell is None:
            place = 0
            continue
        if cell.number is None and not cell.blank:
            groups.append((cell, [], place))
            place += 1
        elif groups:
            groups[-1][1].append(cell)
    for n, (label, values, place) in enumerate(groups):
        if column_kind(label.key) == "numbering":
            continue
        side = _side(header.sides, label, values, place if rows_known else n, rows_known)
        _row(table, label, values, side, rows_known, ctx, found)


def _side(sides: list[Side], label: Cell, values: list[Cell], place: int, rows_known: bool) -> Side:
    """Which half a row belongs to: its place in the row (rows unknown: sides alternate); a row alone
    on its line goes where its label (…支出) or its number of values puts it."""
    if len(sides) == 1:
        return sides[0]
    if not rows_known:
        return sides[place % len(sides)]
    if place > 0:
        return sides[min(place, len(sides) - 1)]
    spending = next((s for s in sides if s.name == "支出"), sides[-1])
    if "支出" in label.key and "收入" not in label.key:
        return spending
    filled = sum(not v.blank for v in values)
    if filled > len(sides[0].columns):
        return next((s for s in sides if len(s.columns) >= filled), sides[-1])
    return sides[0]


def _row(table: _Table, label: Cell, values: list[Cell], side: Side, rows_known: bool, ctx, found) -> None:
    values = values[:len(side.columns)] if not rows_known else values
    columns = side.columns
    if rows_known and values and len(values) < len(columns) and not any(v.blank for v in values) \
            and all(c.kind == "amount" for c in columns):
        columns = columns[len(columns) - len(values):]  # values set right: earlier columns left empty
    for column, cell in zip(columns, values):
        if column.kind in _FIGURE_COLUMNS and cell.number is not None:
            _add(table, _subject(label), cell, column, [label] + values, ctx, found, label)


def _fixed(table: _Table, side: Side, data: list[Cell | None], ctx, found) -> None:
    """Rows of the header's width (several text columns: 单位名称 | 项目名称 | 金额 | 科目)."""
    cells = [c for c in data if c is not None]
    kinds = ["label"] * side.labels + [c.kind for c in side.columns]
    width = len(kinds)
    for at in range(0, len(cells) - width + 1, width):
        row = cells[at:at + width]
        names = [c for c, k in zip(row, kinds) if k == "label" and not c.blank and not _CODE.match(c.key)]
        codes = [_CODE.match(c.key).group(1) for c in row if _CODE.match(c.key)]  # type: ignore[union-attr]
        for cell, column in zip(row[side.labels:], side.columns):
            if column.kind == "amount" and cell.number is not None and names:
                label = Cell(" ".join(c.text for c in names), " ".join(c.key for c in names), names[0].ref)
                fig = _add(table, _subject(label), cell, column, row, ctx, found, label)
                fig.code = next((c for c in codes if len(c) == 7 or len(c) == 5 or len(c) == 3), None)
                break


def _words(table: _Table, ctx: Context, found: Found) -> None:
    """A run of words: each number in the column its nearest header names; no row label."""
    column = None
    for cell in table.cells:
        if cell is None:
            continue
        kind = column_kind(cell.key)
        if kind == "amount":
            column = Column("amount", cell.key, *_year_phase(cell.key))
        elif cell.number is not None and column is not None and ("." in cell.key or "," in cell.key):
            _add(table, None, cell, column, [cell], ctx, found)


def _year_phase(key: str) -> tuple[int | None, str | None]:
    m = _YEAR.search(key)
    return (int(m.group(1)) if m else None), own_phase(key)


def _subject(label: Cell) -> Subject | None:
    """What a row is about: a 三公 part or statement subject its label names, else its words."""
    hits = [h for h in subjects(label.key) if h.key in THREE_PUBLIC] or subjects(label.key)
    if hits:
        return subject_of(hits[-1])
    words = fallback_subject(label.key) or MARK.sub("", label.key).removeprefix("其中:")
    return Subject(words, "function_class" if function_class(words) else None, words) if words else None


def _add(table: _Table, subject: Subject | None, cell: Cell, column: Column, row: list[Cell], ctx: Context,
         found: Found, label: Cell | None = None) -> StatedFigure:
    title_year, title_phase = _year_phase(table.title or "")
    count = _COUNT.search(label.key) if label is not None else None
    unit = count.group(1) if count else table.unit
    category = subject.category if subject is not None else None
    if count is not None:
        hits = scan(label.key, "statement_counts")  # type: ignore[union-attr]
        category = hits[-1].key if hits else None
    rate = column.kind == "change_rate" or cell.percent
    unit = "%" if rate else unit
    kind = "count" if count else ("change_rate" if rate and column.change else "change" if column.change else
                                  "rate" if rate else "level")
    fig = StatedFigure(
        what=figure_what(subject, kind), label=(label.text if label else "")[:60],
        value=cell.number, measure_unit=unit,  # type: ignore[arg-type]
        amount=None if count or rate else to_yuan(cell.number, unit),  # type: ignore[arg-type]
        text=" | ".join(c.text for c in row if c.text), source=cell.ref,
        year=column.year or title_year or ctx.year, phase=column.phase or title_phase or ctx.phase,
        change=column.change, ratio="growth" if rate and column.change else None,
        table=table.title or (THREE_PUBLIC_TABLE if category in THREE_PUBLIC else None), category=category,
        subject=category if count else (subject.key if subject is not None else None))
    found.add(fig)
    return fig


def _name_untitled(figs: list[StatedFigure], heading: str | None) -> None:
    """Figures of a table printed without a title: a 三公 table is 三公经费, another the heading above it."""
    name = THREE_PUBLIC_TABLE if any(f.category in THREE_PUBLIC for f in figs) else (heading or "表格")
    for f in figs:
        f.table = f.table or name[:60]


def _totals_of_parts(figs: list[StatedFigure]) -> None:
    """A 合计 / 支出合计 row of a table whose rows are 三公 parts is the 三公经费 total."""
    if not any(f.category in THREE_PUBLIC for f in figs):
        return
    for f in figs:
        if f.category in _GENERIC_TOTALS or (f.category is None and f.subject in _TOTAL_WORDS):
            f.category = f.subject = "three_public_total"
            f.what = figure_what(Subject(f.subject, f.category, ""), "level")
            f.table = f.table or THREE_PUBLIC_TABLE


def _three_public_lines(figs: list[StatedFigure], budget: DepartmentBudget) -> None:
    """A 三公 table's amounts as three_public_lines too (the shape 表12 of a 部门预算 gives them)."""
    for f in figs:
        if f.category in THREE_PUBLIC and f.amount is not None and f.change is None:
            budget.three_public_lines.append(ThreePublicLine(
                None, f.year, _TP_KEYS.get(f.category, f.category), f.amount, f.value,  # type: ignore[arg-type]
                MONEY_UNITS.get(f.measure_unit, "wan_yuan"), table=THREE_PUBLIC_TABLE,
                source=f.source))


__all__ = ["read_table"]
