"""The PDF source on the real corpus PDFs: what the grid holds, with page and box.

The answer keys in tests/corpus/expected/files were made by hand from pdfplumber and pdftotext;
the values asserted here are the printed ones.
"""

from __future__ import annotations

import re

import pdfplumber
import pytest

from tests.unit.sources.corpus_files import CORPUS, answer_key, pdf_grid, squash

WANLI_2023 = "budget_dept_shanghai_putuo_wanli_2023_perftargets.pdf"
WANLI_2024 = "budget_dept_shanghai_putuo_wanli_2024.pdf"
HIGHCOURT = "budget_dept_jiangsu_highcourt_2017.pdf"


def _page(name: str, page: int):
    return [r for r in pdf_grid(name).rows if r.ref.page == page]


def _row(rows, *texts):
    """The first row holding all ``texts`` as cells."""
    return next(r for r in rows if all(t in r.cells for t in texts))


def test_every_indicator_of_the_five_target_forms_has_its_levels_in_its_row():
    """pp. 31–35: 一级指标 and 二级指标 are cells merged down over several rows; each indicator's row
    holds its own level texts, the merged ones repeated, as the answer key lists 65 of them."""
    forms = answer_key(WANLI_2023)["target_forms"]
    assert [f["page"] for f in forms] == [31, 32, 33, 34, 35]
    seen = 0
    for form in forms:
        rows = [[squash(c) for c in r.cells] for r in _page(WANLI_2023, form["page"]) if r.layout is None]
        for ind in form["indicators"]:
            want = [squash(ind[k]) for k in ("level1", "level2", "name", "target")]
            assert any(cells[1:4] == want[:3] and want[3] in cells[4:] for cells in rows), (form["page"], want)
            seen += 1
    assert seen == 65


def test_a_merged_level_cell_cites_one_box_spanning_its_rows():
    rows = _page(WANLI_2023, 31)
    output = [r for r in rows if r.layout is None and r.cell(1) == "产出指标"]
    assert [r.cell(2) for r in output] == ["数量指标", "质量指标", "成本指标"]
    assert [r.cell(0) for r in output] == ["绩效指标"] * 3
    refs = {id(r.ref_of(1)) for r in output}
    assert len(refs) == 1  # the same SourceRef for every row of the merge
    ref = output[0].ref_of(1)
    assert ref.page == 31 and ref.file == WANLI_2023
    x0, top, x1, bottom = ref.box
    assert top <= output[0].ref.box[1] + 0.5 and bottom >= output[-1].ref.box[3] - 0.5
    assert output[1].ref_of(2).box[1] > top  # 质量指标 has a box of its own, below 数量指标's top
    # the 项目资金（元） label merged over four rows, and a wrapped cell read as one text
    funds = [r for r in rows if r.cell(0) == "项目资金（元）"]
    assert [r.cell(2) for r in funds] == ["项目资金总额", "其中：财政资金", "其中：财政资金", "其他资金"]
    assert _row(rows, "服务对象满意度指标").cell(3) == "居民满意度"


def test_budget_summary_page_has_the_printed_totals_in_their_cells():
    """p. 10, 2023年部门财务收支预算总表: label and amount side by side, in the 预算数 columns."""
    rows = _page(WANLI_2023, 10)
    assert [r.cells[0] for r in rows if r.layout == "prose"] == ["2023年部门财务收支预算总表",
                                                                 "编制部门：上海市普陀区人民政府万里街道办事处 单位：元"]
    head = _row(rows, "项目", "预算数")
    assert head.cells == ["项目", "预算数", "项目", "预算数"]
    assert _row(rows, "收入总计").cells == ["收入总计", "164,978,640", "支出总计", "164,978,640"]
    assert _row(rows, "二、公共安全支出").cells == ["1. 一般公共预算", "164,978,640", "二、公共安全支出", "1,252,300"]
    figures = [f for f in answer_key(WANLI_2023)["figures"] if f["page"] == 10 and f.get("amount")]
    assert len(figures) >= 12
    for f in figures:
        row = next(r for r in rows if f["label"] in r.cells)
        i = row.cells.index(f["label"])
        assert row.cells[i + 1] == f["amount"], f


def test_known_cell_has_its_page_and_box():
    """The 收入总计 amount on p. 10: its box is the ruled cell pdfplumber finds around the printed words
    (to a hundredth of a point: jixiao reads the rules with PDFium, in single precision)."""
    row = _row(_page(WANLI_2023, 10), "收入总计")
    ref = row.ref_of(1)
    assert (ref.file, ref.page) == (WANLI_2023, 10)
    with pdfplumber.open(CORPUS / WANLI_2023) as pdf:
        page = pdf.pages[9]
        words = [w for w in page.extract_words() if w["text"] == "164,978,640"]
        cells = [c for t in page.find_tables() for c in t.cells]
    x0, top, x1, bottom = ref.box
    assert any(max(abs(a - b) for a, b in zip(ref.box, c)) < 0.01 for c in cells)
    inside = [w for w in words if x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] and w["bottom"] <= bottom]
    assert len(inside) == 1 and x1 - x0 > 50
    assert row.ref.page == 10 and row.ref.line == 18  # the 18th row on its page (2 text lines, 16 table rows)


