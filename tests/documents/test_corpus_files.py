"""Every real corpus file (tests/corpus/files) reads with the figures of its answer key.

Budgets and final accounts: every key figure of a printed table (totals, 类-level lines with their
codes, 三公 parts per year, the 决算 identities' terms) is a budget line with that amount as printed,
in that table, row and column; every narrative figure is a stated figure. The 万里 2023 budget's
five target forms are projects with every indicator and their merged 一级/二级指标 carried down;
each 松岗 project has its indicators and not the sheet's footer. Matching is in file_keys.py.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from file_keys import FILES, figure_misses, key_files, read

_FIGURE_KEYS = [k for k in key_files() if json.loads(k.read_text(encoding="utf-8")).get("figures")]


def _key(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", _FIGURE_KEYS, ids=lambda p: p.stem)
def test_budget_figures_as_the_key(path):
    key = _key(path)
    total, misses = figure_misses(key)
    assert total > 0
    assert not misses, f"{len(misses)} of {total} key figures not read: {misses[:5]}"


@pytest.mark.parametrize("path", _FIGURE_KEYS, ids=lambda p: p.stem)
def test_lines_carry_year_phase_and_yuan(path):
    key = _key(path)
    doc = read(key["file"])
    lines = doc.extras["budget"].budget_lines
    phase = "final" if key["form"] == "final_accounts" else "budget"
    assert doc.kind == ("final_accounts" if phase == "final" else "department_budget")
    assert {x.year for x in lines} == {key["year"]}
    assert phase in {x.phase for x in lines}
    for x in lines:
        scale = Decimal(10000) if x.money_unit == "wan_yuan" else Decimal(1)
        assert x.amount == x.stated_amount * scale
        assert x.source is not None and x.source.page is not None


def test_final_accounts_three_public_has_budget_and_final_columns():
    doc = read("final_dept_shanghai_putuo_finance_2024.pdf")
    three = [x for x in doc.extras["budget"].budget_lines if x.table == "三公经费表"]
    by = {(x.category, x.phase): x.stated_amount for x in three}
    assert by == {("three_public_total", "budget"): Decimal("0.95"), ("reception", "budget"): Decimal("0.95")}
    assert all(x.year == 2024 for x in three)


def test_final_accounts_identity_income_equals_spending():
    """收入支出决算总表: 总计 (收入) = 总计 (支出), and 本年收入合计 + 年初结转和结余 = 总计."""
    doc = read("final_dept_shanghai_putuo_finance_2024.pdf")
    lines = [x for x in doc.extras["budget"].budget_lines if x.table_title == "收入支出决算总表"]
    totals = [x.stated_amount for x in lines if x.label == "总计"]
    assert totals == [Decimal("2995.39"), Decimal("2995.39")]
    income = next(x.stated_amount for x in lines if x.label == "本年收入合计")
    carried = next(x.stated_amount for x in lines if x.label == "年初结转和结余")
    assert income + carried == totals[0]


def test_empty_tables_keep_their_note():
    doc = read("budget_dept_shanghai_putuo_finance_2025.pdf")
    spans = {t.kind: t for t in doc.extras["budget"].tables}
    assert "本表为空表" in spans["government_fund"].empty_note
    assert "本表为空表" in spans["state_capital"].empty_note
    assert not [x for x in doc.extras["budget"].budget_lines if x.table in ("政府性基金表", "国有资本经营表")
                and x.stated_amount]


def test_class_lines_have_codes_and_levels():
    doc = read("budget_dept_shanghai_putuo_finance_2025.pdf")
    lines = [x for x in doc.extras["budget"].budget_lines if x.table == "一般公共预算支出表" and x.column == "一般公共预算支出 合计"]
    classes = {x.function_code: x.stated_amount for x in lines if x.function_level == "class"}
    assert classes == {"201": Decimal("22186440.80"), "208": Decimal("3508644.00"), "210": Decimal("782164.00"),
                       "221": Decimal("4736957.00")}
    total = next(x.stated_amount for x in lines if x.row_kind == "total")
    assert sum(classes.values()) == total
    assert next(x for x in lines if x.function_code == "2010601").function_level == "item"


def test_narrative_figures_linked_to_their_lines():
    doc = read("budget_dept_shanghai_putuo_finance_2025.pdf")
    figures = doc.extras["budget"].stated_figures
    linked = [f for f in figures if f.line is not None]
    assert len(linked) >= 10
    fiscal = next(f for f in figures if f.category == "fiscal" and f.value == Decimal("3121.42"))
    assert fiscal.line is not None and fiscal.line.stated_amount == Decimal("31214205.80")
    assert fiscal.line.label == "一、财政拨款收入"


def test_wanli_target_forms_every_indicator():
    key = _key(FILES.parent / "expected" / "files" / "budget_dept_shanghai_putuo_wanli_2023_perftargets.json")
    doc = read(key["file"])
    assert [p.name for p in doc.projects] == [f["project"] for f in key["target_forms"]]
    for project, form in zip(doc.projects, key["target_forms"]):
        got = [(i.level1_text, i.level2_text, i.name, i.target.text) for i in project.indicators]
        want = [(x["level1"], x["level2"], x["name"], x["target"]) for x in form["indicators"]]
        assert got == want, project.name
        assert project.budget.total == Decimal(form["amount_year"].replace(",", ""))
    assert sum(len(p.indicators) for p in doc.projects) == 65


_SONGGANG = key_files("target_declarations")


def _ws(text: str | None) -> str:
    """A cell's text with its runs of whitespace (tabs and line breaks the sheets carry) as one space."""
    return " ".join((text or "").split())


