"""Property tests for the 部门预算 number readers: cells, figures in prose, codes, 类/款/项 by arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.budget import BudgetLine, DepartmentBudget, code_at, level_of
from jixiao.domain.limits import MAX_YUAN, AmountOutOfRange
from jixiao.domain.model import Document
from jixiao.ingest.forms import department_budget
from jixiao.ingest.forms.budget_cells import read_amount
from jixiao.ingest.forms.budget_figures import figures_in
from jixiao.ingest.forms.budget_function_tables import classify
from jixiao.ingest.forms.budget_rows import Ctx
from jixiao.ingest.grid import Grid, Row
from jixiao.domain.source import SourceRef

whole = st.integers(min_value=0, max_value=10**9)
cents = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)


@given(whole)
def test_grouped_and_plain_whole_numbers(n):
    assert read_amount(f"{n:,}") == n  # 694,773
    assert read_amount(str(n)) == n  # 69000
    assert read_amount(f" {n:,} ".replace(",", ", ")) == n  # stray spaces after the commas


@given(cents)
def test_decimals_and_fullwidth_digits(x):
    full = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{x:,.2f}")
    assert read_amount(full) == x


@given(st.sampled_from(["-", "—", "－", "", "  ", "/"]))
def test_dashes_and_blanks_are_no_amount(cell):
    assert read_amount(cell) is None


@given(st.text(max_size=30))
def test_any_cell_is_a_number_or_none(text):
    value = read_amount(text)
    assert value is None or isinstance(value, Decimal)


@given(whole, st.sampled_from([("万元", 10000), ("亿元", 100000000), ("元", 1)]),
       st.sampled_from(["人员支出", "公用支出", "项目支出", "市考试院预算"]))
def test_money_in_prose_to_yuan(n, unit, label):
    word, factor = unit
    [fig] = figures_in(f"（一）{label} {n:,} {word}，主要是在职人员工资福利支出。")
    assert fig.value == n and fig.measure_unit == word and fig.label == label
    if n * factor >= MAX_YUAN:  # past what can be stored: the file is refused, in words
        with pytest.raises(AmountOutOfRange):
            fig.yuan
    else:
        assert fig.yuan == Decimal(n * factor).quantize(Decimal("0.01"))


@given(whole, whole)
def test_a_decrease_is_negative_and_the_year_is_no_figure(a, b):
    figs = figures_in(f"2020年预算收入{a:,}万元，比2019年减少{b:,}万元。")
    assert [f.value for f in figs] == [a, -b]


@given(st.text(max_size=200))
def test_figures_never_fail(text):
    for fig in figures_in(text):
        assert fig.start < fig.end


@given(st.from_regex(r"\A2\d{2}(\d{2}){0,2}\Z"))
def test_code_levels_round_trip(code):
    level = level_of(code)
    assert level == {3: "class", 5: "section", 7: "item"}[len(code)]
    assert code_at(code, level) == code and code.startswith(code_at(code, "class"))


@st.composite
def function_tables(draw):
    """A 表1 spending side: classes → sections → items, rounded to whole 万元 as published.

    Amounts are at least 10 万元: a row smaller than the rounding slack of a sum (half a unit per
    row) could be read either way, in the published table too.
    """
    rows, levels = [], []
    for c in range(draw(st.integers(1, 4))):
        sections = []
        for _ in range(draw(st.integers(1, 3))):
            items = draw(st.lists(st.decimals(min_value=10, max_value=100000, places=2), min_size=1, max_size=4))
            sections.append(items)
        class_total = sum(sum(s) for s in sections)
        rows.append((f"{'一二三四'[c]}、类{c}", round(class_total)))
        levels.append("class")
        for s in sections:
            rows.append(("款", round(sum(s))))
            levels.append("section")
            for item in s:
                rows.append(("项", round(item)))
                levels.append("item")
    return rows, levels


@settings(max_examples=200)
@given(function_tables())
def test_sections_and_items_found_by_arithmetic(table):
    rows, levels = table
    doc = Document(file="t.txt", sha256="x", kind="department_budget")
    lines = [BudgetLine(table="表1", label=label, amount=Decimal(v) * 10000, stated_amount=Decimal(v),
                        money_unit="wan_yuan") for label, v in rows]
    classify(lines, Ctx(doc, DepartmentBudget(), "表1", "wan_yuan"))
    got = [b.function_level for b in lines]
    assert got == levels


@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=30))
def test_reader_never_crashes_on_any_rows(cells):
    rows = [Row(cells=["表7"], ref=SourceRef("r.txt", 1)), Row(cells=["一般公共预算支出情况表"], ref=SourceRef("r.txt", 2))]
    rows += [Row(cells=c, ref=SourceRef("r.txt", i + 3)) for i, c in enumerate(cells)]
    doc = department_budget.read([Grid(file="r.txt", rows=rows)], Document(file="r.txt", sha256="x",
                                                                             kind="department_budget"))
    assert doc.kind == "department_budget"
