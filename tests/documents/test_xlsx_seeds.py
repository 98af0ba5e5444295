"""Seeds 000 and 001 typed into workbooks as a person would: same projects and amounts as the text.

The workbook merges each group header over its sub-columns (项目年度预算金额 over 一般公共预算 …,
产出目标 over its content/completion pairs), merges single headers down over the header rows,
types amounts as numbers with a ``#,##0.00`` format and rates as fractions with a ``0.00%`` format.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from jixiao.ingest.forms import read_document
from jixiao.ingest.sources import read_grids
from jixiao.services.ingest import ingest_bytes
from jixiao.storage.models import ProjectRow, StatedTotalRow
from tests.conftest import SEED_000, SEED_001

WAN = Decimal(10000)
_MONEY = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")


def _typed(cell: str):
    """What a person types: amounts and rates as numbers, everything else as text."""
    if m := _PERCENT.match(cell):
        return float(Decimal(m.group(1)) / 100), "0.00%"
    if _MONEY.match(cell):
        return float(cell.replace(",", "")), "#,##0.00"
    if cell.isdigit() and len(cell) <= 3:
        return int(cell), None
    return (cell or None), None


def _header_blocks(rows: list[list[str]]) -> list[tuple[int, int]]:
    blocks, r = [], 0
    while r < len(rows):
        if rows[r] and rows[r][0].strip() == "序号":
            end = r
            while end + 1 < len(rows) and rows[end + 1] and not rows[end + 1][0].strip() and any(rows[end + 1]):
                end += 1
            blocks.append((r, end))
            r = end
        r += 1
    return blocks


def _merges(rows: list[list[str]], a: int, b: int) -> list[tuple[int, int, int, int]]:
    """Group headers across the sub-columns below them, then single headers down the block."""
    width = max(len(rows[r]) for r in range(a, b + 1))
    cell = lambda r, c: rows[r][c].strip() if c < len(rows[r]) else ""  # noqa: E731
    claimed, out = set(), []
    for r in range(a, b + 1):
        for c in range(width):
            if not cell(r, c):
                continue
            e = c
            while e + 1 < width and not cell(r, e + 1) and any(cell(x, e + 1) for x in range(r + 1, b + 1)):
                e += 1
            if e > c:
                out.append((r, c, r, e))
                claimed.update((r, k) for k in range(c, e + 1))
    for r in range(a, b + 1):
        for c in range(width):
            if not cell(r, c) or (r, c) in claimed:
                continue
            f = r
            while f + 1 <= b and not cell(f + 1, c) and (f + 1, c) not in claimed:
                f += 1
            if f > r:
                out.append((r, c, f, c))
                claimed.update((k, c) for k in range(r, f + 1))
    return out


def seed_workbook(path) -> bytes:
    """The seed's lines as one sheet, merged and typed the way the published workbook would be."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells, start=1):
            value, fmt = _typed(text.strip())
            if value is not None:
                ws.cell(row=r, column=c, value=value).number_format = fmt or "General"
    title = next(r for r, cells in enumerate(rows) if "自评表" in "".join(cells))
    ws.merge_cells(start_row=title + 1, start_column=1, end_row=title + 1, end_column=20)
    for a, b in _header_blocks(rows):
        for r1, c1, r2, c2 in _merges(rows, a, b):
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _facts(doc):
    projects = [(p.seq, p.unit, p.name, p.budget.total, p.budget.parts, p.actual.total, p.actual.parts,
                 p.execution_rate, p.status, p.goal, p.status_text, p.problems, p.rectification,
                 [(i.level2, i.target.text, i.actual.text if i.actual else None) for i in p.indicators])
                for p in doc.projects]
    totals = [(t.label, t.budget.total, t.actual.total, t.execution_rate, t.covers) for t in doc.stated_totals]
    return projects, totals


@pytest.mark.parametrize("seed,n_projects", [(SEED_000, 33), (SEED_001, 9)])
def test_workbook_reads_like_the_text(seed, n_projects):
    data = seed_workbook(seed)
    merged = load_workbook(io.BytesIO(data)).active.merged_cells.ranges
    assert len(merged) >= 20  # the header really is merged, as published
    text_doc = read_document(seed.read_bytes(), seed.name)
    xlsx_doc = read_document(data, seed.with_suffix(".xlsx").name)
    assert xlsx_doc.kind == "self_evaluation_table" and len(xlsx_doc.projects) == n_projects
    assert _facts(xlsx_doc) == _facts(text_doc)
    assert (xlsx_doc.year, xlsx_doc.money_unit) == (text_doc.year, text_doc.money_unit)
    # every project traces to its sheet row, which is the text line it came from
    for x, t in zip(xlsx_doc.projects, text_doc.projects):
        assert x.source.sheet == "自评表" and x.source.line == t.source.line


def test_merged_cells_follow_the_grid_contract():
    """A range spanning columns sits in its first column with "" after it; a range spanning rows is
    repeated in every row it spans (it was its top-left cell only before issue 15); every position
    of a range cites the range's first cell."""
    data = seed_workbook(SEED_001)
    ws = load_workbook(io.BytesIO(data)).active
    budget_head = next(r for r in ws.merged_cells.ranges if ws.cell(r.min_row, r.min_col).value == "项目年度预算金额")
    output_head = next(r for r in ws.merged_cells.ranges if ws.cell(r.min_row, r.min_col).value == "产出目标")
    assert (budget_head.max_col - budget_head.min_col, output_head.max_col - output_head.min_col) == (3, 5)
    [grid] = read_grids(data, "001.xlsx")
    row = grid.rows[budget_head.min_row - 1]
    span = row.cells[budget_head.min_col - 1:budget_head.max_col]
    assert span == ["项目年度预算金额", "", "", ""]
    seq_head = next(r for r in ws.merged_cells.ranges if ws.cell(r.min_row, r.min_col).value == "序号")
    assert seq_head.max_row - seq_head.min_row == 2
    assert [grid.rows[r - 1].cell(0) for r in range(seq_head.min_row, seq_head.max_row + 1)] == ["序号"] * 3
    first_cell = f"A{seq_head.min_row}"
    assert {grid.rows[r - 1].ref_of(0).cell for r in range(seq_head.min_row, seq_head.max_row + 1)} == {first_cell}
    budget_col = budget_head.min_col - 1
    assert {row.ref_of(budget_col + k).cell for k in range(4)} == {row.ref_of(budget_col).cell}
    # a rate typed as 0.9841 with a percentage format reads as the sheet shows it
    first = next(r for r in grid.rows if r.cell(0) == "1")
    assert "98.41%" in first.cells


def test_workbook_seed_000_in_the_store(store):
    result = ingest_bytes(store, seed_workbook(SEED_000), "000.xlsx")
    assert result.status == "ingested", result.message
    with store() as s:
        assert s.scalar(select(func.count()).select_from(ProjectRow)) == 33
        assert s.scalar(select(func.sum(ProjectRow.budget_total))) / WAN == Decimal("95853.90")
        assert s.scalar(select(func.sum(ProjectRow.actual_total))) / WAN == Decimal("92658.33")
        assert s.scalar(select(func.count()).select_from(StatedTotalRow)) == 6
        cells = set(s.scalars(select(ProjectRow.src_sheet)))
        assert cells == {"自评表"}
