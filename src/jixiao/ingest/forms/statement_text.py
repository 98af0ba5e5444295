"""The text of a statement as the reader walks it: headings, paragraphs and tables, in order.

PDF-to-HTML text breaks lines inside sentences and numbers (``公务用车购`` / ``置及运行费``,
``1.5万`` / ``元``): a prose line that does not end a sentence is continued by the next prose line.
Runs of table lines (pipes, one cell per line, space-aligned columns, a long run of words and
numbers) holding numbers are kept apart, in order, for the table reader. Every paragraph keeps the
line each character of its normalised text came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.source import SourceRef
from jixiao.domain.text import normalise
from jixiao.ingest.grid import Row

_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
MARK = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十\d]{1,3}[)]"
                  r"|\d{1,2}[、.](?!\d)|#+)")
_HEADING_END = re.compile(r"(?:说明|情况|报告|表|决算|预算|概况|原则|安排|附件\d*)[。:.]?$")
_SENTENCE_END = frozenset("。;:!?")
_FIGURE = re.compile(r"\d(?:[\d,.]*)(?:亿元|万元|元|%)")
_SPACED = re.compile(r"\S {2,}\S")
_PUNCTUATION = re.compile(r"[;。]|,(?!\d{3})|(?<!\d),")
_HEADER_WORD = re.compile(r"20\d{2}|预算|决算|执行|合计|金额")
_BARE = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
_NUMBERS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
_UNIT_LINE = re.compile(r"^(?:金额)?单位[:：]")
_SHORT, _LONG_LINE, _STREAM_NUMBERS, _STREAM_WORDS = 24, 15, 4, 20


def key_of(text: str) -> str:
    """The text as labels are matched: normalised, and without quotation marks (“三公”经费 → 三公经费)."""
    return normalise(text).translate(_QUOTES)


@dataclass(slots=True)
class Line:
    """One non-empty source line: its text as printed, its key and where it is."""

    text: str
    key: str
    ref: SourceRef
    row: Row | None = None


@dataclass(slots=True)
class Block:
    """A heading, a paragraph (prose lines joined) or a table (its lines, and how they are laid out)."""

    kind: str  # heading, prose, table
    lines: list[Line] = field(default_factory=list)
    layout: str | None = None  # tables: pipe, cells, spaced, stream
    next_line: int | None = None  # the first line after the block (where its last row ends)

    @property
    def text(self) -> str:
        """The block as printed, its lines joined (a hard break inside a word is no space)."""
        return "".join(line.text for line in self.lines)

    @property
    def key(self) -> str:
        """The block's normalised text."""
        return "".join(line.key for line in self.lines)

    def ref_at(self, offset: int) -> SourceRef:
        """The source line of the character at ``offset`` of ``key``."""
        start = 0
        for line in self.lines:
            start += len(line.key)
            if offset < start:
                return line.ref
        return self.lines[-1].ref


def lines_of(rows: list[Row]) -> list[Line | None]:
    """The rows as lines (a row's cells joined by a space); None for a blank line."""
    out: list[Line | None] = []
    for row in rows:
        text = " ".join(c.strip() for c in row.nonempty()).strip() if len(row.cells) > 1 else row.cell(0).strip()
        out.append(Line(text, key_of(text), row.ref, row) if text else None)
    return out


def is_heading(key: str) -> bool:
    """A heading: no figure in it, short, and numbered or ending like a title (…说明, …情况, …表)."""
    if _FIGURE.search(key) or len(key) > 50 or "," in key or ";" in key or "。" in key[:-1]:
        return False
    return bool(MARK.match(key) or _HEADING_END.search(key))


def split_row(line: Line) -> bool:
    """A row the text source split into cells (pipe and space-separated cells, tabs) that reads as a
    table row, not a sentence the source cut at its spaces (``(一)…类科目 850088.3 元,``)."""
    row = line.row
    if row is None or len(row.cells) < 2 or row.layout in (None, "prose", "stream", "cells"):
        return False
    return row.layout in ("pipe", "tab") or not (_FIGURE.search(line.key) or _PUNCTUATION.search(line.key))


