"""Excel workbooks (.xlsx) → one Grid per sheet; merged cells as the Grid contract says (the value
of a range repeated down its rows, kept in its first column, every cell citing the range's first)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

from jixiao.domain.source import SourceRef
from jixiao.domain.text import clean_cell
from jixiao.ingest.grid import Grid, Row, SourceError

from . import xlsx_scan
from .spans import lay_out, trim
from .zip_guard import check_package

# The merged ranges of a sheet part; read-only openpyxl does not parse them.
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"')


def looks_like(data: bytes) -> bool:
    """A zip container holding a workbook part."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.startswith("xl/") for n in z.namelist())
    except Exception:  # not a zip after all, or one zipfile cannot list (bad names, odd compression)
        return False


def _percent(value: float | int, fmt: str) -> str:
    """A number shown through a ``0.00%`` format: ``0.9186`` → ``91.86%``, as the sheet shows it."""
    section = fmt.split(";", 1)[0]
    places = len(section.split(".", 1)[1].split("%", 1)[0]) if "." in section else 0
    return f"{Decimal(repr(value)) * 100:.{places}f}%"


def shown(value, fmt: str | None = None) -> str:
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


def column_letter(n: int) -> str:
    """Column number (1-based) → its letters, as a cell address writes it."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def read(data: bytes, name: str) -> list[Grid]:
    """Every non-empty sheet as a Grid whose rows carry sheet, row and cell addresses."""
    from openpyxl import load_workbook

    check_package(data, name, "Excel 工作簿")  # declared sizes first: a bomb is refused unopened
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        raise SourceError(f"{name}：无法打开 Excel 工作簿，文件已损坏或不完整") from exc
    grids = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for ws in wb.worksheets:
                grid = _checked_grid(z, ws, name)
                if grid is not None:
                    grids.append(grid)
    except SourceError:
        raise
    except Exception as exc:  # a broken sheet part inside a well-formed zip
        raise SourceError(f"{name}：工作表内容已损坏，无法读取") from exc
    finally:
        wb.close()
    if not grids:
        raise SourceError(f"{name}：工作簿中没有任何数据")
    return grids


def _checked_grid(z: zipfile.ZipFile, ws, name: str) -> Grid | None:
    """The sheet's grid, read only up to its last value; refused when that spans too many cells."""
    path = getattr(ws, "_worksheet_path", None)
    found = xlsx_scan.scan(z, path) if path else None
    if found is not None:
        xlsx_scan.check(found, name, ws.title)
    grid = _sheet_grid(ws, name, _merges(z, ws), found if found is not None and found.addressed else None)
    notice = found and xlsx_scan.uncached_notice(found, ws.title)
    if notice:
        if grid is None:
            grid = Grid(file=name, sheet=ws.title)
        grid.notices.append((notice, SourceRef(name, None, ws.title, found.first_uncached)))
    return grid


def _merges(z: zipfile.ZipFile, ws) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (first row, first column, rows, columns), 0-based."""
    from openpyxl.utils import range_boundaries

    path = getattr(ws, "_worksheet_path", None)
    if not path:  # a chartsheet or a sheet openpyxl made up
        return []
    out = []
    for m in _MERGE.finditer(z.read(path)):
        min_col, min_row, max_col, max_row = range_boundaries(m.group(1).decode())
        out.append((min_row - 1, min_col - 1, max_row - min_row + 1, max_col - min_col + 1))
    return out


def _sheet_grid(ws, name: str, merges: list[tuple[int, int, int, int]],
                found: xlsx_scan.SheetScan | None = None) -> Grid | None:
    """One worksheet → a Grid, or None when it holds nothing."""
    ws.reset_dimensions()  # a stale <dimension> would cut the sheet short or pad it to millions of rows
    title = ws.title
    texts: list[list[str]] = []
    if found is not None and found.last_row == 0:
        return None
    bounds = {"max_row": found.last_row, "max_col": found.last_col} if found is not None else {}
    for cells_in in ws.iter_rows(**bounds):
        cells = [shown(c.value, c.number_format if isinstance(c.value, (int, float)) else None) for c in cells_in]
        while cells and not cells[-1]:
            cells.pop()
        texts.append(cells)
    refs = [[SourceRef(name, r, title, f"{column_letter(c)}{r}") for c in range(1, len(cells) + 1)]
            for r, cells in enumerate(texts, start=1)]
    if merges:
        texts, refs = _merged(texts, merges, name, title)
    rows = [Row(cells=cells, ref=SourceRef(file=name, line=r, sheet=title), cell_refs=cell_refs)
            for r, (cells, cell_refs) in enumerate(zip(texts, refs), start=1)]
    if not any(row.cells for row in rows):
        return None
    return Grid(file=name, rows=rows, sheet=title)


def _merged(texts: list[list[str]], merges, name: str, title: str):
    """Rows with each merged range's value carried down its rows (only its first cell holds one)."""
    n_rows = len(texts)  # a range reaching below the last row adds no rows of text
    n_cols = max((len(t) for t in texts), default=0)  # past the last text a merge leaves only ""

    def ref(r: int, c: int) -> SourceRef:
        return SourceRef(name, r + 1, title, f"{column_letter(c + 1)}{r + 1}")

    def at(r: int, c: int) -> str:
        return texts[r][c] if r < len(texts) and c < len(texts[r]) else ""

    spans = [(r, c, rs, cs, at(r, c), ref(r, c)) for r, c, rs, cs in merges if r < n_rows]
    spans += [(r, c, 1, 1, text, ref(r, c)) for r, row in enumerate(texts) for c, text in enumerate(row) if text]
    grid, grid_refs = lay_out(n_rows, n_cols, spans, ref)
    out = [trim(cells, cell_refs) for cells, cell_refs in zip(grid, grid_refs)]
    return [t for t, _ in out], [r for _, r in out]
