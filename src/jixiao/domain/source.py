"""Where a value came from, so a reviewer can always go back to the original."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A location in an input file: a text line, a sheet cell, or a PDF page and the box on it.

    ``box`` is (x0, top, x1, bottom) in PDF points from the page's top-left corner; for Word and
    HTML tables ``cell`` names the table and cell (``T2!R3C4``)."""

    file: str
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None

    def __init__(self, file: str, line: int | None = None, sheet: str | None = None, cell: str | None = None,
                 page: int | None = None, box: tuple[float, float, float, float] | None = None) -> None:
        # A frozen dataclass's own __init__ goes through object.__setattr__ once per field, which
        # makes a reference cost more than the row it points at; set the slots directly instead.
        set_file, set_line, set_sheet, set_cell, set_page, set_box = _SLOT_SETTERS
        set_file(self, file)
        set_line(self, line)
        set_sheet(self, sheet)
        set_cell(self, cell)
        set_page(self, page)
        set_box(self, box)

    def label(self) -> str:
        """Human-readable location, e.g. ``a.txt:12`` or ``b.xlsx!Sheet1!D7``."""
        if self.sheet is not None:
            where = f"{self.file}!{self.sheet}"
            return f"{where}!{self.cell}" if self.cell else f"{where}:{self.line}"
        if self.page is not None:
            return f"{self.file} 第{self.page}页"
        if self.cell is not None:
            return f"{self.file}!{self.cell}"
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def to_dict(self) -> dict:
        """JSON shape used by every export: ``file`` and ``line`` always present."""
        out: dict = {"file": self.file, "line": self.line}
        if self.sheet is not None:
            out["sheet"] = self.sheet
        if self.cell is not None:
            out["cell"] = self.cell
        if self.page is not None:
            out["page"] = self.page
        if self.box is not None:
            out["box"] = [round(v, 1) for v in self.box]
        return out

    def with_cell(self, cell: str | None) -> "SourceRef":
        """The same place narrowed to one cell (xlsx only; text keeps the line)."""
        if cell is None or self.sheet is None:
            return self
        return SourceRef(self.file, self.line, self.sheet, cell, self.page, self.box)


def box_text(box: tuple[float, float, float, float] | None) -> str | None:
    """A box as stored: ``"x0,top,x1,bottom"`` in points with one decimal; None for no box."""
    return None if box is None else ",".join(f"{v:.1f}" for v in box)


def box_of(text: str | None) -> tuple[float, float, float, float] | None:
    """The stored ``box_text`` back into a box (None for none or a malformed value)."""
    if not text:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in text.split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom)


_SLOT_SETTERS = tuple(getattr(SourceRef, name).__set__ for name in SourceRef.__slots__)
