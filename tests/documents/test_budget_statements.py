"""Budget and final-account statements (B01–B20): figures with their year, phase and comparison, the
inconsistencies as findings, and nothing of other readers' forms claimed.

Each excerpt is read as a whole file; its hand-made key (``tests/corpus/expected/BNN.json``) says which
figures it states, as printed, with the column they stand in (``2023决算``, ``比上年增减`` …).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.checks.context import CheckContext
from jixiao.checks.registry import all_rules
from jixiao.checks.runner import run_checks
from jixiao.domain.budget import StatedFigure, year_column
from jixiao.domain.text import normalise
from jixiao.ingest.forms import budget_statements, detect, read_document
from jixiao.ingest.sources import read_grids
from tests.conftest import SAMPLES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = [f"B{n:02d}" for n in range(1, 21)]
OTHER_FORMS = [f"S{n:02d}" for n in range(1, 41)] + [f"T{n:02d}" for n in range(1, 21)]
SEEDS = sorted(p.name for p in SAMPLES.glob("*.txt"))
STATEMENT_RULES = ("R005", "M005", "M006", "C001")
_FACTOR = {"万元": Decimal(10000), "元": Decimal(1), "亿元": Decimal(100000000)}
_ROW_LINES = 80  # lines one extracted table row may span

# Key figures each reading gets exactly (amount and year_column), of those the key states with an amount.
# B05: two asset values stated 截至2022年12月31日 are a stock on a date, no year's 预算 or 决算.
EXACT = {name: None for name in FILES} | {"B05": 14}

# The inconsistencies each key marks ✘, as (rule, line) findings.
FINDINGS = {
    "B03": {("C001", 33)},  # 设9个内设机构, 8 listed
    "B06": {("R005", 16)},  # 卫生健康 下降80.9%: 635 on 1272 is 49.9%
    "B12": {("R005", 30), ("R005", 32), ("R005", 33)},  # 完成率 43% (57%), shares 69/31 swapped, 接待 47% (53%)
    "B15": {("R005", 11), ("R005", 15)},  # 社保 growth on this year's amount, 住房保障 share 6.90 (6.89)
    "B18": {("M006", 6)},  # 收入总计 4125.49 ≠ 支出总计 4143.91
}


def _key(name: str) -> dict:
    return json.loads((CORPUS / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def _text(name: str) -> Path:
    return CORPUS / "text" / f"{name}.txt"


@pytest.fixture(scope="module")
def docs() -> dict:
    return {name: read_document(_text(name).read_bytes(), f"{name}.txt") for name in FILES}


def figures(doc) -> list[StatedFigure]:
    return doc.extras["budget"].stated_figures


def _printed(amount: str) -> tuple[Decimal, str]:
    """A key's amount → (number, unit written after it, if any): ``24批次`` → (24, 批次)."""
    t = normalise(amount)
    m = re.match(r"^([\d,]*\.?\d+)(.*)$", t)
    assert m, amount
    return Decimal(m.group(1).replace(",", "")), m.group(2)


def matched(doc, key: dict) -> tuple[int, list]:
    """How many key figures the reading states with the same amount and column (each used once)."""
    pool = [(normalise(year_column(f) or ""), abs(f.value), f.measure_unit) for f in figures(doc)]
    exact, missed = 0, []
    for want in (f for f in key["figures"] if f.get("amount")):
        value, unit = _printed(want["amount"])
        column = normalise(want["year_column"]) if want.get("year_column") else ""
        hit = next((i for i, (c, v, u) in enumerate(pool) if v == value and c == column
                    and (unit in ("", "%", "万元", "元") or unit == u)), None)
        if hit is None:
            missed.append((want["label"], want["amount"], want.get("year_column")))
        else:
            exact += 1
            pool.pop(hit)
    return exact, missed


@pytest.mark.parametrize("name", FILES)
def test_key_figures_with_their_columns(docs, name):
    doc, key = docs[name], _key(name)
    assert doc.kind == "budget_statement"
    stated = sum(1 for f in key["figures"] if f.get("amount"))
    exact, missed = matched(doc, key)
    assert exact == (EXACT[name] if EXACT[name] is not None else stated), missed


