"""Printed budget and final-account tables (部门预算 / 部门决算 as the Shanghai and Jiangsu PDFs print
them): each ruled table found with its title, money unit, year, phase, header and body rows.

A table is known by its title (``[printed_tables]`` in the vocabulary, the longest label in it
winning), printed as a line above the table or as a first row spanning it; never by page or file.
The header is the rows above the first row holding an amount; a column's name is its header cells
joined top to bottom (a cell spanning columns heads each of them). A note under a table saying it
is empty (本表为空表, 无…收支) is kept with the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.source import SourceRef
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.grid import Grid, Row

_QUOTES = str.maketrans("", "", "\"“”‘’'「」")
_YEAR = re.compile(r"(20\d{2})\s*年")
_UNIT = re.compile(r"单位[:：]\s*(万元|元)")
_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$|^-?\d+$")
_AFTER_TITLE = re.compile(r"\s*(?:编制)?(?:部门|单位)\s*[:：]")
_TITLE_BACK = 4  # prose lines above a table that may hold its title and unit
_NOTE_AFTER = 2  # prose lines under a table that may say it is empty
_EMPTY_WORDS = re.compile(r"^(?:注[:：])?.{0,30}(?:无|没有).{0,30}(?:收支|收入|支出|预算|决算|资金|安排|数据)")


@dataclass(slots=True)
class PrintedTable:
    """One printed table of a budget or final-account document."""

    kind: str  # vocabulary key (income_spending, general_public, three_public …)
    name: str  # short name, stored as the lines' table (收支总表 …)
    title: str  # as printed
    title_ref: SourceRef | None
    money_unit: str | None  # wan_yuan / yuan, from 单位：万元 near the title; None = not said
    year: int | None
    phase: str  # budget / final
    header: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    empty_note: str | None = None
    empty_ref: SourceRef | None = None


def title_key(text: str) -> str:
    """A title as matched: normalised, without quotation marks."""
    return normalise(text.translate(_QUOTES))


def table_kind(text: str) -> tuple[str, str] | None:
    """(kind, short name) of a printed table title, or None."""
    key = title_key(text)
    if len(key) > 90 or not key.endswith(("表", ")")):
        return None
    voc = vocabulary()
    found = voc.scan(key, ("printed_tables",))
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    return best.key, voc.first("printed_tables", best.key)


def is_amount(text: str) -> bool:
    """A printed amount: ``31,214,205.80``, ``0.95``, ``2940``."""
    return bool(_AMOUNT.match(text.strip()))


def find_tables(grids: list[Grid], default_year: int | None) -> list[PrintedTable]:
    """Every titled table of the grids' ruled tables, in reading order."""
    out: list[PrintedTable] = []
    for grid in grids:
        rows = grid.rows
        i = 0
        while i < len(rows):
            if rows[i].layout is not None:
                i += 1
                continue
            j = i
            while j < len(rows) and rows[j].layout is None and rows[j].block == rows[i].block:
                j += 1
            table = _table(rows, i, j, default_year)
            if table is not None:
                _note(table, rows, j)
                out.append(table)
            i = j
    return out


def _table(rows: list[Row], start: int, end: int, default_year: int | None) -> PrintedTable | None:
    block = rows[start:end]
    title, unit = _title_above(rows, start)
    if title is None:
        title, unit, skip = _title_inside(block)
        block = block[skip:]
    if title is None:
        return None
    text, ref, (kind, name) = title
    year = _YEAR.search(text)
    phase = "final" if "决算" in text else "budget"
    table = PrintedTable(kind, name, text.strip(), ref, unit, int(year.group(1)) if year else default_year, phase)
    head = 0
    while head < len(block) and not _has_amount(block[head]):
        head += 1
    if head == len(block):  # no amount at all: an empty table, its last row (合计) is no header
        head = max(1, min(head, _header_rows(block)))
    table.header, table.body = block[:head], block[head:]
    table.columns = column_names(table.header, max((len(r.cells) for r in block), default=0), table.body)
    return table


