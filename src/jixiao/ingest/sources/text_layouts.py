"""Text as extraction really gives it → rows of cells, recognised line by line.

Published forms reach us as text in several layouts, often mixed in one file (a prose preface,
then a table): pipe tables (``| 项目名称 | 义务教育… |``, empty cells as ``||``, one table row
broken over several lines, or one cell per line closed by `` |``); one cell per line with blank
lines between cells (web-page dumps, where a line holding only spaces is an empty cell);
space-separated cells (``年度资金总额: 100 100 100 10 100% 10``); prose; and whole forms flattened
into one long line of words (``stream``: labels and values run together, split later by the
readers with the vocabulary). Every row keeps its exact source line; nothing here knows a form.
"""

from __future__ import annotations

import re

from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Row

_SPACE_RUN = re.compile(r"[ \t\u3000\xa0]+")
_NUMBER_END = re.compile(r"[-+]?[0-9][0-9,.]*%?$")
_UNIT_START = re.compile(r"^(?:%|万元|万|元|年|月|日|个|人|次|亿元|亿|分)")
_SENTENCE = re.compile(r"[。；;！？]")
_COMMA = re.compile(r"[，,、]")
_OPEN, _CLOSE = "(（[【《", ")）]】》"
LONG_LINE = 120  # characters: a line longer than this is prose or a flattened form, not a cell


def is_blank(line: str) -> bool:
    """A line with nothing but white space (or nothing)."""
    return not line.strip()


def pipe_line(line: str) -> bool:
    """A line that belongs to a pipe table."""
    return "|" in line


