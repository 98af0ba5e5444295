"""Word documents (.docx; .doc through LibreOffice) → one Grid: paragraphs and tables in document order.

Tables keep their grid: a cell spanning columns (gridSpan) sits in its first column with "" after
it, a cell merged down (vMerge) is repeated in every row it covers, and every position of a merge
cites the merged cell (``T2!R3C1``). A table inside a cell is flattened into that cell's text.
"""

from __future__ import annotations

import io
import zipfile

from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, SourceError

from .office import convert
from .reading import Reading
from .spans import join_lines
from .zip_guard import check_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt"
_VAL = f"{_W}val"


def looks_like(data: bytes) -> bool:
    """A zip container holding a Word document part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("word/") for n in z.namelist())
    except Exception:  # not a zip, or a broken one
        return False


def read(data: bytes, name: str) -> Grid:
    """The document's paragraphs (as ``prose`` rows) and table rows, in the order they are written."""
    import docx

    check_package(data, name, "Word 文档")
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # python-docx raises many types for broken packages
        raise SourceError(f"{name}：Word 文档已损坏或不完整，无法打开") from exc
    out = Reading(name)
    try:
        _blocks(body, out)
    except Exception as exc:  # a malformed part of the body
        raise SourceError(f"{name}：Word 文档内容已损坏，无法读取") from exc
    if not out.grid.rows:
        raise SourceError(f"{name}：Word 文档中没有文字或表格")
    return out.grid


def read_doc(data: bytes, name: str) -> Grid:
    """A legacy .doc, converted to .docx by LibreOffice, then read as one."""
    return read(convert(data, name, "doc", "docx"), name)


def _blocks(parent, out: Reading) -> None:
    """Paragraphs and tables under the body (or a content control) in document order."""
    for el in parent.iterchildren():
        if el.tag == _P:
            text = _paragraph_text(el)
            if text:
                out.prose(text)
        elif el.tag == _TBL:
            _table(el, out)
        elif el.tag == _SDT:
            content = el.find(f"{_W}sdtContent")
            if content is not None:
                _blocks(content, out)


def _paragraph_text(p) -> str:
    """A paragraph's visible text: runs, tabs and breaks as spaces (deleted text left out)."""
    parts = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}delText"):
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag != f"{_W}delText":
            parts.append(" ")
    return clean_cell("".join(parts))


def _cell_text(tc) -> str:
    """A cell's paragraphs joined as wrapped lines; a nested table's rows become lines too."""
    lines = []
    for el in tc.iterchildren():
        if el.tag == _P:
            lines.append(_paragraph_text(el))
        elif el.tag == _TBL:  # a nested table: its cells, row after row, apart by a space
            lines.append(" ".join(filter(None, (_cell_text(c) for tr in el.iterchildren(_TR) for c in tr.iterchildren(_TC)))))
        elif el.tag == _SDT:
            content = el.find(f"{_W}sdtContent")
            if content is not None:
                lines.append(_cell_text(content))
    return join_lines(lines)


def _props(tc) -> tuple[int, str | None]:
    """A cell's column span and its vMerge state ("restart", "continue" or None)."""
    span, merge = 1, None
    pr = tc.find(f"{_W}tcPr")
    if pr is not None:
        gs = pr.find(f"{_W}gridSpan")
        if gs is not None:
            try:
                span = min(max(int(gs.get(_VAL, "1")), 1), 1000)
            except ValueError:
                span = 1
        vm = pr.find(f"{_W}vMerge")
        if vm is not None:
            merge = vm.get(_VAL) or "continue"
    return span, merge


def _table(tbl, out: Reading) -> None:
    """One table's rows, merges expanded; cells named ``T<table>!R<row>C<column>``."""
    ref = out.table()
    spans: list[list] = []
    open_at: dict[int, list] = {}  # grid column → the span a vMerge continues
    n_rows = n_cols = 0
    for r, tr in enumerate(tbl.iterchildren(_TR)):
        c = _grid_before(tr)
        for tc in tr.iterchildren(_TC):
            cs, merge = _props(tc)
            above = open_at.get(c)
            if merge == "continue" and above is not None and above[1] == c and above[0] + above[2] == r:
                above[2] += 1
            else:
                span = [r, c, 1, cs, _cell_text(tc), ref(r, c)]
                spans.append(span)
                open_at[c] = span
            c += cs
        n_rows, n_cols = r + 1, max(n_cols, c)
    out.table_rows(n_rows, n_cols, [tuple(s) for s in spans], ref)


def _grid_before(tr) -> int:
    """Grid columns a row leaves empty before its first cell."""
    gb = tr.find(f"{_W}trPr/{_W}gridBefore")
    try:
        return min(max(int(gb.get(_VAL, "0")), 0), 1000) if gb is not None else 0
    except ValueError:
        return 0
