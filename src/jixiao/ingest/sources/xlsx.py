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


def _percent(value: float | int, fmt: str) -> str:
    """A number shown through a ``0.00%`` format: ``0.9186`` → ``91.86%``, as the sheet shows it."""
    section = fmt.split(";", 1)[0]
    places = len(section.split(".", 1)[1].split("%", 1)[0]) if "." in section else 0
    return f"{Decimal(repr(value)) * 100:.{places}f}%"


def _text(value, fmt: str | None = None) -> str:
    """Cell value → the text a person sees (numbers without float noise, percentages as shown)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)) and fmt and "%" in fmt:
        return _percent(value, fmt)
    if isinstance(value, float):
        d = Decimal(repr(value))
        return format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return clean_cell(str(value))


def read(data: bytes, name: str) -> list[Grid]:
    """Every non-empty sheet as a Grid whose rows carry sheet, row and cell addresses."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise SourceError(f"无法打开 Excel 工作簿: {exc.__class__.__name__} (unreadable workbook)") from exc
    grids = []
    try:
        for ws in wb.worksheets:
            grid = _sheet_grid(ws, name)
            if grid is not None:
                grids.append(grid)
    except Exception as exc:  # a broken sheet part inside a well-formed zip
        raise SourceError(f"工作表内容无法读取: {exc.__class__.__name__} (broken worksheet)") from exc
    finally:
        wb.close()
    if not grids:
        raise SourceError("工作簿中没有任何数据 (workbook has no data)")
    return grids


def _sheet_grid(ws, name: str) -> Grid | None:
    """One worksheet → a Grid, or None when it holds nothing."""
    from openpyxl.utils import get_column_letter

    ws.reset_dimensions()  # a stale <dimension> would cut the sheet short or pad it to millions of rows
    rows = []
    for r, cells_in in enumerate(ws.iter_rows(), start=1):
        cells = [_text(c.value, c.number_format if isinstance(c.value, (int, float)) else None) for c in cells_in]
        while cells and not cells[-1]:
            cells.pop()
        refs = [SourceRef(name, r, ws.title, f"{get_column_letter(c)}{r}") for c in range(1, len(cells) + 1)]
        rows.append(Row(cells=cells, ref=SourceRef(file=name, line=r, sheet=ws.title), cell_refs=refs))
    if not any(row.cells for row in rows):
        return None
    return Grid(file=name, rows=rows, sheet=ws.title)
