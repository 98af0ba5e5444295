"""The cells of a statement table as text extraction left them, and what its header cells are.

Text extraction gives a table as pipe rows (``一、本年收入 | 78.50 | 一、本年支出 | 78.50``), as one
cell per line (``3 |``, a bare ``|`` for an empty cell, or cells with no mark at all), as a label and
its numbers on a line (``一、支出合计 250000``), or as one long run of words. Rows whose cells are
known end with a row break; cells of one cell per line come as one stream, rows unknown. When the
text source splits such text into cells itself, its rows are taken as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.domain.numbers import parse_decimal
from jixiao.domain.source import SourceRef
from jixiao.domain.vocabulary import vocabulary

from .statement_text import Block, Line, key_of, line_cells, split_row

ROW_END = None
_STREAM_GAP = 3  # lines of one cell that may stand between two pipe lines of one stream
# A "row" of more cells than a table row holds is one cell per line run together: rows unknown.
_ROW_CELLS = 12
_MASK = re.compile(r"\(略\)")


@dataclass(slots=True)
class Cell:
    """One cell: its text as printed, its key, where it is, and its number when it is one."""

    text: str
    key: str
    ref: SourceRef
    number: object = None  # Decimal when the cell is a number
    percent: bool = False  # the number was printed with %

    @property
    def blank(self) -> bool:
        """An empty cell (or one holding only a dash)."""
        return not self.key.strip("-—/")


def _cell(text: str, ref: SourceRef) -> Cell:
    text = text.strip()
    key = key_of(text)
    percent = key.endswith("%")
    digits = key[:-1] if percent else key
    number = parse_decimal(digits) if digits[:1].isdigit() or digits[:2].lstrip("-")[:1].isdigit() else None
    return Cell(text, key, ref, number, percent and number is not None)


def cells_of(block: Block) -> tuple[list[Cell | None], bool]:
    """The block's cells in reading order with row breaks (None), and whether its rows are known."""
    out: list[Cell | None] = []
    stream: list[Line] = []
    rows_known = streamed = False
    lines = block.lines
    for i, line in enumerate(lines):
        if split_row(line):
            _flush(stream, out)
            cells = line.row.cells  # type: ignore[union-attr]
            refs = _cell_refs(line, cells, lines[i + 1].ref.line if i + 1 < len(lines) else block.next_line)
            out += [_cell(c, r) for c, r in zip(cells, refs)] + [ROW_END]
            rows_known = rows_known or len(cells) <= _ROW_CELLS
            streamed = streamed or len(cells) > _ROW_CELLS
        elif _pipe_row(line.text):
            _flush(stream, out)
            cells = line.text.split("|")
            out += [_cell(c, line.ref) for c in _trim(cells)] + [ROW_END]
            rows_known = True
        elif "|" in line.text or (stream and any("|" in x.text for x in lines[i + 1:i + 1 + _STREAM_GAP])):
            stream.append(line)
        else:
            _flush(stream, out)
            parts = line_cells(line.text) if block.layout != "stream" else line.text.split()
            out += [_cell(c, line.ref) for c in parts]
            if len(parts) > 1 and block.layout != "stream":
                out.append(ROW_END)
                rows_known = True
    _flush(stream, out)
    return out, rows_known and not streamed


def _cell_refs(line: Line, cells: list[str], next_line: int | None) -> list[SourceRef]:
    """Each cell's source: its own line when the row's cells stood one per line over the lines it spans
    (``3 |`` / ``1.71 |``), else the row's line."""
    row = line.row
    if row is not None and row.cell_refs is not None and len(row.cell_refs) == len(cells):
        return list(row.cell_refs)
    start = line.ref.line
    if start is not None and next_line is not None and next_line - start == len(cells) > 1:
        return [SourceRef(line.ref.file, start + k) for k in range(len(cells))]
    return [line.ref] * len(cells)


def _pipe_row(text: str) -> bool:
    parts = [p.strip() for p in text.split("|")]
    return sum(bool(p) for p in parts) >= 2


def _trim(cells: list[str]) -> list[str]:
    """A pipe row's cells without the empty ones a leading or trailing pipe makes."""
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    if cells and not cells[0].strip():
        cells = cells[1:]
    return cells


def _flush(stream: list[Line], out: list[Cell | None]) -> None:
    """One cell per line marked by pipes (``3 |``, ``|``): the lines joined, cut at each pipe."""
    if not stream:
        return
    text = "\n".join(line.text for line in stream)
    starts, at = [], 0
    for line in stream:
        starts.append((at, line.ref))
        at += len(line.text) + 1
    pos = 0
    pieces = text.split("|")
    if pieces and not pieces[-1].strip():
        pieces = pieces[:-1]
    for piece in pieces:
        ref = next((r for a, r in reversed(starts) if a <= pos + len(piece) - len(piece.lstrip())), starts[0][1])
        out.append(_cell(piece.replace("\n", ""), ref))
        pos += len(piece) + 1
    stream.clear()


def column_kind(key: str) -> str | None:
    """What a header cell is: label, amount, subtotal, fund, index, code, side; None for none."""
    key = _MASK.sub("", key)
    table = vocabulary().labels("table_columns")
    if key in table:
        return table[key]
    stripped = re.sub(r"20\d{2}(?:年度?|-|年度-)?", "", key)
    return table.get(stripped)


__all__ = ["Cell", "ROW_END", "cells_of", "column_kind"]
