"""PDF with a text layer → one Grid: ruled tables and the text around them, page by page.

Tables are rebuilt from their cell boxes (merged cells per the Grid contract); a table that runs
on at the top of the next page with the same columns keeps its block, its repeated header rows
dropped; every cell cites file, page and box. A page without text is a notice, not a failure.
"""

from __future__ import annotations

import io
import logging
import re

from jixiao.domain.source import SourceRef
from jixiao.ingest.grid import Grid, Row, SourceError

from .pdf_layout import PageTable, TextLine, page_layout
from .pdf_objects import page_objects
from .spans import lay_out

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on odd fonts are not the user's

_PAGE_NUMBER = re.compile(r"[-—–\s]*(第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|\d{1,3}(\s*/\s*\d{1,3})?)[-—–\s]*")
_RUNS_ON = 0.25  # a table runs on when it fills its page to the last quarter and the next starts in the first
_EDGE = 0.12  # page numbers sit in the top or bottom eighth of the page
_SAME_EDGE = 6.0  # points: a table's parts on two pages share column edges within this (double lines)


def looks_like(data: bytes) -> bool:
    """A PDF header near the start (some writers put junk before it)."""
    return b"%PDF-" in data[:1024]


def read(data: bytes, name: str, progress=None) -> Grid:
    """The document's rows in reading order; notices for the pages that could not be read.
    ``progress(page, pages)`` is called after each page (a long file is read in the background)."""
    pdf = _open(data, name)
    grid = Grid(file=name)
    state = _Joiner(name, grid)
    try:
        pages = len(pdf)
        for n in range(1, pages + 1):
            state.page(n, pdf)
            if progress is not None:
                progress(n, pages)
    finally:
        pdf.close()
    if not grid.rows:
        if state.damaged and not state.scanned:
            raise SourceError(f"{name}：文件已损坏，没有能读取的页面")
        raise SourceError(f"{name}：没有可提取文字的页面（可能是扫描件），暂不能识别")
    return grid


def _open(data: bytes, name: str):
    """PDFium's document, or a SourceError saying why it cannot be opened. pdfminer judges the
    file first (in milliseconds): it tells an encrypted file from a damaged one, and it refuses a
    cut-short file that PDFium would quietly read in part."""
    import pypdfium2 as pdfium
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))):
            pass  # walking the page tree, which a damaged file breaks
    except Exception as exc:  # pdfminer raises many types for broken files
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise SourceError(f"{name}：PDF 已加密，无法读取") from exc
        raise SourceError(f"{name}：文件不完整或已损坏，无法打开") from exc
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SourceError(f"{name}：文件不完整或已损坏，无法打开") from exc