def _title_inside(block: list[Row]):
    """(title, unit, rows to skip) of a table whose first filled row is its title, often with
    the department and unit after it (收支预算总表部门：江苏省政协办公厅 单位：万元)."""
    for k, r in enumerate(block[:_TITLE_BACK]):
        cells = r.nonempty()
        if not cells:
            continue
        if len(cells) != 1:
            break
        text = cells[0]
        m = _UNIT.search(text.replace(" ", ""))
        unit = None if m is None else "wan_yuan" if m.group(1) == "万元" else "yuan"
        head = _AFTER_TITLE.split(text, 1)[0]
        found = table_kind(head)
        if found is not None:
            return (head.strip(), r.ref, found), unit, k + 1
        if k == 0 or found is None:
            continue
    return None, None, 0


def _header_rows(block: list[Row]) -> int:
    """Header rows of a table without amounts: up to the first blank row or total row."""
    for k, r in enumerate(block):
        if not r.nonempty() or normalise(r.nonempty()[0]) in ("合计", "总计"):
            return k
    return len(block)


def _has_amount(row: Row) -> bool:
    return any(is_amount(c) for c in row.nonempty())


def _title_above(rows: list[Row], start: int):
    """(title text, ref, (kind, name)) and money unit from the prose lines above a table."""
    unit = None
    for k in range(start - 1, max(-1, start - 1 - _TITLE_BACK), -1):
        r = rows[k]
        if r.layout is None:
            break
        text = r.text()
        m = _UNIT.search(text.replace(" ", ""))
        if m and unit is None:
            unit = "wan_yuan" if m.group(1) == "万元" else "yuan"
        found = table_kind(text)
        if found is not None:
            return (text, r.ref, found), unit
    return None, unit


def _note(table: PrintedTable, rows: list[Row], end: int) -> None:
    """A note under the table saying it is empty (本表为空表 / 本部门无政府性基金收支)."""
    voc = vocabulary()
    for r in rows[end:end + _NOTE_AFTER]:
        if r.layout is None:
            return
        key = normalise(r.text())
        if table_kind(r.text()) is not None:
            return
        if voc.scan(key, ("empty_tables",)) or _EMPTY_WORDS.match(key):
            table.empty_note, table.empty_ref = r.text().strip(), r.ref
            return


def column_names(header: list[Row], width: int, body: list[Row] | None = None) -> list[str]:
    """Each column's header cells joined top to bottom with spaces; a cell spanning columns (the
    same source cited by each, or a box over the column's first body cell) heads every column it
    spans; a repeated cell is named once."""
    names: list[list[str]] = [[] for _ in range(width)]
    centres = _centres(body[0] if body else None, width)
    for r in header:
        refs = r.cell_refs
        last, last_box = "", None
        for j in range(width):
            text = r.cell(j).strip()
            if not text and refs is not None and j < len(refs):
                if 0 < j < len(r.cells) and refs[j] is refs[j - 1]:
                    text = last  # the rest of a cell spanning columns
                elif last_box is not None and centres[j] is not None and last_box[0] <= centres[j] <= last_box[2]:
                    text = last  # a header cell wider than its column (ruled otherwise than the body)
            if text:
                last = text
                last_box = refs[j].box if refs is not None and j < len(refs) else None
            if text and (not names[j] or names[j][-1] != text):
                names[j].append(text)
    return [" ".join(n) for n in names]


def _centres(row: Row | None, width: int) -> list[float | None]:
    """The horizontal centre of each column's cell in a body row (None where unknown)."""
    out: list[float | None] = [None] * width
    if row is None or row.cell_refs is None:
        return out
    for j, ref in enumerate(row.cell_refs[:width]):
        if ref.box is not None:
            out[j] = (ref.box[0] + ref.box[2]) / 2
    return out


__all__ = ["PrintedTable", "column_names", "find_tables", "is_amount", "table_kind", "title_key"]
