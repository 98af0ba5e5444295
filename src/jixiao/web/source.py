"""The original lines behind a value: a window of the stored file around one line or cell."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from sqlalchemy.orm import Session

from jixiao.ingest.grid import Grid, SourceError
from jixiao.ingest.sources import read_grids
from jixiao.storage.models import DocumentFileRow, DocumentRow

from .errors import ApiError, not_found


@dataclass(slots=True)
class SourceLine:
    """One line (text) or row (sheet) of the original, with its cells."""

    number: int
    cells: list[str]
    highlight: bool = False


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
        raise ApiError(404, "no_source", f"文档 {doc.id} 没有保存原始文件 (original file not stored)")
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
    raise ApiError(404, "not_found", f"文件中没有工作表 {sheet} (no such sheet)")


def source_window(session: Session, document_id: int, line: int, sheet: str | None = None,
                  cell: str | None = None, context: int = 12) -> SourceWindow:
    """``context`` lines either side of ``line`` in the document's original file, that line marked."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise not_found("文档", document_id)
    grids = _load(session, doc)
    grid = _pick(grids, sheet)
    last = grid.rows[-1].ref.line if grid.rows else 0
    if line > (last or 0):
        raise ApiError(404, "not_found", f"行号 {line} 超出文件范围（共 {last} 行） (no such line)")
    lo, hi = max(1, line - context), line + context
    lines = [SourceLine(r.ref.line, list(r.cells), r.ref.line == line)
             for r in grid.rows if r.ref.line is not None and lo <= r.ref.line <= hi]
    return SourceWindow(doc, line, grid.sheet, cell, lines, last, [g.sheet for g in grids if g.sheet])
