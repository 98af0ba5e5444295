"""Excel workbooks (.xlsx) → one Grid per sheet; a merged range is read as its top-left cell."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

from jixiao.domain.source import SourceRef
from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, Row, SourceError


def looks_like(data: bytes) -> bool:
    """A zip container holding a workbook part."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except zipfile.BadZipFile:
        return False


def _text(value) -> str:
    """Cell value → the text a person sees (numbers without float noise)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        d = Decimal(repr(value))
        return format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return clean_cell(str(value))


def read(data: bytes, name: str) -> list[Grid]:
    """Every non-empty sheet as a Grid whose rows carry sheet, row and cell addresses."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise SourceError(f"无法打开 Excel 工作簿: {exc.__class__.__name__} (unreadable workbook)") from exc
    grids = []
    try:
        for ws in wb.worksheets:
            rows = []
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                refs = [f"{get_column_letter(c)}{r}" for c in range(1, len(cells) + 1)]
                rows.append(Row(cells=cells, ref=SourceRef(file=name, line=r, sheet=ws.title), cell_refs=refs))
            if any(row.cells for row in rows):
                grids.append(Grid(file=name, rows=rows, sheet=ws.title))
    finally:
        wb.close()
    if not grids:
        raise SourceError("工作簿中没有任何数据 (workbook has no data)")
    return grids