@pytest.mark.parametrize("path", _SONGGANG, ids=lambda p: p.stem)
def test_songgang_projects_without_footer(path):
    key = _key(path)
    doc = read(key["file"])
    assert [p.name for p in doc.projects] == [p["name"] for p in key["projects"]]
    for project, want in zip(doc.projects, key["projects"]):
        rows = [(r["level1"], r["level2"], _ws(r["name"]), _ws(r["target"])) for r in want["indicator_rows"]
                if not (r["name"].strip() == "不适用" and r["target"].strip() == "不适用")]
        got = [(i.level1_text, i.level2_text, _ws(i.name), _ws(i.target.text)) for i in project.indicators]
        assert got == rows, project.name  # merged 一级/二级指标 carried down every row they span
        assert not any(i.name.startswith("备注") for i in project.indicators)
        assert project.code == want["code"]
    assert not any("备注" in w.message for w in doc.warnings)
    # what is really wrong: the amounts labelled 万元 hold 元 (each key's first defect)
    assert doc.warnings and all("金额单位存疑" in w.message for w in doc.warnings), [w.message for w in doc.warnings]
    doubted = [p for p in doc.projects if "money_unit_doubt" in p.details]
    assert len(doubted) >= len(doc.projects) // 3


def test_latin_digits_stay_in_their_sentence():
    """财政局 2024 决算 prints its numbers in Times New Roman a few points below the Chinese: they are
    read in their sentences (the key's note: a plain extraction pulls them out)."""
    doc = read("final_dept_shanghai_putuo_finance_2024.pdf")
    figures = doc.extras["budget"].stated_figures
    assert any(f.value == Decimal("2995.39") and f.source.page == 21 for f in figures)
    assert doc.year == 2024


def test_table_notes_against_their_tables():
    """The keys' defects: a note naming the wrong fund (财政局 2025 p18), a table said to be empty that
    prints figures (万里 2024 p31); a note that fits its table gives no notice."""
    wrong_fund = [w.message for w in read("budget_dept_shanghai_putuo_finance_2025.pdf").warnings]
    assert wrong_fund == ["“2025年部门国有资本经营预算支出功能分类预算表”的表注说的是“政府性基金”，"
                          "与表名不符（疑为照抄上一张表的表注）"]
    not_empty = read("budget_dept_shanghai_putuo_wanli_2024.pdf").warnings
    assert [w.source.page for w in not_empty if "写明本表为空，但表中有 6 个数字" in w.message] == [31]
    assert read("budget_dept_shanghai_putuo_commerce_2025.pdf").warnings == []


def test_narrative_items_against_table_lines():
    """The keys' narrative-vs-table defects: each item the text names by 类/款/项 whose amount the
    table line does not bear out (M007), and only those (a figure truncated to 0.01万元 agrees)."""
    from jixiao.checks.printed_figures import disagreements

    found = {}
    for path in _FIGURE_KEYS:
        budget = read(_key(path)["file"]).extras["budget"]
        found.update({(path.stem, f.value): (b.function_code, b.stated_amount) for f, b in disagreements(budget)})
    assert found == {
        ("budget_dept_shanghai_putuo_finance_2025", Decimal("887.36")): ("2080506", Decimal("873617.00")),
        ("budget_unit_shanghai_putuo_welfarehome_2024", Decimal("738.66")): ("2081005", Decimal("6964796")),
    }


def test_final_accounts_template_has_no_amounts():
    """The blank 2024 部门决算 template: its nine tables are found, none has an amount, and one
    notice says so (not one per table)."""
    doc = read("final_template_shanghai_2024.pdf")
    budget = doc.extras["budget"]
    assert doc.kind == "final_accounts"
    assert len(budget.tables) == 9
    assert not [x for x in budget.budget_lines if x.stated_amount]
    assert [w.message for w in doc.warnings] == ["9 张表格都没有填数字（可能是空白模板）"]