@pytest.mark.parametrize("name", FILES)
def test_statement_findings(docs, name):
    rules = [r for r in all_rules() if r.code in STATEMENT_RULES]
    report = run_checks(CheckContext([docs[name]]), rules=rules)
    assert report.failures == []
    found = {(f.code, f.source.line) for f in report.findings}
    assert found == FINDINGS.get(name, set()), [f.message for f in report.findings]
    assert all(re.search(r"[\u4e00-\u9fff]", f.message) and not re.search(r"[A-Za-z]{3,}", f.message)
               for f in report.findings)


@pytest.mark.parametrize("name", FILES)
def test_every_figure_keeps_its_source_and_money(docs, name):
    lines = _text(name).read_text(encoding="utf-8").splitlines()
    for f in figures(docs[name]):
        assert f.source is not None and f.source.file == f"{name}.txt" and 1 <= f.source.line <= len(lines)
        # prose: the number is on its line or runs on from the line before (a hard break); a table cell
        # cites its own line, or its row's first line when the source joined the row's lines
        last = f.source.line + (_ROW_LINES if f.table and f.ratio is None else 1)
        near = normalise("".join(lines[max(0, f.source.line - 2):last])).replace(",", "")
        assert format(abs(f.value), "f") in near or f.label.endswith(("持平", "无增减", "无变化", "一致")) \
            or "无增减" in f.label or "无变化" in f.label, (f.source.line, f.value, f.label)
        if f.measure_unit in _FACTOR:
            assert isinstance(f.amount, Decimal) and f.amount == (f.value * _FACTOR[f.measure_unit]).quantize(
                Decimal("0.01"))
        else:
            assert f.amount is None


def _one(doc, **want) -> StatedFigure:
    found = [f for f in figures(doc) if all(getattr(f, k) == v for k, v in want.items())]
    assert found, want
    return found[0]


def test_b01_three_public_final_accounts(docs):
    doc = docs["B01"]
    assert (doc.year, doc.department, doc.money_unit) == (2023, "广东省财政厅", "wan_yuan")
    total = _one(doc, category="three_public_total", phase="final", change=None, ratio=None)
    assert (total.year, total.value, total.amount, total.table) == (2023, Decimal("62.07"), Decimal("620700.00"), "三公经费")
    assert total.source.line == 6 and total.text.startswith("广东省财政厅2023年度“三公”经费")
    budget = _one(doc, category="three_public_total", phase="budget")
    assert budget.value == Decimal("84.82")
    since = _one(doc, category="three_public_total", change="vs_year", ratio=None)
    assert (since.base_year, since.value, year_column(since)) == (2019, Decimal("-24.87"), "比2019年增减")
    growth = _one(doc, category="reception", ratio="growth")
    assert (growth.value, year_column(growth)) == (Decimal("1055.4"), "比上年增减")
    share = _one(doc, category="overseas_travel", ratio="share")
    assert (share.value, share.base, year_column(share)) == (Decimal("19.4"), "three_public_total", "2023决算")
    assert _one(doc, category="car_purchase", phase="final").value == 0


def test_b02_pdf_line_breaks(docs):
    doc = docs["B02"]
    cars = _one(doc, category="official_cars", phase="final")
    assert (cars.year, cars.value, cars.source.line) == (2020, Decimal("3.98"), 6)  # 公务用车购 / 置及运行费
    reception = _one(doc, category="reception", phase="final")
    assert (reception.value, reception.source.line) == (Decimal("1.5"), 6)  # 1.5万 / 元
    assert _one(doc, category="three_public_total", change="vs_budget").value == 0


def test_b04_table_and_prose(docs):
    doc = docs["B04"]
    budget = doc.extras["budget"]
    lines = {(t.category, t.year): t.stated_amount for t in budget.three_public_lines}
    assert lines == {("total", 2024): Decimal("328.7"), ("overseas_travel", 2024): Decimal("10"),
                     ("official_cars", 2024): Decimal("78.7"), ("car_purchase", 2024): Decimal("43"),
                     ("car_operation", 2024): Decimal("35.7"), ("reception", 2024): Decimal("240")}
    change = _one(doc, category="official_cars", change="yoy", ratio=None)
    assert (change.value, change.year) == (Decimal("-7.3"), 2024)  # 比2023年预算减少 in a 2024 budget
    flat = _one(doc, category="overseas_travel", change="yoy")
    assert flat.value == 0  # 与2023年预算持平


