"""One pass over each sheet part before openpyxl reads it: where the values end, and the formulas
that have no saved result.

openpyxl's read-only sheets yield every row up to the last *cell*, and a styled empty cell at row
1,000,000 makes a million empty rows (2 GB, 15 s). The scan finds the last row and column that
hold a value, so the reader stops there; a sheet whose values span more cells than
``JIXIAO_XLSX_MAX_CELLS`` (default 5,000,000) is refused. A formula cell without a cached value
(a workbook written by a program and never opened in Excel) would be read as empty: the scan
counts them so the file says so instead of losing amounts silently.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass

from jixiao.ingest.grid import SourceError

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_HAS_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]|<(?:\w+:)?is\b")  # a saved result, or inline text
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")


def max_cells() -> int:
    """The most cells (rows × columns up to the last value) one sheet may span."""
    raw = os.environ.get("JIXIAO_XLSX_MAX_CELLS", "")
    return int(raw) if raw.strip().isdigit() else 5_000_000


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


@dataclass(slots=True)
class SheetScan:
    """Where a sheet's values end, and its formulas without a saved result (count, first cell)."""

    last_row: int = 0
    last_col: int = 0
    uncached: int = 0
    first_uncached: str | None = None
    addressed: bool = True  # every value cell names its address (``r`` is optional in the format)


def scan(z: zipfile.ZipFile, path: str) -> SheetScan:
    """Scan one sheet part (its size was bounded by the zip guard)."""
    out = SheetScan()
    for m in _CELL.finditer(z.read(path)):
        ref = _REF.search(m.group(1))
        body = m.group(3) or b""
        if not body:
            continue
        if ref is None:
            out.addressed = out.addressed and not _HAS_VALUE.search(body)
            continue
        if _HAS_VALUE.search(body):
            out.last_row = max(out.last_row, int(ref.group(2)))
            out.last_col = max(out.last_col, _col(ref.group(1)))
        elif _FORMULA.search(body):
            out.uncached += 1
            out.first_uncached = out.first_uncached or (ref.group(1) + ref.group(2)).decode()
    return out


def check(s: SheetScan, name: str, title: str) -> None:
    """SourceError when the sheet's values span more cells than allowed."""
    limit = max_cells()
    if s.addressed and s.last_row * s.last_col > limit:
        raise SourceError(f"{name}：工作表“{title}”的数据范围达 {s.last_row} 行 × {s.last_col} 列，"
                          f"超过上限 {limit} 个单元格，不予读取")


def uncached_notice(s: SheetScan, title: str) -> str | None:
    """The notice for formulas read as empty, or None."""
    if not s.uncached:
        return None
    return (f"工作表“{title}”有 {s.uncached} 个公式单元格没有保存计算结果（如 {s.first_uncached}），"
            "这些单元格读为空；请在 Excel 中打开并保存后再上传")
