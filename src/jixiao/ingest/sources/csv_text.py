"""Comma-separated values (.csv) → one Grid whose cells are true columns."""

from __future__ import annotations

import csv
import re

from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, Row, SourceError

from .tsv_text import decode

_QUOTED = re.compile(r'"(?:[^"]|"")*"')
# 1,234,567 standing between spaces: an amount in text laid out with spaces, not comma columns
_THOUSANDS = re.compile(r"(?:^|\s)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\s|$)")


def looks_like(data: bytes) -> bool:
    """Unmistakable comma rows: at least three lines, no tabs, the same number of commas in each,
    and no amount with thousands separators standing between spaces outside quotes (text laid out
    with spaces has them)."""
    try:
        head = decode(data[:4096])
    except SourceError:
        return False
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    if len(data) > 4096 and len(lines) > 3:
        lines = lines[:-1]  # the cut may fall inside the last line
    if len(lines) < 3 or "\t" in head:
        return False
    bare = [_QUOTED.sub("", ln) for ln in lines]
    counts = {ln.count(",") for ln in bare}
    return len(counts) == 1 and counts != {0} and not any(_THOUSANDS.search(ln) for ln in bare)


def read(data: bytes, name: str) -> Grid:
    """CSV bytes (UTF-8 or GB18030) → Grid; every row keeps the line it starts on."""
    text = decode(data)
    rows = []
    reader = csv.reader(text.splitlines(keepends=True), strict=False)
    start = 1
    try:
        for record in reader:
            rows.append(Row([clean_cell(c) for c in record], None, None, name, start, None))
            start = reader.line_num + 1
    except csv.Error as exc:  # a field larger than the csv module allows
        raise SourceError(f"{name}：第 {start} 行无法按 CSV 读取") from exc
    return Grid(file=name, rows=rows)