def test_b03_final_accounts_table(docs):
    doc = docs["B03"]
    income = _one(doc, category="general_public", table="收入支出决算总表")
    assert (income.year, income.phase, income.value) == (2019, "final", Decimal("440.55"))
    spending = _one(doc, subject="一般公共服务支出")
    assert (spending.value, spending.category) == (Decimal("423.20"), "function_class")


def test_b09_b13_b14_b17_tables(docs):
    b09 = docs["B09"]
    total = _one(b09, category="three_public_total")
    assert (total.year, total.phase, total.value, total.measure_unit) == (2017, "budget", Decimal("250000"), "元")
    assert _one(b09, category="reception_batches").value == 10
    b13 = docs["B13"]
    assert _one(b13, category="spending_grand_total").value == Decimal("78.50")
    assert _one(b13, subject="卫生健康支出").year == 2025
    b14 = docs["B14"]
    project = _one(b14, value=Decimal("20500"))
    assert (project.code, project.year, project.phase) == ("2299999", 2024, "budget")
    assert project.label == "海南省公安厅 反走私视频图像前端补点(一期)项目"
    b17 = docs["B17"]
    assert {(t.category, t.stated_amount) for t in b17.extras["budget"].three_public_lines} >= {
        ("total", Decimal("29.00")), ("reception", Decimal("1.00"))}
    assert _one(b17, category="agency_running_costs", change="yoy", ratio=None).value == Decimal("15.18")


def test_b07_dump_keeps_numbers_but_names_no_row(docs):
    values = {(f.value, f.subject, year_column(f)) for f in figures(docs["B07"])}
    assert (Decimal("414528.39"), None, "2023预算") in values and (Decimal("4197378.97"), None, "2023预算") in values


def test_b10_b18_pairs_and_prior_year(docs):
    b18 = docs["B18"]
    spending = _one(b18, category="spending_grand_total", change="yoy", ratio=None)
    assert (spending.value, spending.year) == (Decimal("-2570.97"), 2022)  # 收、支总计各减少1267.86,2570.97万元
    rate = _one(b18, category="spending_grand_total", ratio="growth")
    assert rate.value == Decimal("-38.28")
    b10 = docs["B10"]
    carried = _one(b10, category="carried_over", change=None)
    assert (carried.year, carried.phase, carried.value) == (2022, "final", Decimal("1475.63"))  # 上年年初结转资金


def test_b16_execution_and_tax_list(docs):
    doc = docs["B16"]
    assert doc.year == 2024  # the report's; its 2023 section says its own year
    income = _one(doc, category="general_public", change=None, ratio=None)
    assert (income.year, income.phase, income.value) == (2023, "execution", Decimal("4220.18"))
    taxes = [f for f in figures(doc) if f.base == "tax_income"]
    assert len(taxes) == 10 and sum(f.amount for f in taxes) == Decimal("1830000.00")


def test_b19_b20_prior_year_and_traditional(docs):
    b19 = docs["B19"]
    last = _one(b19, category="three_public_total", year=2017)
    assert (last.phase, last.value) == ("final", Decimal("2.08"))  # 较上年2.08减少0.03万元
    b20 = docs["B20"]
    change = _one(b20, category="three_public_total", change="yoy", ratio=None)
    assert (change.value, change.year) == (Decimal("-830"), 2019)  # 同口徑比2018年減少830萬元
    assert _one(b20, category="reception", change="yoy", ratio="growth").value == Decimal("-7.4")


@pytest.mark.parametrize("name", OTHER_FORMS)
def test_other_forms_are_not_statements(name):
    grids = read_grids(_text(name).read_bytes(), f"{name}.txt")
    assert max(budget_statements.detect(g) for g in grids) < 0.5
    reader, _ = detect(grids)
    assert reader is not budget_statements


