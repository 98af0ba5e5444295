"""The original lines behind a value: a window of the stored file around one line or cell."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from sqlalchemy.orm import Session

from jixiao.domain.text import normalise
from jixiao.ingest.grid import Grid, SourceError
from jixiao.ingest.sources import read_grids
from jixiao.ingest.sources.pdf_images import page_size, render_page
from jixiao.storage.models import DocumentFileRow, DocumentRow

from .errors import ApiError, not_found


@dataclass(slots=True)
class SourceLine:
    """One line (text) or row (sheet) of the original, with its cells."""

    number: int
    cells: list[str]
    highlight: bool = False
    marked: int | None = None  # the cell a Word or HTML source names (T2!R3C4)


@dataclass(slots=True)
class SourceWindow:
    """Lines around the referenced one, and where they sit in the file."""

    document: DocumentRow
    line: int
    sheet: str | None
    cell: str | None
    lines: list[SourceLine] = field(default_factory=list)
    total_lines: int = 0
    sheets: list[str] = field(default_factory=list)
    page: int | None = None  # a PDF page: shown as its image with the cell's box on it
    box: tuple[float, float, float, float] | None = None
    page_size: tuple[float, float] | None = None
    pages: int = 0


# Parsed files by sha256: a stored file never changes, and reviewers open several lines of one file.
_CACHE: OrderedDict[str, tuple[Grid, ...]] = OrderedDict()
_CACHE_SIZE = 16
_lock = Lock()


def _load(session: Session, doc: DocumentRow) -> tuple[Grid, ...]:
    with _lock:
        if doc.sha256 in _CACHE:
            _CACHE.move_to_end(doc.sha256)
            return _CACHE[doc.sha256]
    stored = session.get(DocumentFileRow, doc.id)
    if stored is None:
        raise ApiError(404, "no_source", f"文档 {doc.id} 没有保存原始文件")
    try:
        grids = tuple(read_grids(stored.data, doc.file))
    except SourceError as exc:
        raise ApiError(422, "unreadable_source", f"原始文件无法显示: {exc}") from None
    with _lock:
        _CACHE[doc.sha256] = grids
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return grids


def _pick(grids: tuple[Grid, ...], sheet: str | None) -> Grid:
    if sheet is None:
        return grids[0]
    for g in grids:
        if g.sheet == sheet:
            return g
    raise ApiError(404, "not_found", f"文件中没有工作表 {sheet}")


def source_window(session: Session, document_id: int, line: int, sheet: str | None = None,
                  cell: str | None = None, context: int = 12, page: int | None = None,
                  box: tuple[float, float, float, float] | None = None) -> SourceWindow:
    """``context`` lines either side of ``line`` in the document's original file, that line marked;
    for a PDF the rows of ``page`` and the page's frame (the image is ``page_image``)."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise not_found("文档", document_id)
    grids = _load(session, doc)
    grid = _pick(grids, sheet)
    if page is not None:
        return _page_window(session, doc, grid, page, line, box)
    last = grid.rows[-1].ref.line if grid.rows else 0
    if line > (last or 0):
        raise ApiError(404, "not_found", f"行号 {line} 超出文件范围（共 {last} 行）")
    lo, hi = max(1, line - context), line + context
    lines = [SourceLine(r.ref.line, list(r.cells), r.ref.line == line, _marked(r, cell))
             for r in grid.rows if r.ref.line is not None and lo <= r.ref.line <= hi]
    return SourceWindow(doc, line, grid.sheet, cell, lines, last, [g.sheet for g in grids if g.sheet])


def _bare(text: str) -> str:
    return "".join(normalise(text).replace(",", "").split())


def mark_value(window: "SourceWindow", value: str | None) -> None:
    """Mark the cell of the highlighted line that holds ``value`` (the figure or words clicked), where
    no cell is marked yet: the cell equal to it, else the first containing it."""
    wanted = _bare(value or "").rstrip("%")
    if not wanted:
        return
    for ln in window.lines:
        if not ln.highlight or ln.marked is not None:
            continue
        cells = [_bare(c) for c in ln.cells]
        exact = [i for i, c in enumerate(cells) if c and (c == wanted or c.rstrip("%") == wanted)]
        within = [i for i, c in enumerate(cells) if c and wanted in c]
        if exact or within:
            ln.marked = (exact or within)[0]


def _marked(row, cell: str | None) -> int | None:
    """Index of the cell of ``row`` whose source is ``cell`` (a Word or HTML table's T2!R3C4)."""
    if not cell or row.cell_refs is None or row.layout is not None:
        return None
    return next((i for i, ref in enumerate(row.cell_refs) if ref.cell == cell and row.cells[i]), None)


def _page_window(session: Session, doc: DocumentRow, grid: Grid, page: int, line: int,
                 box: tuple[float, float, float, float] | None) -> SourceWindow:
    rows = [r for r in grid.rows if r.ref.page == page]
    pages = max((r.ref.page or 0 for r in grid.rows), default=0)
    if not rows and not 1 <= page <= pages:
        raise ApiError(404, "not_found", f"第 {page} 页超出文件范围（共 {pages} 页）")
    lines = [SourceLine(r.ref.line or 0, list(r.cells), r.ref.line == line and (box is None or _inside(r, box)))
             for r in rows]
    size = _page_size(session, doc, page)
    return SourceWindow(doc, line, None, None, lines, len(rows), [], page, box, size, pages)


def _inside(row, box) -> bool:
    """Whether the row's box holds the centre of ``box`` (several tables may share a line index)."""
    rb = row.ref.box
    if rb is None:
        return True
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rb[0] - 1 <= cx <= rb[2] + 1 and rb[1] - 1 <= cy <= rb[3] + 1


_IMAGES: OrderedDict[tuple, bytes] = OrderedDict()
_SIZES: dict[tuple, tuple[float, float]] = {}


def _stored(session: Session, doc: DocumentRow) -> bytes:
    stored = session.get(DocumentFileRow, doc.id)
    if stored is None:
        raise ApiError(404, "no_source", f"文档 {doc.id} 没有保存原始文件")
    return stored.data


def _page_size(session: Session, doc: DocumentRow, page: int) -> tuple[float, float] | None:
    key = (doc.sha256, page)
    if key not in _SIZES:
        try:
            _SIZES[key] = page_size(_stored(session, doc), page, doc.file)
        except SourceError:
            return None
    return _SIZES[key]


def page_image(session: Session, document_id: int, page: int, scale: float = 1.5) -> bytes:
    """PNG of one page of a stored PDF (remembered: reviewers open several values of one page)."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise not_found("文档", document_id)
    key = (doc.sha256, page, scale)
    with _lock:
        if key in _IMAGES:
            _IMAGES.move_to_end(key)
            return _IMAGES[key]
    try:
        png = render_page(_stored(session, doc), page, scale, doc.file)
    except SourceError as exc:
        raise ApiError(404, "no_page", str(exc)) from None
    with _lock:
        _IMAGES[key] = png
        while len(_IMAGES) > 32:
            _IMAGES.popitem(last=False)
    return png