def test_table_over_five_pages_is_one_block_with_its_header_once():
    """2024年部门一般公共预算支出功能分类预算表 runs from p. 22 to p. 26; pp. 23–26 repeat its three
    header rows, which the grid keeps once."""
    grid = pdf_grid(WANLI_2024)
    start = _row(_page(WANLI_2024, 22), "功能分类科目编码")
    assert start.cells == ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"]
    block = [r for r in grid.rows if r.block == start.block]
    assert sorted({r.ref.page for r in block}) == [22, 23, 24, 25, 26]
    assert sum("功能分类科目编码" in r.cells for r in block) == 1
    assert sum(r.cells[:3] == ["类", "款", "项"] for r in block) == 1
    assert all(r.layout is None and len(r.cells) == 7 for r in block)
    first_on_23 = next(r for r in block if r.ref.page == 23)
    assert first_on_23.cells == ["204", "", "", "公共安全支出", "1,633,000", "0", "1,633,000"]
    assert first_on_23.ref.line == 4  # the page's rows 1–3 were the repeated header


def test_coded_rows_of_a_continued_table_are_all_there():
    """2023年部门收入预算总表, pp. 11–14: the answer key counts 66 coded rows (类, 款 and 项)."""
    start = _row(_page(WANLI_2023, 11), "功能分类科目编码")
    block = [r for r in pdf_grid(WANLI_2023).rows if r.block == start.block]
    assert sorted({r.ref.page for r in block}) == [11, 12, 13, 14]
    assert len([r for r in block if re.fullmatch(r"\d{3}", r.cell(0))]) == 66
    assert _row(block, "212", "01", "99").cells[3:5] == ["其他城乡社区管理事务支出", "49,927,105"]


def test_target_forms_on_consecutive_pages_stay_separate_tables():
    rows = [r for r in pdf_grid(WANLI_2023).rows if 31 <= r.ref.page <= 35 and r.layout is None]
    assert len({r.block for r in rows}) == 5
    assert sum(r.cell(0) == "财政项目支出绩效目标填报表" for r in rows) == 5


def test_text_outside_tables_reads_top_to_bottom_around_the_tables():
    rows = _page(WANLI_2023, 6)
    prose = [r for r in rows if r.layout == "prose"]
    assert len(prose) > 20 and all(len(r.cells) == 1 and r.cell_refs == [r.ref] for r in prose)
    tops = [r.ref.box[1] for r in prose]
    assert tops == sorted(tops)
    assert any("收入预算16497.86万元" in squash(r.cells[0]) for r in prose)
    assert [r.ref.line for r in rows] == list(range(1, len(rows) + 1))


def test_double_rules_do_not_make_empty_columns():
    """Jiangsu's Word exports draw double borders; the 收支总表 on p. 11 is six columns, not nineteen."""
    rows = [r for r in _page(HIGHCOURT, 11) if r.layout is None]
    assert rows[0].cells == ["收入", "", "支出", "", "", ""]
    assert _row(rows, "一、财政拨款").cells == ["一、财政拨款", "28,849.38", "一、一般公共服务支出", "", "一、基本支出", "17,123.19"]


def test_continued_table_without_a_top_rule_keeps_its_first_row():
    """p. 14 continues p. 13's 一般公共预算支出表; Word drew no rule above its first row."""
    start = _row(_page(HIGHCOURT, 13), "功能科目代码")
    first = next(r for r in pdf_grid(HIGHCOURT).rows if r.ref.page == 14)
    assert first.layout is None and first.block == start.block
    assert first.cells == ["2210201", "住房公积金", "1,029.15"]


def test_a_frame_round_the_table_is_not_a_cell():
    """The Distiller PDF draws a box round each whole page; the table inside is read as its cells."""
    rows = _page("budget_tables_jiangsu_party_office_2019_distiller.pdf", 2)
    assert [r.cells[0] for r in rows[:2]] == ["收入预算总表", "部门：中共江苏省委办公厅 单位：万元"]
    assert _row(rows, "收入总计").cells == ["收入总计", "", "27,664.22"]
    assert _row(rows, "公共财政拨款(补助)资金").cells == ["一般公共预算资金", "公共财政拨款(补助)资金", "27,664.22"]


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.pdf")))
def test_every_corpus_pdf_reads_with_its_tables_where_the_key_puts_them(name):
    """Each table of the answer key starts on its page, and one that runs over pages is one block
    from its first page to its last (a last page with only the bottom rule on it aside)."""
    grid = pdf_grid(name)
    assert grid.notices == [] and grid.rows
    blocks: dict[int, set[int]] = {}
    for r in grid.rows:
        if r.layout is None:
            blocks.setdefault(r.block, set()).add(r.ref.page)
        assert r.ref.file == name and r.ref.page and len(r.cell_refs) == len(r.cells)
    spans = {(min(p), max(p)) for p in blocks.values()}
    for t in answer_key(name)["tables"]:
        last = t.get("last_page", t["page"])
        if (name, t["page"]) == ("final_dept_shanghai_putuo_finance_2024.pdf", 12):
            last = 13  # p. 14 holds the table's bottom rule only, no text
        assert any(a == t["page"] and b == last for a, b in spans) or last == t["page"], t
