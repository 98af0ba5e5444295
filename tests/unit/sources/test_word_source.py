"""The Word source (.docx; .doc through LibreOffice) on a real form written as a Word table.

No real .docx or .doc form was found for the corpus, so these tests make one at test time: the
first self-evaluation form of samples/national/forms_variant.txt (深圳市龙岗区 人才住房租赁补贴,
2022), written by python-docx as a Word table whose labels are merged the way the printed form
merges them (项目资金 and 绩效指标 down their rows, 一级指标 down its indicators, names and texts
across their columns), with its title and signature lines as paragraphs around the table.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import read_grids
from jixiao.ingest.sources.office import convert, soffice
from tests.conftest import SAMPLES
from tests.unit.sources.corpus_files import zip_of

LINES = [line.split("\t") for line in (SAMPLES / "national" / "forms_variant.txt").read_text(encoding="utf-8").splitlines()]
TABLE = LINES[3:25]  # 项目名称 … 改进措施; lines 0–1 and 25 are the title and signature lines
WIDTH = 11
# (first row, first column, last row, last column) of each merged cell, as the form prints them
MERGES = [(0, 0, 0, 1), (0, 2, 0, 5), (0, 6, 0, 7), (0, 8, 0, 10), (1, 0, 1, 1), (1, 2, 1, 4), (1, 6, 1, 10),
          (2, 0, 7, 0), (2, 1, 2, 3), (3, 1, 3, 3), (4, 1, 4, 3), (5, 1, 5, 3), (6, 1, 6, 3), (7, 1, 7, 3),
          (8, 0, 9, 0), (8, 1, 8, 5), (8, 6, 8, 10), (9, 1, 9, 5), (9, 6, 9, 10),
          (10, 0, 17, 0), (11, 1, 14, 1), (15, 1, 16, 1), (18, 0, 18, 7),
          (19, 1, 19, 10), (20, 1, 20, 10), (21, 1, 21, 10)]


def _cells(r: int) -> list[str]:
    return (TABLE[r] + [""] * WIDTH)[:WIDTH]


def form_docx() -> bytes:
    """The form as a .docx: title paragraphs, the merged table, a nested table, the signature line."""
    d = docx.Document()
    d.add_paragraph(LINES[0][0])
    d.add_paragraph(LINES[1][0])
    table = d.add_table(rows=len(TABLE), cols=WIDTH)
    for r in range(len(TABLE)):
        for c, text in enumerate(_cells(r)):
            if text:
                table.cell(r, c).text = text
    for r0, c0, r1, c1 in MERGES:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    nested = table.cell(21, 1).add_table(rows=1, cols=2)  # 改进措施 with a table of its own inside
    nested.cell(0, 0).text, nested.cell(0, 1).text = "责任科室", "审核科"
    nested.add_row().cells[0].text = "完成时限"
    d.add_paragraph("填表人：王敏    联系电话：0755-28949999")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def expected_rows() -> list[list[str]]:
    """The table as the Grid contract lays merges out: down-merged text repeated, across-merged "" after."""
    rows = [_cells(r) for r in range(len(TABLE))]
    for r0, c0, r1, _ in MERGES:
        for r in range(r0 + 1, r1 + 1):
            rows[r][c0] = rows[r0][c0]
    rows[21][1] += "责任科室 审核科 完成时限"
    return rows


def test_docx_table_has_its_merges_expanded_and_paragraphs_around_it():
    [grid] = read_grids(form_docx(), "form.docx")
    prose = [r for r in grid.rows if r.layout == "prose"]
    table = [r for r in grid.rows if r.layout is None]
    assert [r.cells for r in prose] == [["项目支出绩效自评表"], ["（2022年度）"], ["填表人：王敏 联系电话：0755-28949999"]]
    assert grid.rows.index(prose[-1]) == len(grid.rows) - 1 and grid.rows[2] is table[0]
    assert [r.cells for r in table] == expected_rows()
    assert len({r.block for r in table}) == 1 and table[0].block != prose[0].block != prose[-1].block


def test_a_down_merged_level_cites_its_first_cell():
    [grid] = read_grids(form_docx(), "form.docx")
    output = [r for r in grid.rows if r.cell(1) == "产出指标"]
    assert [r.cell(2) for r in output] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert [r.cell(0) for r in output] == ["绩效指标"] * 4
    refs = {r.ref_of(1) for r in output}
    assert refs == {output[0].ref_of(1)} and output[0].ref_of(1).cell == "T1!R12C2"
    assert output[0].ref_of(0).cell == "T1!R11C1"  # 绩效指标 starts at the indicator header row
    name_row = grid.rows[2]
    assert name_row.cells[:6] == ["项目名称", "", "人才住房租赁补贴", "", "", ""]
    assert {name_row.ref_of(c).cell for c in (2, 3, 4, 5)} == {"T1!R1C3"}
    assert name_row.ref.line == 3 and name_row.ref.cell == "T1!R1"


def test_docx_that_is_a_zip_of_something_else_says_so():
    with pytest.raises(SourceError) as err:
        read_grids(zip_of({"photos/one.jpg": b"\xff\xd8\xff"}), "申报表.docx")
    assert str(err.value) == "申报表.docx：扩展名为 .docx，但内容是其他压缩包，不是 Word 文档"


def test_broken_docx_part_says_it_is_damaged():
    with zipfile.ZipFile(io.BytesIO(form_docx())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:500]
    with pytest.raises(SourceError) as err:
        read_grids(zip_of(parts), "form.docx")
    assert str(err.value) == "form.docx：Word 文档已损坏或不完整，无法打开"


def _to_doc(tmp_path: Path) -> bytes:
    """The form saved as a legacy .doc by LibreOffice (a person's 另存为 Word 97-2003)."""
    assert soffice(), "LibreOffice (soffice) is needed: .ci/run installs libreoffice-writer-nogui"
    return convert(form_docx(), "form.docx", "docx", "doc")


def test_doc_is_read_through_libreoffice_like_the_docx(tmp_path):
    data = _to_doc(tmp_path)
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    [grid] = read_grids(data, "form.doc")
    table = [r.cells for r in grid.rows if r.layout is None]
    assert table == expected_rows()
    assert [r.cells[0] for r in grid.rows if r.layout == "prose"][:2] == ["项目支出绩效自评表", "（2022年度）"]


def test_doc_without_libreoffice_says_what_is_missing(tmp_path, monkeypatch):
    data = _to_doc(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # a machine without LibreOffice
    with pytest.raises(SourceError) as err:
        read_grids(data, "form.doc")
    assert str(err.value) == "form.doc：读取 .doc 文件需要 LibreOffice，本机未安装；请另存为 .docx 后再导入"
