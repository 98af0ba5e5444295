"""A table as rows of text cells, each row knowing where it came from; no form knowledge here."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.domain.source import SourceRef


class SourceError(Exception):
    """The file cannot be read as a table at all (binary junk, wrong encoding, broken zip)."""


@dataclass(slots=True)
class Row:
    """One table row: its cells as text and its source; xlsx rows also know each cell's address."""

    cells: list[str]
    ref: SourceRef
    cell_refs: list[str] | None = None

    def cell(self, i: int) -> str:
        """Cell ``i`` or "" when the row is shorter (dropped cells are normal)."""
        return self.cells[i] if 0 <= i < len(self.cells) else ""

    def ref_of(self, i: int) -> SourceRef:
        """Source of cell ``i``: the line for text, the cell address for a workbook."""
        if self.cell_refs is not None and 0 <= i < len(self.cell_refs):
            return self.ref.with_cell(self.cell_refs[i])
        return self.ref

    def nonempty(self) -> list[str]:
        """The cells that hold text."""
        return [c for c in self.cells if c.strip()]

    def text(self) -> str:
        """All cells joined, for content detection."""
        return "".join(self.cells)


@dataclass(slots=True)
class Grid:
    """A sheet or a text file: rows in reading order, with the file name they came from."""

    file: str
    rows: list[Row] = field(default_factory=list)
    sheet: str | None = None

    def head_text(self, n: int = 60) -> str:
        """Text of the first ``n`` rows, for detecting the form kind."""
        return "\n".join(r.text() for r in self.rows[:n])
