"""Rows in document order for Word and HTML: paragraphs as prose rows, tables as rows of cells.

Both formats name a table's cells ``T<table>!R<row>C<column>`` (1-based) and number rows by their
place in the document; consecutive paragraphs share a text block, every table has one of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jixiao.domain.source import SourceRef
from jixiao.ingest.grid import Grid, Row

from .spans import Span, lay_out


class Reading:
    """The grid of one document being filled, with the counters that name tables, rows and blocks."""

    def __init__(self, name: str):
        self.name = name
        self.grid = Grid(file=name)
        self.tables = self.block = 0
        self.prose_block: int | None = None

    def prose(self, text: str) -> None:
        """One paragraph (or text block) as a one-cell row; consecutive ones share a block."""
        if self.prose_block is None:
            self.block += 1
            self.prose_block = self.block
        ref = SourceRef(self.name, len(self.grid.rows) + 1)
        self.grid.rows.append(Row([text], ref, [ref], layout="prose", block=self.prose_block))

    def table(self) -> Callable[[int, int], SourceRef]:
        """Start the next table; the source of its cell at (row, column), 0-based."""
        self.tables += 1
        self.block += 1
        self.prose_block = None
        t, name, base = self.tables, self.name, len(self.grid.rows)

        def ref(r: int, c: int) -> SourceRef:
            return SourceRef(name, base + r + 1, cell=f"T{t}!R{r + 1}C{c + 1}")

        return ref

    def table_rows(self, n_rows: int, n_cols: int, spans: Iterable[Span], ref: Callable[[int, int], SourceRef]) -> None:
        """The started table's rows, merges laid out per the Grid contract."""
        texts, refs = lay_out(n_rows, n_cols, spans, ref)
        t, base = self.tables, len(self.grid.rows)
        for r, (cells, cell_refs) in enumerate(zip(texts, refs)):
            row_ref = SourceRef(self.name, base + r + 1, cell=f"T{t}!R{r + 1}")
            self.grid.rows.append(Row(cells, row_ref, cell_refs, block=self.block))