class _Joiner:
    """Turns pages into rows, remembering the table the last page ended with."""

    def __init__(self, name: str, grid: Grid):
        self.name, self.grid = name, grid
        self.block = 0
        self.open: tuple[PageTable, int, list[list[str]]] | None = None  # table, block, first rows
        self.damaged = self.scanned = 0

    def page(self, n: int, pdf) -> None:
        """Read page ``n`` of the document into the grid, or a notice when it has nothing to read."""
        try:
            page = page_objects(pdf, n - 1)
            items = page_layout(page, self.open is not None) if page.chars else None
        except Exception:  # a broken content stream spoils this page only
            self.damaged += 1
            self._notice(f"第 {n} 页内容损坏，未读取", n)
            self.open = None
            return
        if items is None:
            if page.images:
                self.scanned += 1
                self._notice(f"第 {n} 页没有文字层（可能是扫描件），未读取", n)
            self.open = None
            return
        self._items(n, [it for it in items if not _furniture(it, page.height)], page.height)

    def _notice(self, text: str, n: int) -> None:
        self.grid.notices.append((text, SourceRef(self.name, page=n)))

    def _items(self, n: int, items: list[PageTable | TextLine], height: float) -> None:
        line = 0
        prose_block = None
        for k, it in enumerate(items):
            if isinstance(it, TextLine):
                if prose_block is None:
                    self.block += 1
                    prose_block = self.block
                line += 1
                ref = SourceRef(self.name, line, page=n, box=it.box)
                self.grid.rows.append(Row([it.text], ref, [ref], layout="prose", block=prose_block))
                continue
            prose_block = None
            line = self._table(n, it, line, first=k == 0 and it.bbox[1] < height * _RUNS_ON)
        last = items[-1] if items else None
        if not isinstance(last, PageTable) or last.bbox[3] < height * (1 - _RUNS_ON):
            self.open = None  # a table that ends well above the foot of its page does not run on

    def _table(self, n: int, t: PageTable, line: int, first: bool) -> int:
        """Add a table's rows (joined to the last page's table when it runs on); the last line used."""
        start = self.open if first else None
        cols = _columns_into(t.xs, start[0].xs) if start else None
        if cols is not None:
            rows, refs = self._grid(n, t, line, cols)
            if _titled(rows, refs):  # a table of its own that happens to share the columns
                cols = None
        if cols is None:
            start = None
            rows, refs = self._grid(n, t, line, list(range(len(t.xs))))
        if start is not None:
            skip, block = _repeated_header(rows, start[2]), start[1]
        else:
            self.block += 1
            skip, block = 0, self.block
            self.open = (t, block, rows[:6])
        for i in range(skip, len(rows)):
            ref = SourceRef(self.name, line + i + 1, page=n, box=_row_box(t, i))
            self.grid.rows.append(Row(rows[i], ref, refs[i], block=block))
        return line + len(rows)

    def _grid(self, n: int, t: PageTable, line: int, cols: list[int]):
        """The table's cell texts and sources, its columns numbered as ``cols`` maps them."""
        name = self.name

        def blank(i: int, j: int) -> SourceRef:
            return SourceRef(name, line + i + 1, page=n, box=_row_box(t, i))

        spans = []
        for (r, c, rs, cs, box), text in zip(t.cells, t.texts):
            first_col, end_col = cols[c], cols[min(c + cs, len(cols) - 1)]
            spans.append((r, first_col, rs, max(end_col - first_col, 1), text,
                          SourceRef(name, line + r + 1, page=n, box=box)))
        return lay_out(len(t.ys) - 1, cols[-1], spans, blank)


def _row_box(t: PageTable, i: int) -> tuple[float, float, float, float]:
    return (t.xs[0], t.ys[i], t.xs[-1], t.ys[i + 1])


def _columns_into(xs: list[float], start_xs: list[float]) -> list[int] | None:
    """Where each column edge of a table falls among the edges of the table it may continue, or
    None when an edge has no match (a different table, not a continuation)."""
    out = []
    j = 0
    for x in xs:
        while j < len(start_xs) and start_xs[j] < x - _SAME_EDGE:
            j += 1
        if j == len(start_xs) or abs(start_xs[j] - x) > _SAME_EDGE:
            return None
        out.append(j)
    if out[0] != 0 or out[-1] != len(start_xs) - 1:
        return None
    return out


def _titled(rows: list[list[str]], refs: list[list[SourceRef]]) -> bool:
    """Whether the first row with text is one cell across the whole table: a title, which a
    continued table does not repeat (it repeats its column headers)."""
    for cells, cell_refs in zip(rows, refs):
        if any(cells):
            return len(cells) > 1 and bool(cells[0]) and all(r is cell_refs[0] for r in cell_refs)
    return False


def _repeated_header(rows: list[list[str]], head: list[list[str]]) -> int:
    """How many leading rows of a continued table repeat rows from the top of its start."""
    best = 0
    for s in range(len(head)):
        k = 0
        while k < len(rows) and s + k < len(head) and rows[k] == head[s + k] and any(rows[k]):
            k += 1
        best = max(best, k)
    return best


def _furniture(it: PageTable | TextLine, height: float) -> bool:
    """A bare page number at the top or bottom of the page: not content, and it must not cut a
    table that runs on from one page to the next."""
    if not isinstance(it, TextLine):
        return False
    top, bottom = it.box[1], it.box[3]
    at_edge = bottom < height * _EDGE or top > height * (1 - _EDGE)
    return at_edge and _PAGE_NUMBER.fullmatch(it.text) is not None
