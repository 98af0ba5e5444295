"""Workbooks (.xls, .xlsx) and CSV on real files; the choice of source by content, then extension."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import read_grids
from jixiao.ingest.sources.xls import ole2_kind
from jixiao.ingest.sources.xlsx import shown
from tests.unit.sources.corpus_files import answer_key, corpus_bytes, grids, pdf_grid, zip_of

XLS = "budget_template_shanghai_putuo_unit_2026.xls"
SONGGANG = "perftarget_shenzhen_baoan_songgang_2023_citymaint.xlsx"


def _sheet(name: str, sheet: str):
    return next(g for g in grids(name) if g.sheet == sheet)


def test_xls_reads_every_sheet_of_the_template():
    key = answer_key(XLS)
    assert [g.sheet for g in grids(XLS)] == key["sheet_list"]
    titles = {t["sheet"]: t["title"] for t in key["tables"]}
    for g in grids(XLS):
        first = next(r for r in g.rows if r.cells)
        assert first.cells[0].replace(" ", "") == titles[g.sheet].replace(" ", ""), g.sheet


def test_xls_merged_headers_follow_the_grid_contract():
    rows = _sheet(XLS, "单位收入总表").rows
    head, sub = rows[6], rows[7]  # 功能分类科目名称 and the amount headers are merged over rows 7–8
    assert head.cells[:5] == ["功能分类科目编码", "", "", "功能分类科目名称", "合计"]
    assert sub.cells[:5] == ["类", "款", "项", "功能分类科目名称", "合计"]
    assert sub.ref_of(3) is head.ref_of(3) and sub.ref_of(3).cell == "D7" and sub.ref_of(3).sheet == "单位收入总表"
    assert {head.ref_of(c).cell for c in range(3)} == {"A7"}
    assert rows[8].cells == ["205", "", "", "教育支出"] and rows[8].ref.line == 9


def test_xls_three_costs_header_reads_as_the_pdf_prints_it():
    """The template's 三公 table and the same table in a published PDF give the same header grid."""
    xls_rows = [r.cells for r in _sheet(XLS, "单位“三公”经费和机关运行费预算表").rows if r.cells][2:5]
    pdf_rows = [r.cells for r in pdf_grid("budget_dept_shanghai_putuo_wanli_2023_perftargets.pdf").rows
                if r.ref.page == 28 and r.layout is None][:3]
    assert [r[:6] for r in xls_rows[1:]] == [r[:6] for r in pdf_rows[1:]]
    assert xls_rows[1][6] == "机关运行经费预算数" and pdf_rows[1][6] == "2023年机关运行经费预算数"
    assert xls_rows[0][0] == "“三公”经费预算数" and pdf_rows[0][0] == "2023年“三公”经费预算数"


def test_xlsx_merged_levels_are_repeated_down_their_rows():
    """Songgang: 一级指标 产出 is merged over A12:A19 in the first project's sheet, 二级 over B12:B15."""
    grid = grids(SONGGANG)[0]
    ws = load_workbook(io.BytesIO(corpus_bytes(SONGGANG)), read_only=False).worksheets[0]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A12:A15", "A16:A19"} <= merged or "A12:A19" in merged
    rows = grid.rows
    assert [rows[i].cell(0) for i in range(11, 15)] == ["产出"] * 4
    assert [rows[i].cell(1) for i in range(11, 15)] == ["数量", "质量", "时效", "成本"]
    assert {rows[i].ref_of(0).cell for i in range(11, 15)} == {"A12"}
    assert rows[1].cells[1:3] == ["440306231391562500130", ""] and rows[1].ref_of(2).cell == "B2"


