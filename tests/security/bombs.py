"""Hostile files made on the fly: workbook bombs, a formula without a saved result, huge amounts."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font


def _workbook(fill) -> bytes:
    wb = Workbook()
    fill(wb.active)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def far_styled_cell(row: int = 1_000_000) -> bytes:
    """A ~10 KB workbook: one value at A1, one empty styled cell at row ``row``."""
    def fill(ws):
        ws["A1"] = "项目名称"
        ws.cell(row=row, column=1).font = Font(bold=True)
    return _workbook(fill)


def padded_part(part: str = "xl/workbook.xml", mib: int = 1024) -> bytes:
    """A workbook whose ``part`` is padded with ``mib`` MiB of spaces (compresses to ~1 MB)."""
    base = _workbook(lambda ws: ws.__setitem__("A1", "项目名称"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                with dst.open(part, "w", force_zip64=True) as w:
                    w.write(data.replace(b"?>", b"?>" + b" " * 1024, 1))
                    chunk = b" " * (1024 * 1024)
                    for _ in range(mib):
                        w.write(chunk)
            else:
                dst.writestr(info, data)
    return out.getvalue()


def uncached_formulas(path) -> bytes:
    """A real declaration (``path``) whose amounts are made formulas openpyxl saves without results."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    ws["B6"], ws["E6"] = "=700000+41300", "=B6/3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