def test_a_class_code_printed_short_is_noticed():
    """福利院 2024 prints 事业单位医疗 with 类 code 7 for 210 (7 11 02) on pp9 and 11 (the key's defect)."""
    doc = read("budget_unit_shanghai_putuo_welfarehome_2024.pdf")
    notices = [w for w in doc.warnings if "“7 11 02”不是类/款/项编码" in w.message]
    assert sorted(w.source.page for w in notices) == [9, 11]
    line = next(x for x in doc.extras["budget"].budget_lines if x.function_code == "7 11 02")
    assert line.function_level is None and line.label == "事业单位医疗"


def test_summary_classes_against_detailed_tables():
    """A 类 the 收支总表 names (no code) against the same 类 by code in the 支出决算表 and the
    一般公共预算 table: the keys' ✘ cross-table checks are exactly the pairs that differ (by 0.01万元,
    within the rounding of two printings, so M002 not M004)."""
    from jixiao.checks.printed_sums import cross_items

    found = set()
    for path in _FIGURE_KEYS:
        budget = read(_key(path)["file"]).extras["budget"]
        found |= {(path.stem, i.what.split("”与“")[1].split("”")[0], i.check.verdict, i.check.stated)
                  for i in cross_items(budget) if i is not None and i.check.verdict}
    assert found == {
        ("final_dept_shanghai_putuo_finance_2024", "支出决算表", "rounding", Decimal("3267100")),
        ("final_dept_shanghai_putuo_finance_2024", "一般公共预算财政拨款支出决算表", "rounding", Decimal("3267100")),
        ("final_dept_shanghai_putuo_planning_2024", "支出决算表", "rounding", Decimal("2366300")),
        ("final_dept_shanghai_putuo_planning_2024", "支出决算表", "rounding", Decimal("38452500")),
        ("final_dept_shanghai_putuo_planning_2024", "一般公共预算财政拨款支出决算表", "rounding", Decimal("2366300")),
    }


@pytest.mark.parametrize("name", ["budget_dept_shanghai_putuo_finance_2025", "final_dept_shanghai_putuo_planning_2024",
                                  "budget_dept_jiangsu_procuratorate_2019"])
def test_the_measure_fails_on_wrong_amounts(name):
    """The key comparison is no formality: every table figure moved by one printed unit, or given
    another 类 code, is reported missing."""
    key = _key(FILES.parent / "expected" / "files" / f"{name}.json")
    moved = []
    for fig in key["figures"]:
        if fig.get("source") == "narrative" or fig["amount"] is None:
            continue
        amount = Decimal(fig["amount"].replace(",", ""))
        step = Decimal(1).scaleb(amount.as_tuple().exponent)
        moved.append(dict(fig, amount=str(amount + step)))
        if fig.get("code"):
            moved.append(dict(fig, code="299"))
    total, misses = figure_misses(dict(key, figures=moved))
    assert total == len(moved) > 20 and len(misses) == total


_PDFS = sorted(p.name for p in FILES.glob("*.pdf"))


def test_narrative_levels_linked_across_the_corpus_pdfs():
    """Of the money levels the explanations state in the 21 corpus PDFs, how many are linked to the
    table line they describe: 382 of 972 by row label and subject alone; 570 with the clause's
    words, its 类/款/项 code, the subjects total rows' columns and titles name, and a clause's own
    year (``2025年执行数为…，2026年预算安排…``)."""
    from jixiao.ingest.forms.printed_links import is_level

    levels = [f for name in _PDFS for f in read(name).extras["budget"].stated_figures if is_level(f)]
    linked = [f for f in levels if f.line is not None]
    assert len(linked) >= 570, f"{len(linked)} of {len(levels)}"


def test_links_by_code_column_and_row_subject():
    figures = read("budget_dept_shanghai_putuo_justice_2026.pdf").extras["budget"].stated_figures
    run = next(f for f in figures if f.value == Decimal("1672.67") and f.line is not None)
    assert (run.line.function_code, run.line.label) == ("2040601", "行政运行")  # (204类)司法(06款)行政运行(01项)
    fiscal = next(f for f in figures if f.label == "财政拨款支出预算")
    assert (fiscal.line.label, fiscal.line.column) == ("支出总计", "财政拨款支出 合计")
    said = next(f for f in figures if f.label.endswith("2026年预算安排") and f.value == Decimal("2170.39"))
    assert said.year == 2026  # not the sentence's first year (2025年当年预算执行数为2149.45万元，…)
    spending = next(f for f in figures if f.label == "支出预算")
    assert (spending.line.table_title, spending.line.label) == ("2026年部门财务收支预算总表", "支出总计")
    final = read("final_dept_shanghai_putuo_finance_2024.pdf").extras["budget"].stated_figures
    personnel = next(f for f in final if f.label == "人员经费" and f.value == Decimal("2152.26"))
    assert personnel.line.label == "人员经费合计"
