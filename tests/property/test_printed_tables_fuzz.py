"""Property tests: the printed-table readers take any grid of titled tables without failing, and
every amount they read is an amount the grid prints."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.model import Document
from jixiao.domain.source import SourceRef
from jixiao.ingest.forms import printed_budget
from jixiao.ingest.forms.printed_tables import is_amount
from jixiao.ingest.grid import Grid, Row

CELLS = ["", "", "合计", "小计", "总计", "类", "款", "项", "科目编码", "功能分类科目名称", "预算数", "决算数",
         "一般公共服务支出", "行政运行", "201", "06", "01", "2", "301", "1,234.56", "0.95", "0", "-3.5",
         "12,345", "“三公”经费", "公务用车购置及运行费", "购置费", "运行费", "本表为空表", "单位：万元", "x"]
TITLES = ["2025年部门财务收支预算总表", "收入决算表", "2024年部门“三公”经费和机关运行经费预算表",
          "一般公共预算财政拨款基本支出决算表", "财政项目支出绩效目标填报表", "政府采购预算表"]

cell = st.sampled_from(CELLS)
table = st.tuples(st.sampled_from(TITLES), st.lists(st.lists(cell, min_size=1, max_size=8), max_size=12))


def _grid(tables) -> Grid:
    rows, line, block = [], 0, 0
    for title, body in tables:
        block += 1
        line += 1
        ref = SourceRef("f.pdf", line, page=1)
        rows.append(Row([title], ref, [ref], layout="prose", block=block))
        block += 1
        for cells in body:
            line += 1
            ref = SourceRef("f.pdf", line, page=1, box=(0.0, 0.0, 1.0, 1.0))
            rows.append(Row(cells, ref, [ref] * len(cells), block=block))
    return Grid("f.pdf", rows)


@given(st.lists(table, max_size=6))
@settings(max_examples=200, deadline=None)
def test_any_printed_tables_read_without_failing(tables):
    grid = _grid(tables)
    printed_budget.detect(grid)
    doc = printed_budget.read([grid], Document(file="f.pdf", sha256="x", kind="department_budget"))
    printed = {Decimal(c.replace(",", "")) for _, body in tables for cells in body for c in cells if is_amount(c)}
    for line in doc.extras.get("budget").budget_lines if doc.extras.get("budget") else []:
        assert line.stated_amount in printed
        assert line.table_title in TITLES
