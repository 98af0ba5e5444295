"""Web pages (.html) → one Grid: every table (rowspan/colspan expanded) and the text between them.

The charset comes from the page (byte-order mark, <meta>, <?xml?>), falling back to UTF-8 and
GB18030 as Chinese sites write them; scripts and styles are dropped. Table cells are named
``T<table>!R<row>C<column>``; a table inside a cell is flattened into that cell's text.
"""

from __future__ import annotations

import codecs
import re

from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, SourceError

from .reading import Reading
from .spans import join_lines

_MARKERS = (b"<!doctype html", b"<html", b"<table", b"<body", b"<head")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP = frozenset(("script", "style", "noscript", "template", "head", "iframe", "object", "svg"))
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML text: lxml refuses them
_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer nav aside "
                    "blockquote pre form hr br center main figure figcaption address fieldset legend".split())
_WIDE = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_MAX_SPAN = 1000  # a colspan of millions would fill memory; no real table is wider


def looks_like(data: bytes) -> bool:
    """A doctype, <html>, <table> or <body> near the start (after any byte-order mark)."""
    head = data[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("ascii", "ignore")
    head = head.lower()
    return any(m in head for m in _MARKERS)


def decode(data: bytes) -> str:
    """The page's text in the charset it declares (BOM, then <meta>/<?xml?>), else UTF-8 or GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, "replace")
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = _WIDE.get(enc, enc)
        try:
            return data.decode(enc, "replace")
        except LookupError:  # a charset Python does not know: guess as if none were declared
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


def read(data: bytes, name: str) -> Grid:
    """Text blocks and table rows in the order the page shows them."""
    import lxml.html

    text = _XML_DECL.sub("", _CONTROL.sub("", decode(data)), count=1)
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except Exception as exc:  # lxml refuses some documents outright
        raise SourceError(f"{name}：网页无法解析") from exc
    if root is None:
        raise SourceError(f"{name}：网页中没有文字或表格")
    out = _Out(name)
    try:
        _walk(root, out)
    except RecursionError as exc:  # nesting deeper than any real page
        raise SourceError(f"{name}：网页嵌套层次过深，无法读取") from exc
    out.flush()
    if not out.grid.rows:
        raise SourceError(f"{name}：网页中没有文字或表格")
    return out.grid


class _Out(Reading):
    """The document being read, with the text run not yet made a line."""

    def __init__(self, name: str):
        super().__init__(name)
        self.buf: list[str] = []

    def flush(self) -> None:
        """The pending text (up to a block boundary) as one prose row."""
        text = clean_cell("".join(self.buf).replace("\n", " "))
        self.buf = []
        if text:
            self.prose(text)


def _walk(el, out: _Out) -> None:
    """Text of ``el`` and its children into lines; a table into rows."""
    if not isinstance(el.tag, str):  # comments and processing instructions
        out.buf.append(el.tail or "")
        return
    tag = el.tag.lower()
    if tag in _DROP:  # scripts, styles: not what the page shows
        out.buf.append(el.tail or "")
        return
    if tag == "table":
        out.flush()
        _table(el, out)
    else:
        block = tag in _BLOCKS
        if block:
            out.flush()
        out.buf.append(el.text or "")
        for child in el:
            _walk(child, out)
        if block:
            out.flush()
    out.buf.append(el.tail or "")


def _rows(table) -> list:
    """The table's own rows (through thead/tbody/tfoot), not those of a table nested in a cell."""
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _span(cell, attr: str) -> int:
    try:
        return min(max(int(cell.get(attr, "1").strip().rstrip(";")), 0), _MAX_SPAN)
    except ValueError:
        return 1


def _table(table, out: _Out) -> None:
    """One table's rows with rowspan/colspan laid out by the HTML table rules."""
    for caption in (c for c in table if isinstance(c.tag, str) and c.tag.lower() == "caption"):
        out.buf.append(_cell_text(caption))
        out.flush()
    ref = out.table()
    rows = _rows(table)
    taken: set[tuple[int, int]] = set()  # positions a rowspan from above already fills
    spans, n_cols = [], 0
    for r, tr in enumerate(rows):
        c = 0
        for td in (x for x in tr if isinstance(x.tag, str) and x.tag.lower() in ("td", "th")):
            while (r, c) in taken:
                c += 1
            rs = _span(td, "rowspan") or len(rows) - r  # rowspan="0": to the end of the table
            cs = _span(td, "colspan") or 1
            rs = min(rs, len(rows) - r)
            spans.append((r, c, rs, cs, _cell_text(td), ref(r, c)))
            taken.update((i, j) for i in range(r + 1, r + rs) for j in range(c, c + cs))
            c += cs
        n_cols = max(n_cols, c)
    out.table_rows(len(rows), n_cols, spans, ref)


def _cell_text(cell) -> str:
    """A cell's text, its <br>s and block children as wrapped lines (a nested table's rows too)."""
    lines: list[str] = [""]

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _DROP:
            lines[-1] += el.tail or ""
            return
        if tag in _BLOCKS or tag == "table":
            lines.append("")
        elif tag in ("td", "th", "tr"):  # a nested table's cells and rows stay apart by a space
            lines[-1] += " "
        if tag:
            lines[-1] += el.text or ""
            for child in el:
                walk(child)
        if tag in _BLOCKS or tag == "table":
            lines.append("")
        lines[-1] += el.tail or ""

    lines[-1] += cell.text or ""
    for child in cell:
        walk(child)
    return join_lines([clean_cell(line.replace("\n", " ")) for line in lines])