def _tableish(line: Line) -> str | None:
    """How a line could belong to a table: ``pipe``, ``spaced``, ``short``, ``stream``; None for prose."""
    t = line.text
    layout = line.row.layout if line.row is not None else None
    if split_row(line):
        return "pipe"
    if layout == "stream":
        return "stream" if len(_NUMBERS.findall(t)) >= 2 and "。" not in t else None
    if layout == "prose" and "|" not in t:
        return None
    if "|" in t:
        return "pipe"
    if "。" in t:
        return None
    if _SPACED.search(t):
        return "spaced"
    if len(t.split()) >= _STREAM_WORDS and len(_NUMBERS.findall(t)) >= 2:
        return "stream"
    if len(line.key) <= _SHORT and not _FIGURE.search(line.key) and not line.key.endswith((",", ";")):
        return "short"
    return None


def _numbered(line: Line) -> int:
    """How many number cells a line holds: bare numbers alone, between pipes or after their label."""
    cells = line.row.cells if split_row(line) else line_cells(line.text)  # type: ignore[union-attr]
    found = sum(bool(_BARE.match(c.strip())) for c in cells)
    return max(found, 2 if len(_NUMBERS.findall(line.text)) >= _STREAM_NUMBERS else 0)


def line_cells(text: str) -> list[str]:
    """The cells of one table line: split at pipes; else a label and the bare numbers after it
    (``一、支出合计 250000``), or header words apart (``项目 2016-执行数 2017-预算数``)."""
    if "|" in text:
        return [c.strip() for c in text.split("|")]
    words = text.split()
    if len(words) < 2:
        return [text.strip()]
    numbers = 0
    while numbers < len(words) and _BARE.match(words[-1 - numbers]):
        numbers += 1
    if numbers and numbers < len(words):
        return [" ".join(words[:len(words) - numbers]), *words[len(words) - numbers:]]
    if all(_HEADER_WORD.search(w) for w in words[1:]):
        return words
    return [text.strip()]


def _table_runs(lines: list[Line | None]) -> list[tuple[int, int, str]]:
    """(first, last, layout) of each run of table lines that holds at least two number cells."""
    runs, i = [], 0
    while i < len(lines):
        line = lines[i]
        if line is None or _tableish(line) is None:
            i += 1
            continue
        j, kinds, numbers = i, [], 0
        while j < len(lines) and (lines[j] is None or _tableish(lines[j]) is not None):  # type: ignore[arg-type]
            if lines[j] is not None:
                kinds.append(_tableish(lines[j]))  # type: ignore[arg-type]
                numbers += _numbered(lines[j])  # type: ignore[arg-type]
            j += 1
        if numbers >= 2 or "stream" in kinds:
            runs.append((i, j - 1, _layout(kinds)))
        i = j
    return runs


def _layout(kinds: list[str | None]) -> str:
    for layout in ("stream", "pipe", "spaced"):
        if layout in kinds:
            return layout
    return "cells"


def blocks_of(rows: list[Row]) -> list[Block]:
    """Headings, paragraphs and tables in reading order."""
    lines = lines_of(rows)
    table_at = {first: (last, layout) for first, last, layout in _table_runs(lines)}
    out: list[Block] = []
    i = 0
    while i < len(lines):
        if i in table_at:
            last, layout = table_at[i]
            after = next((x.ref.line for x in lines[last + 1:] if x is not None), None)
            out.append(Block("table", [x for x in lines[i:last + 1] if x is not None], layout, after))
            i = last + 1
            continue
        line = lines[i]
        i += 1
        if line is None:
            out.append(Block("break"))
            continue
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, line):
            prev.lines.append(line)
        else:
            out.append(Block("heading" if is_heading(line.key) else "prose", [line]))
    return [b for b in out if b.kind != "break"]


def _continues(last: Block, line: Line) -> bool:
    """A prose line goes on the paragraph before it when that one stopped mid-sentence."""
    if last.kind != "prose":
        return False
    prev = last.lines[-1].key
    return prev[-1:] not in _SENTENCE_END and len(prev) >= _LONG_LINE and not MARK.match(line.key)


def is_unit_line(key: str) -> bool:
    """``单位:万元`` / ``金额单位:元``: a table's money unit."""
    return bool(_UNIT_LINE.match(key))


__all__ = ["Block", "Line", "MARK", "blocks_of", "is_heading", "is_unit_line", "key_of", "lines_of"]