def _split_pipes(text: str) -> list[str]:
    """``| a | b ||`` → ``["a", "b"]``: the border pipes dropped, trailing empties dropped."""
    t = text.strip()
    if t.startswith("|"):
        t = t[1:]
    cells = [clean_cell(c) for c in t.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


class PipeTable:
    """Pipe lines → rows. A line with two or more filled cells, or with a pipe at both ends, is a
    row of its own; otherwise each pipe closes a cell (``a |`` one cell per line, a line of pipes
    only adding empty cells), a line without pipes continues the open cell, and a line ending in a
    run of pipes closes the row."""

    def __init__(self, file: str, block: int):
        self.file, self.block = file, block
        self.rows: list[Row] = []
        self._cells: list[str] = []
        self._open: list[str] | None = None  # the text of the cell being read, line by line
        self._start: int | None = None  # the row's first line

    def add(self, line: str, number: int) -> None:
        """One more line of the table."""
        s = line.strip()
        if "|" not in s:
            if s:
                self._text(s, number)
            return
        parts = s.split("|")
        filled = sum(1 for p in parts if p.strip())
        if filled >= 2 or (filled and s.startswith("|") and s.endswith("|") and s.count("|") >= 2):
            self.close()
            self.rows.append(Row.at_line(_split_pipes(s), self.file, number, "pipe"))
            self.rows[-1].block = self.block
            return
        if parts[0].strip():
            self._text(parts[0].strip(), number)
        for part in parts[1:]:
            self._pipe(number)
            if part.strip():
                self._text(part.strip(), number)
        if re.search(r"\|\s*\|\s*$", s):
            self.close()

    def _text(self, text: str, number: int) -> None:
        if self._start is None:
            self._start = number
        if self._open is None:
            self._open = []
        self._open.append(text)

    def _pipe(self, number: int) -> None:
        if self._open is not None:
            self._cells.append(clean_cell(" ".join(self._open)))
            self._open = None
        elif self._cells:  # a pipe with no text before it: an empty cell (a first pipe is a border)
            self._cells.append("")
        if self._start is None:
            self._start = number

    def close(self) -> None:
        """End the row being read, if any."""
        if self._open is not None:
            self._cells.append(clean_cell(" ".join(self._open)))
            self._open = None
        while self._cells and not self._cells[-1]:
            self._cells.pop()
        if self._cells and self._start is not None:
            row = Row.at_line(self._cells, self.file, self._start, "pipe")
            row.block = self.block
            self.rows.append(row)
        self._cells, self._start = [], None


def space_cells(line: str) -> list[str]:
    """A line split at its runs of white space, except inside brackets and between a number and
    its unit (``2021 年度``, ``4220.18 万元`` stay one cell)."""
    text = line.strip()
    cells: list[str] = []
    start = pos = depth = 0
    for m in _SPACE_RUN.finditer(text):
        chunk = text[pos:m.start()]
        depth = max(0, depth + sum(chunk.count(c) for c in _OPEN) - sum(chunk.count(c) for c in _CLOSE))
        pos = m.end()
        if depth > 0 or _number_and_unit(text[start:m.start()], text[m.end():]):
            continue
        cells.append(text[start:m.start()])
        start = m.end()
    cells.append(text[start:])
    return [c for c in map(clean_cell, cells) if c]


def _number_and_unit(head: str, tail: str) -> bool:
    """``4220.18`` | ``万元…``: a number and the unit that follows it, not two cells."""
    return bool(_NUMBER_END.search(head)) and bool(_UNIT_START.match(tail)) \
        and not _NUMBER_END.fullmatch(_SPACE_RUN.split(tail, 1)[0])


def line_layout(line: str) -> str:
    """How one non-pipe, non-blank line reads: ``space`` (cells), ``prose``, ``stream`` or ``cells``."""
    text = line.strip()
    sentences = len(_SENTENCE.findall(text))
    if len(text) >= LONG_LINE:
        words = len(_SPACE_RUN.findall(text))
        return "prose" if sentences * 80 >= len(text) and words < len(text) / 20 else "stream"
    if _SPACE_RUN.search(text) is None:
        return "cells"
    cells = space_cells(text)
    if len(cells) < 2:
        return "cells"
    if sentences or (len(_COMMA.findall(text)) >= 2 and sum(map(len, cells)) / len(cells) > 15):
        return "prose"
    return "space"


def text_rows(lines: list[str], file: str) -> list[Row]:
    """Lines of a file (without tabs) → its rows, each with its layout, block and 1-based line."""
    rows: list[Row] = []
    table: PipeTable | None = None
    block, last_layout = 0, None
    for i, line in enumerate(lines):
        number = i + 1
        if table is not None:
            if pipe_line(line) or _continues_pipe_cell(lines, i):
                table.add(line, number)
                continue
            table.close()
            rows.extend(table.rows)
            table = None
        if pipe_line(line):
            block += 1
            table = PipeTable(file, block)
            table.add(line, number)
            last_layout = "pipe"
            continue
        if is_blank(line):
            if line and _between_blanks(lines, i):  # a line of spaces between cells: an empty cell
                rows.append(Row.at_line([""], file, number, "cells"))
                rows[-1].block = block
            continue
        layout = line_layout(line)
        if layout != last_layout:
            block += 1
            last_layout = layout
        cells = space_cells(line) if layout == "space" else [clean_cell(line)]
        rows.append(Row.at_line(cells, file, number, layout))
        rows[-1].block = block
    if table is not None:
        table.close()
        rows.extend(table.rows)
    return rows


def _continues_pipe_cell(lines: list[str], i: int) -> bool:
    """A line without pipes inside a pipe row broken over lines: the last line before it with text
    ends in a pipe and the next one starts with a pipe (``|   质量指标`` style)."""
    before = next((lines[j].strip() for j in range(i - 1, max(i - 3, -1), -1) if lines[j].strip()), "")
    after = next((lines[j].strip() for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), "")
    return before.endswith("|") and after.startswith("|") and not is_blank(lines[i]) or \
        (is_blank(lines[i]) and before.endswith("|") and after.startswith("|"))


def _between_blanks(lines: list[str], i: int) -> bool:
    """Whether line ``i`` sits between two empty lines (or the file's ends), as cells of a
    one-cell-per-line dump are laid out."""
    prev_empty = i == 0 or lines[i - 1] == ""
    next_empty = i + 1 >= len(lines) or lines[i + 1] == ""
    return prev_empty and next_empty


__all__ = ["LONG_LINE", "PipeTable", "line_layout", "space_cells", "text_rows"]