def test_xlsx_grid_matches_the_merges_openpyxl_reports_on_every_sheet():
    """Every Songgang sheet against openpyxl's full load: a merge's value down its first column,
    "" in its other columns, every other cell as it is."""
    wb = load_workbook(io.BytesIO(corpus_bytes(SONGGANG)), data_only=True)
    for grid, ws in zip(grids(SONGGANG), wb.worksheets):
        want = {}
        for m in ws.merged_cells.ranges:
            top_left = shown(ws.cell(m.min_row, m.min_col).value)
            for r in range(m.min_row, m.max_row + 1):
                for c in range(m.min_col, m.max_col + 1):
                    want[r, c] = (top_left if c == m.min_col else "", f"{get_column_letter(m.min_col)}{m.min_row}")
        for row in grid.rows:
            for i, text in enumerate(row.cells):
                r, c = row.ref.line, i + 1
                value = ws.cell(r, c).value
                number_format = ws.cell(r, c).number_format if isinstance(value, (int, float)) else None
                text_here, cell = want.get((r, c), (shown(value, number_format), f"{get_column_letter(c)}{r}"))
                assert (text, row.ref_of(i).cell) == (text_here, cell), (grid.sheet, r, c)


def test_csv_reads_real_columns_with_their_lines():
    data = "项目名称,年度指标值,实际完成值\n发放租房补贴人数,\"6,000人\",6412人\n\"补贴对象\n满意度\",≥90%,93%\n".encode("gb18030")
    [grid] = read_grids(data, "targets.csv")
    assert [r.cells for r in grid.rows] == [["项目名称", "年度指标值", "实际完成值"],
                                            ["发放租房补贴人数", "6,000人", "6412人"],
                                            ["补贴对象\n满意度", "≥90%", "93%"]]
    assert [r.ref.line for r in grid.rows] == [1, 2, 3] and all(r.layout is None for r in grid.rows)


def test_csv_without_its_extension_is_recognised_but_spaced_text_is_not():
    data = "项目,预算数,执行数\n人才住房,2400,2583.75\n见习补贴,520,462.18\n培训补贴,300,290\n".encode()
    [grid] = read_grids(data, "export.txt")
    assert grid.rows[1].cells == ["人才住房", "2400", "2583.75"] and grid.rows[1].layout is None
    spaced = "合计 1,234,567 2,345,678\n人员 1,000,000 2,000,000\n公用 234,567 345,678\n".encode()
    [text] = read_grids(spaced, "export.txt")  # commas inside numbers: text, read by its layout
    assert text.rows[0].layout == "space" and text.rows[0].cells == ["合计", "1,234,567", "2,345,678"]


def test_ole2_files_are_told_apart_by_their_streams():
    assert ole2_kind(corpus_bytes(XLS)) == "xls"
    [grid, *_] = read_grids(corpus_bytes(XLS), "renamed.doc")  # content first: still the workbook
    assert grid.sheet == "封面"
    with pytest.raises(SourceError) as err:
        read_grids(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.xls")
    assert str(err.value).startswith("old.xls：")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.xls", b"", "empty.xls：文件为空"),
    ("notes.xls", "合计\t100\n".encode(), "notes.xls：扩展名为 .xls，但内容不是 Excel 工作簿"),
    ("notes.docx", "合计\t100\n".encode(), "notes.docx：扩展名为 .docx，但内容不是 Word 文档"),
])
def test_wrong_content_for_the_extension_is_named(name, data, message):
    with pytest.raises(SourceError) as err:
        read_grids(data, name)
    assert str(err.value) == message


def test_cut_xls_says_it_is_damaged():
    data = corpus_bytes(XLS)
    with pytest.raises(SourceError) as err:
        read_grids(data[:len(data) // 3], XLS)
    assert str(err.value) == f"{XLS}：Excel 工作簿（.xls）已损坏或不完整，无法打开"


def test_zip_that_is_neither_workbook_nor_document():
    with pytest.raises(SourceError) as err:
        read_grids(zip_of({"a.txt": b"hello"}), "bundle.zip")
    assert str(err.value) == "bundle.zip：是压缩包，不是可读取的表格或文档"
