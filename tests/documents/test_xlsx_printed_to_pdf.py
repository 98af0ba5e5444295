"""A workbook printed to PDF reads as the workbook: samples/national/forms_standard.xlsx (three
self-evaluation forms, merged headers and levels) printed by LibreOffice headless on A4.

The forms are printed as they are published: every cell of the form ruled, each sheet fitted to one
A4 page. The PDF grid must then hold the workbook's cells row by row, merged cells included (both
sources repeat a cell merged down and leave "" after a cell merged across). Numbers are compared as
numbers: the PDF shows them through the sheet's number format (520 prints as 520.00).
CI installs libreoffice-calc-nogui and fonts-noto-cjk for this test.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.styles import Border, Side

from jixiao.ingest.sources import read_grids
from jixiao.ingest.sources.office import convert, soffice
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "national" / "forms_standard.xlsx"
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")


def _printable() -> bytes:
    """The sample with every used cell ruled, rows tall enough for their wrapped text (as a person
    sets them before printing) and each sheet fitted to one A4 page."""
    wb = load_workbook(SAMPLE)
    thin = Side(style="thin")
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            for cell in row:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        _fit_rows(ws)
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _fit_rows(ws) -> None:
    """Row heights for the lines each cell's text wraps to (a Chinese character is two widths)."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for m in ws.merged_cells.ranges:
        widths[m.min_row, m.min_col] = sum(ws.column_dimensions[get_column_letter(c)].width or 13
                                           for c in range(m.min_col, m.max_col + 1))
    for r in range(1, ws.max_row + 1):
        lines = 1
        for c in range(1, ws.max_column + 1):
            text = str(ws.cell(r, c).value or "")
            width = widths.get((r, c), ws.column_dimensions[get_column_letter(c)].width or 13)
            size = sum(2 if ord(ch) > 0x2e80 else 1 for ch in text)
            lines = max(lines, -(-size * 11 // (int(width) * 10)))  # ten per cent to spare
        ws.row_dimensions[r].height = 16 * lines + 4


def _print(data: bytes) -> bytes:
    """The workbook printed to PDF by LibreOffice headless."""
    assert soffice(), "LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui"
    return convert(data, "forms_standard.xlsx", "xlsx", "pdf")


def _same(cell: str) -> str | Decimal:
    return Decimal(cell.replace(",", "")) if _NUMBER.fullmatch(cell) else cell.replace("\n", "")


def _rows(grid_rows) -> list[list]:
    """Rows with text, trailing blanks dropped, numbers as numbers."""
    out = []
    for row in grid_rows:
        cells = list(row.cells)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.append([_same(c) for c in cells])
    return out


def test_printed_workbook_reads_like_the_workbook():
    data = _printable()
    sheets = read_grids(data, "forms_standard.xlsx")
    [pdf] = read_grids(_print(data), "forms_standard.pdf")
    assert pdf.notices == [] and all(r.layout is None for r in pdf.rows)  # every line is in the ruled form
    assert sorted({r.ref.page for r in pdf.rows}) == [1, 2, 3]
    for page, sheet in enumerate(sheets, start=1):
        printed = [r for r in pdf.rows if r.ref.page == page]
        assert _rows(printed) == _rows(sheet.rows), sheet.sheet
    first = [r for r in pdf.rows if r.ref.page == 1]
    output = [r for r in first if r.cell(1) == "产出指标"]
    assert len(output) >= 2 and len({id(r.ref_of(1)) for r in output}) == 1  # one merged box, cited by each row


def test_printed_workbook_reads_into_the_same_projects():
    """The issue's acceptance: the forms read from the PDF are the forms read from the workbook,
    every amount, rate, score and indicator the same; only where they were read differs (page and
    box instead of sheet and cell)."""
    from jixiao.ingest.forms import read_document
    from tests.documents.test_self_evaluation_form import _facts

    data = _printable()
    xlsx = read_document(data, "forms_standard.xlsx")
    pdf = read_document(_print(data), "forms_standard.pdf")
    assert pdf.kind == xlsx.kind == "self_evaluation_form" and len(pdf.projects) == 3
    assert [_facts(p) for p in pdf.projects] == [_facts(p) for p in xlsx.projects]
    first = pdf.projects[0]
    assert first.source.page == 1 and first.source.box is not None and first.source.sheet is None
    assert first.budget.total == Decimal("4865000.00") and first.budget.source.page == 1
    assert [i.source.page for i in pdf.projects[2].indicators] == [3] * len(pdf.projects[2].indicators)
    assert pdf.warnings == xlsx.warnings == []
