"""Legacy Excel workbooks (.xls, BIFF) → one Grid per sheet, merged cells per the Grid contract."""

from __future__ import annotations

import math

from jixiao.domain.source import SourceRef
from jixiao.ingest.grid import Grid, Row, SourceError

from .spans import lay_out, trim
from .xlsx import column_letter, shown


def ole2_kind(data: bytes) -> str | None:
    """"xls" or "doc" by the streams an OLE2 file names in its directory (UTF-16 names)."""
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    return None


def read(data: bytes, name: str) -> list[Grid]:
    """Every non-empty sheet as a Grid; numbers shown through their formats as the sheet shows them."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=_Quiet())
    except Exception as exc:  # xlrd raises many types for broken workbooks
        raise SourceError(f"{name}：Excel 工作簿（.xls）已损坏或不完整，无法打开") from exc
    grids = []
    try:
        for i in range(book.nsheets):
            sheet_name = _sheet_name(book, i)
            try:
                grid = _sheet_grid(book, book.sheet_by_index(i), name)
            except Exception as exc:  # one broken sheet record
                raise SourceError(f"{name}：工作表“{sheet_name}”内容已损坏，无法读取") from exc
            if grid is not None:
                grids.append(grid)
    finally:
        book.release_resources()
    if not grids:
        raise SourceError(f"{name}：工作簿中没有任何数据")
    return grids


def _sheet_name(book, i: int) -> str:
    names = book.sheet_names()
    return names[i] if i < len(names) else str(i + 1)


def _sheet_grid(book, sheet, name: str) -> Grid | None:
    """One sheet → a Grid (rows carry sheet, row and cell), or None when it holds nothing."""
    n_rows, n_cols = sheet.nrows, sheet.ncols
    if not n_rows or not n_cols:
        return None
    title = sheet.name

    def ref(r: int, c: int) -> SourceRef:
        return SourceRef(name, r + 1, title, f"{column_letter(c + 1)}{r + 1}")

    merged = {(rlo, clo): (min(rhi, n_rows) - rlo, min(chi, n_cols) - clo) for rlo, rhi, clo, chi in sheet.merged_cells}
    spans = []
    for r in range(n_rows):
        for c in range(n_cols):
            rs, cs = merged.get((r, c), (1, 1))
            text = _cell(book, sheet, r, c)
            if text or (rs, cs) != (1, 1):
                spans.append((r, c, rs, cs, text, ref(r, c)))
    texts, refs = lay_out(n_rows, n_cols, spans, ref)
    rows = []
    for r in range(n_rows):
        cells, cell_refs = trim(texts[r], refs[r])
        rows.append(Row(cells=cells, ref=SourceRef(name, r + 1, title), cell_refs=cell_refs))
    if not any(row.cells for row in rows):
        return None
    return Grid(file=name, rows=rows, sheet=title)


def _cell(book, sheet, r: int, c: int) -> str:
    """A cell's text as the sheet shows it: dates as dates, percentages through their format."""
    import xlrd

    kind, value = sheet.cell_type(r, c), sheet.cell_value(r, c)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_BOOLEAN:
        return shown(bool(value))
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#错误")
    if kind == xlrd.XL_CELL_DATE:
        try:
            return shown(xlrd.xldate_as_datetime(value, book.datemode))
        except Exception:  # a date serial outside what xlrd can show: the number as stored
            return shown(value)
    if kind == xlrd.XL_CELL_NUMBER:
        whole = math.isfinite(value) and value == int(value) and abs(value) < 2 ** 53
        return shown(int(value) if whole else value, _format(book, sheet, r, c))
    return shown(value)


def _format(book, sheet, r: int, c: int) -> str | None:
    """The number format string of a cell, if the workbook records one."""
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        return book.format_map[xf.format_key].format_str
    except (IndexError, KeyError, AttributeError):
        return None


class _Quiet:
    """xlrd writes warnings about odd records to a log file; they are not the user's concern."""

    def write(self, _text: str) -> None:
        """Drop the warning."""