@pytest.mark.parametrize("name", SEEDS)
def test_seeds_are_not_statements(name):
    grids = read_grids((SAMPLES / name).read_bytes(), name)
    assert max(budget_statements.detect(g) for g in grids) < 0.5
    reader, _ = detect(grids)
    assert reader is not None and reader is not budget_statements


# Statements written otherwise than the corpus: full-width marks, a tab-separated table with change columns.
PROSE = """某某县教育局2022年度部门决算“三公”经费情况说明
2022年度一般公共预算财政拨款“三公”经费支出年初预算为15.60万元，支出决算为12.35万元，完成预算的79.17%，较上年减少2.10万元，下降14.53%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行维护费支出决算为8.20万元；公务接待费支出决算为4.15万元，占“三公”经费的33.60%。
2022年度本部门收入总计1,234.56万元，支出总计1,234.56万元。本年收入合计1,200.00万元，其中：财政拨款收入1,150.00万元，占95.83%；其他收入50.00万元，占4.17%。
"""
TABLE = ("2023年某某局一般公共预算“三公”经费支出决算表\n单位：万元\n项目\t2022年决算数\t2023年决算数\t增减额\t增减率\n"
         "合计\t20.5\t18.3\t-2.2\t-10.73%\n因公出国（境）费\t0\t0\t0\t\n公务接待费\t5.5\t4.3\t-1.2\t-21.82%\n"
         "公务用车购置及运行维护费\t15\t14\t-1\t-8%\n")


def _findings(doc) -> list:
    rules = [r for r in all_rules() if r.code in STATEMENT_RULES]
    return run_checks(CheckContext([doc]), rules=rules).findings


def test_a_statement_written_otherwise():
    doc = read_document(PROSE.encode(), "v1.txt")
    assert (doc.kind, doc.year, doc.department) == ("budget_statement", 2022, "某某县教育局")
    got = {(year_column(f), f.value, f.category) for f in figures(doc)}
    assert {("2022预算", Decimal("15.60"), "three_public_total"), ("2022决算", Decimal("12.35"), "three_public_total"),
            ("决算/预算", Decimal("79.17"), "three_public_total"), ("比上年增减", Decimal("-2.10"), "three_public_total"),
            ("2022决算", Decimal("33.60"), "reception"), ("2022决算", Decimal("1234.56"), "spending_grand_total"),
            ("2022决算", Decimal("95.83"), "fiscal")} <= got
    assert _findings(doc) == []


def test_a_tab_separated_table_with_change_columns():
    doc = read_document(TABLE.encode(), "v3.txt")
    got = {(year_column(f), f.value, f.category) for f in figures(doc)}
    assert {("2022决算", Decimal("20.5"), "three_public_total"), ("2023决算", Decimal("18.3"), "three_public_total"),
            ("比上年增减", Decimal("-2.2"), "three_public_total"), ("比上年增减", Decimal("-10.73"), "three_public_total"),
            ("2023决算", Decimal("14"), "official_cars")} <= got
    # 15 → 14 is a fall of 6.67%, not the 8% the table prints
    assert [(f.code, f.source.line) for f in _findings(doc)] == [("R005", 7)]


def test_a_year_inside_a_cited_title_is_not_the_statements_year():
    """A 三公 paragraph that opens by citing its rules (``《…预决算公开操作规程(2022年修订)的通知》``)
    is about the year it states after them: 2025 预算 against 2024, not 2022 (Sichuan, 绵竹, 2025)."""
    text = ("根据四川省财政厅《关于印发四川省预决算公开操作规程(2022年修订)的通知》(川财预〔2022〕12号)的有关规定,"
            "2025年全市使用财政拨款安排“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;"
            "其中:因公出国(境)经费40万元,较上年持平;公务接待费242万元,较上年减少12万元,下降4.7%。\n")
    doc = read_document(text.encode(), "绵竹三公.txt")
    assert doc.year == 2025
    total = _one(doc, category="three_public_total", phase="budget", change=None, ratio=None)
    assert (total.year, total.value) == (2025, Decimal("1969"))
    assert _one(doc, category="reception", phase="budget", change=None, ratio=None).year == 2025
    assert all(f.year in (2024, 2025) for f in figures(doc)), {(f.category, f.year) for f in figures(doc)}
