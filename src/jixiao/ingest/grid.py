"""A table as rows of text cells, each row knowing where it came from; no form knowledge here."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.domain.source import SourceRef
from jixiao.domain.text import compact


class SourceError(Exception):
    """The file cannot be read as a table at all (binary junk, wrong encoding, broken zip)."""


class Row:
    """One table row: its cells as text and its source; workbook, PDF, Word and HTML rows also know
    each cell's own source (``cell_refs``), and whether their cell positions are true columns.

    ``layout`` says how a text row was made (``tab``, ``pipe``, ``cells`` for one cell per line,
    ``space`` for space-separated cells, ``stream`` for a form flattened into one run of words,
    ``prose``); None for rows of a real table (workbook, PDF, Word, HTML), whose cell ``i`` is
    column ``i``. ``block`` numbers the table or text block of the source a row belongs to (rows of
    one PDF table, continued over pages, share it), so readers can tell adjacent tables apart.

    Merged cells: a cell spanning rows is repeated in every row it spans; a cell spanning columns
    sits in its first column with "" after it; every cell of a merge cites the merged cell.

    A text row is made with ``Row.at_line`` and builds its SourceRef only when asked (most rows
    of a long document are never cited). What readers ask of every row (its non-empty cells, its
    joined text) is worked out once and kept, since several readers ask it of the same row; so a
    row's cells are not changed once it is made.
    """

    __slots__ = ("cells", "cell_refs", "layout", "block", "_ref", "_file", "_line", "_nonempty", "_text", "_key", "_keys")

    def __init__(self, cells: list[str], ref: SourceRef | None = None, cell_refs: list[SourceRef] | None = None,
                 file: str | None = None, line: int | None = None, layout: str | None = None,
                 block: int | None = None):
        self.cells = cells
        self.cell_refs = cell_refs
        self.layout = layout
        self.block = block
        self._ref = ref
        self._file = file  # with ``line``: a text row, whose SourceRef is made on first use
        self._line = line
        self._nonempty: list[str] | None = None
        self._text: str | None = None
        self._key: str | None = None
        self._keys: list[str] | None = None

    @classmethod
    def at_line(cls, cells: list[str], file: str, line: int, layout: str | None = "tab") -> Row:
        """A row of a text file, its cells stripped; its SourceRef (file and line) is made on first use."""
        return cls(cells, None, None, file, line, layout)

    @property
    def ref(self) -> SourceRef:
        """Where the row came from: file and line, or sheet and row."""
        ref = self._ref
        if ref is None:  # a text row (a row made bare, as tests do, points at no file)
            ref = self._ref = SourceRef(self._file or "", self._line)
        return ref

    @property
    def line(self) -> int | None:
        """The row's line (text) or row number (sheet), without building its SourceRef."""
        if self._file is not None:
            return self._line
        return self._ref.line if self._ref is not None else None

    def __repr__(self) -> str:
        return f"Row(cells={self.cells!r}, ref={self.ref!r}, cell_refs={self.cell_refs!r})"

    def cell(self, i: int) -> str:
        """Cell ``i`` or "" when the row is shorter (dropped cells are normal)."""
        return self.cells[i] if 0 <= i < len(self.cells) else ""

    def ref_of(self, i: int) -> SourceRef:
        """Source of cell ``i``: the line for text; the cell, page and box for a workbook or PDF."""
        if self.cell_refs is not None and 0 <= i < len(self.cell_refs):
            return self.cell_refs[i]
        return self.ref

    def nonempty(self) -> list[str]:
        """The cells that hold text (the same list on every call: do not change it)."""
        cells = self._nonempty
        if cells is None:
            if self._file is not None:  # a text row: its cells are stripped already
                cells = self._nonempty = list(filter(None, self.cells))
            else:
                cells = self._nonempty = [c for c in self.cells if c.strip()]
        return cells

    def text(self) -> str:
        """All cells joined, for content detection."""
        text = self._text
        if text is None:
            text = self._text = "".join(self.cells)
        return text

    def key(self) -> str:
        """``compact(text())``: the joined text as readers match it."""
        key = self._key
        if key is None:
            key = self._key = compact(self.text())
        return key

    def keys(self) -> list[str]:
        """``compact()`` of every cell, in place (a form reader tests the same cells for many labels)."""
        keys = self._keys
        if keys is None:
            keys = self._keys = [compact(c) if c else "" for c in self.cells]
        return keys


@dataclass(slots=True)
class Grid:
    """A sheet, a text file or a whole PDF/Word/HTML document: rows in reading order, with the file
    name they came from; ``notices`` are what the source could not read but went on past (a page
    without a text layer, a table cut short), each with where it happened."""

    file: str
    rows: list[Row] = field(default_factory=list)
    sheet: str | None = None
    notices: list[tuple[str, SourceRef | None]] = field(default_factory=list)

    def head_text(self, n: int = 60) -> str:
        """Text of the first ``n`` rows, for detecting the form kind."""
        return "\n".join(r.text() for r in self.rows[:n])

    def head_key(self, n: int, limit: int | None = None) -> str:
        """``compact(head_text(n)[:limit])``, each row compacted once whichever reader asks.

        compact() works character by character and leaves line breaks alone, so the key of the
        joined text is the rows' keys joined, the row the limit cuts compacted up to the cut.
        """
        rows = self.rows[:n]
        if limit is None:
            return "\n".join(r.key() for r in rows)
        keys, start = [], 0  # start: where the row's text begins in head_text(n)
        for r in rows:
            if start > limit:
                break
            end = start + len(r.text())
            keys.append(r.key() if end <= limit else compact(r.text()[:limit - start]))
            start = end + 1
        return "\n".join(keys)
