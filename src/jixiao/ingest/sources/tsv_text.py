"""Extracted text (.txt/.tsv): tab-separated files one row per line; other text by its layouts.

A file whose lines are mostly tab-separated (exports from workbooks) is read one row per line,
cells split on tabs, as it always was. Any other text is read by ``text_layouts``: pipe tables,
one cell per line, space-separated cells, prose and flattened forms, block by block.
"""

from __future__ import annotations

import re

from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, Row, SourceError

from .text_layouts import text_rows

_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or GB18030; refuse binary data."""
    head = data[:8192]
    if b"\x00" in head:
        raise SourceError("文件含有二进制内容，不是文本表格")
    for enc in _ENCODINGS:
        try:
            text = _decode_cut(data, enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text[:8192]) > 0.05:
            break
        return text
    raise SourceError("无法识别的文本编码，应为 UTF-8 或 GB18030")


def _decode_cut(data: bytes, enc: str) -> str:
    """Decode; a file cut inside its last UTF-8 character keeps everything before that character."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        if enc.startswith("utf-8") and exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[:exc.start].decode(enc)
        raise


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# What ``clean_cell`` changes beyond the ends: tags, entities, wide and hard spaces, double spaces.
_CLEANING_MARKS = ("<", "&", "\u3000", "\xa0", "  ")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _lines(text: str) -> tuple[str, list[str]]:
    """The text with CR/LF made LF, and its lines as an editor numbers them: only CR/LF end a line
    (a PDF page break \f does not)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return text, lines


def read(data: bytes, name: str) -> Grid:
    """Text bytes → Grid; every row keeps its 1-based line number."""
    text, lines = _lines(decode(data))
    filled = [line for line in lines if line.strip()]
    if filled and sum(1 for line in filled if "\t" in line) * 10 >= len(filled) * 3:
        return _tab_grid(text, lines, name)
    return Grid(file=name, rows=text_rows(lines, name))


def _tab_grid(text: str, lines: list[str], name: str) -> Grid:
    """A tab-separated file, one row per line. Cells are stripped; the few lines holding markup or
    wide spaces (found with one ``in`` per line and mark the file holds) are cleaned cell by cell."""
    strip = str.strip
    cells = [list(map(strip, line.split("\t"))) for line in lines]
    marks = [m for m in _CLEANING_MARKS if m in text]
    for i in {i for m in marks for i, line in enumerate(lines) if m in line}:
        cells[i] = [clean_cell(c) for c in lines[i].split("\t")]
    return Grid(file=name, rows=[Row(c, None, None, name, n, "tab") for n, c in enumerate(cells, start=1)])
