"""Issue 4 on the real 部门预算 (seed 002): every table kind, the narrative, and the same tables as .xlsx."""

from __future__ import annotations

import io
from collections import defaultdict
from decimal import Decimal

import pytest

from jixiao.domain.budget import DepartmentBudget, code_at, level_of
from jixiao.ingest.forms import department_budget, read_document
from jixiao.ingest.sources import read_grids
from tests.conftest import SEED_000, SEED_002

WAN = Decimal(10000)
DEPT = "深圳市人力资源和社会保障局"
UNITS = [f"{DEPT}本级", f"{DEPT}信息中心", "深圳第二高级技工学校", "深圳市劳动人事争议仲裁院",
         "深圳市公共就业服务中心", "深圳市高技能人才公共实训管理服务中心", "深圳市考试院", "深圳市人事人才公共服务中心"]
SPECIAL = [f"{DEPT}(专项资金)", "深圳市公共就业服务中心(专项资金)", "深圳市人事人才公共服务中心(专项资金)"]


@pytest.fixture(scope="module")
def doc():
    return read_document(SEED_002.read_bytes(), SEED_002.name)


@pytest.fixture(scope="module")
def budget(doc) -> DepartmentBudget:
    return doc.extras["budget"]


def wan(amount: Decimal) -> Decimal:
    return amount / WAN


def test_detected_and_split_into_narrative_and_one_table_per_kind(doc, budget):
    assert doc.kind == "department_budget"
    assert (doc.year, doc.department, doc.money_unit) == (2020, DEPT, "wan_yuan")
    spans = [(t.table, t.kind, t.first_line) for t in budget.tables]
    assert spans == [("表1", "income_spending", 281), ("表3", "spending_by_unit", 379),
                     ("表6", "fiscal_income_spending", 432), ("表7", "general_public_spending", 523),
                     ("表11", "procurement", 685), ("表12", "three_public", 773),
                     ("表13", "performance_projects", 802), ("表14", "unit_targets", 868),
                     ("表15", "project_targets", 1252)]
    assert budget.functions.startswith("贯彻执行国家、省、市有关人力资源和社会保障事业发展")


def test_self_evaluation_table_is_not_taken_for_a_budget():
    grids = read_grids(SEED_000.read_bytes(), SEED_000.name)
    assert max(department_budget.detect(g) for g in grids) == 0
    assert read_document(SEED_000.read_bytes(), SEED_000.name).kind == "self_evaluation_table"


def test_income_total_and_carried_over(budget):
    income = {i.label.replace(" ", ""): i for i in budget.income_lines if i.table == "表1"}
    assert wan(income["收入总计"].amount) == 694773 and income["收入总计"].row_kind == "grand_total"
    assert wan(income["本年收入合计"].amount) == 693472
    carried = income["上年结余、结转"]
    assert (wan(carried.amount), carried.fund_source, carried.source.line) == (1301, "carried_over", 372)
    parts = [i for i in budget.income_lines if i.table == "表1" and i.parent == "一般公共预算拨款"]
    assert [(p.label, wan(p.amount)) for p in parts] == [("一般性经费拨款", 65636), ("财政专项资金拨款", 597593),
                                                         ("政府投资项目拨款", 3501)]
    assert {p.fund_source for p in parts} == {"general_public"}
    stated = {f.what: f for f in budget.stated_figures if f.part == "第二部分"}
    assert wan(stated["income_total"].amount) == 694773 and wan(stated["carried_over"].amount) == 1301
    assert stated["income_total"].source.line == 39


def test_table1_spending_side_by_function_with_derived_codes(budget):
    lines = budget.lines("表1")
    classes = [b for b in lines if b.function_level == "class"]
    assert [(b.function_code, b.function_name) for b in classes] == [
        ("201", "一般公共服务支出"), ("205", "教育支出"), ("206", "科学技术支出"), ("208", "社会保障和就业支出"),
        ("210", "卫生健康支出"), ("213", "农林水支出"), ("221", "住房保障支出")]
    assert sum(wan(b.amount) for b in classes) == 694774  # the table says 694,773: one 万元 of rounding
    total = next(b for b in lines if b.row_kind == "total")
    assert wan(total.amount) == 694773
    section = next(b for b in lines if b.function_name == "人力资源和社会保障管理事务")
    assert (section.function_level, section.function_code, section.code_derived) == ("section", "20801", True)
    item = next(b for b in lines if b.function_name == "劳动人事争议调解仲裁")
    assert (item.function_level, item.function_code, wan(item.amount)) == ("item", "2080112", 2028)
    assert all(b.function_code for b in lines if b.function_level)


def test_table6_fiscal_spending(budget):
    lines = budget.lines("表6")
    assert {b.fund_source for b in lines} == {"fiscal"}
    classes = [wan(b.amount) for b in lines if b.function_level == "class"]
    assert classes == [314722, 29592, 200000, 67141, 421, 90, 74664]
    housing = next(b for b in lines if b.function_name == "其他保障性安居工程支出")
    assert wan(housing.amount) == 69000  # written 69000, without the thousands comma


def test_table3_lists_department_and_eleven_unit_rows(budget):
    rows = [b for b in budget.lines("表3") if b.spending_type == "total"]
    assert rows[0].unit == DEPT and rows[0].row_kind == "total" and wan(rows[0].amount) == 694773
    assert [b.unit for b in rows[1:]] == UNITS + SPECIAL
    by_unit = {b.unit: b for b in budget.lines("表3") if b.spending_type == "basic_spending"}
    assert wan(by_unit["深圳第二高级技工学校"].amount) == 7833
    assert sum(wan(b.amount) for b in rows[1:]) == 694775  # 694,773 stated: within 11 × 0.5
    procurement = {(p.unit, p.measure): wan(p.amount) for p in budget.procurement_lines if p.table == "表3"}
    assert procurement[(f"{DEPT}本级", "planned")] == 3364
    assert procurement[(f"{DEPT}本级", "sme")] == 2020
    assert (f"{DEPT}本级", "small_micro") not in procurement  # an empty cell is not a zero
    assert procurement[("深圳市公共就业服务中心", "small_micro")] == 633
    assert procurement[(f"{DEPT}信息中心", "prior_years")] == 473


def test_table7_rows_sum_per_unit_to_the_stated_unit_total(budget):
    lines = budget.lines("表7")
    stated = {b.unit: b.amount for b in lines if b.row_kind in ("subtotal", "total") and b.spending_type == "total"}
    summed, counts = defaultdict(Decimal), defaultdict(int)
    for b in lines:
        if b.function_level == "item" and b.spending_type == "total":
            summed[b.unit] += b.amount
            counts[b.unit] += 1
    assert set(summed) == set(UNITS + SPECIAL)
    for unit in summed:
        assert abs(summed[unit] - stated[unit]) <= counts[unit] * WAN / 2, unit
    assert wan(sum(summed.values())) == 666732 and wan(stated[DEPT]) == 666730
    assert wan(summed["深圳第二高级技工学校"]) == 18408 and wan(stated["深圳第二高级技工学校"]) == 18409


def test_table7_codes_give_class_section_item(budget):
    row = next(b for b in budget.lines("表7") if b.function_code == "2130804" and b.spending_type == "total")
    assert (row.unit, row.function_name, wan(row.amount), row.source.line) == ("深圳市公共就业服务中心", "创业担保贷款贴息", 90, 622)
    assert (level_of(row.function_code), code_at(row.function_code, "section"), code_at(row.function_code, "class")) == \
        ("item", "21308", "213")
    # the unit of a line after a page break is carried over from the row above the break
    after_break = next(b for b in budget.lines("表7") if b.source.line == 588)
    assert after_break.unit == "深圳第二高级技工学校" and after_break.function_code == "2210201"
    basic = next(b for b in budget.lines("表7") if b.source.line == 588 and b.spending_type == "basic_spending")
    assert wan(basic.amount) == 603


def test_table11_procurement_by_item_code(budget):
    lines = [p for p in budget.procurement_lines if p.table == "表11"]
    assert wan(lines[0].amount) == 14436 and lines[0].row_kind == "total"
    school = [(p.item_code, p.item_name, wan(p.amount)) for p in lines if p.unit == "深圳第二高级技工学校"]
    assert ("B0900", "修缮、装饰工程", 450) in school and ("A10", "专用设备", 97) in school
    for unit in {p.unit for p in lines if p.row_kind == "subtotal"}:
        sub = next(p.amount for p in lines if p.unit == unit and p.row_kind == "subtotal")
        categories = sum(p.amount for p in lines if p.unit == unit and p.item_code and len(p.item_code) == 1)
        assert sub == categories, unit


def test_table12_two_years_for_the_department_and_each_unit(budget):
    totals = {(t.unit, t.year): wan(t.amount) for t in budget.three_public_lines if t.category == "total"}
    assert set(totals) == {(u, y) for u in [DEPT, *UNITS] for y in (2019, 2020)}
    assert totals[(DEPT, 2019)] == 112 and totals[(DEPT, 2020)] == 107
    assert totals[("深圳市公共就业服务中心", 2019)] == 18 and totals[("深圳市公共就业服务中心", 2020)] == 14
    cars_2020 = {t.unit: wan(t.amount) for t in budget.three_public_lines if t.category == "car_operation"
                 and t.year == 2020}
    assert cars_2020[DEPT] == 80 and sum(v for u, v in cars_2020.items() if u != DEPT) == 81
    line_2020 = next(t for t in budget.three_public_lines if t.unit == "深圳市考试院" and t.year == 2020)
    assert line_2020.source.line == 798  # the 2020 row has no unit name: it is the row above's


def test_table13_performance_projects(budget):
    projects = [b for b in budget.lines("表13") if b.fund_source == "all"]
    assert len(projects) == 33
    exam = [b for b in budget.lines("表13") if b.label == "人事考试管理"]
    assert {b.fund_source: wan(b.amount) for b in exam} == {"all": 7855, "general_public": 5032, "non_fiscal": 2823}
    assert exam[0].detail == "2020.1.1-2020.12.31" and exam[0].unit == "深圳市考试院"


def test_narrative_unit_budgets_are_stated_figures_linked_to_their_units(budget):
    unit_budgets = {f.unit: wan(f.amount) for f in budget.stated_figures if f.what == "unit_budget"}
    assert unit_budgets == {UNITS[0]: 110635, UNITS[1]: 4892, UNITS[2]: 22610, UNITS[3]: 4053, UNITS[4]: 7753,
                            UNITS[5]: 20869, UNITS[6]: 10089, UNITS[7]: 513874}
    first = next(f for f in budget.stated_figures if f.what == "unit_budget")
    assert (first.label, first.source.line, first.part) == ("市人社局本级预算", 49, "第三部分")
    parts = {f.what: wan(f.amount) for f in budget.stated_figures if f.unit == UNITS[7] and f.source.line == 191}
    assert parts == {"unit_budget": 513874, "personnel": 524, "operating": 31, "household_subsidies": 33,
                     "project_spending": 513286}
    rent = next(f for f in budget.stated_figures if f.amount == 69000 * WAN)
    assert rent.unit == UNITS[7] and rent.source.line == 207


def test_narrative_totals_procurement_three_public_and_running_costs(budget):
    first = {}
    for f in budget.stated_figures:
        first.setdefault(f.what, f)
    assert wan(first["spending_total"].amount) == 694773 and wan(first["personnel"].amount) == 22997
    assert wan(first["procurement_total"].amount) == 14436 and wan(first["procurement_services"].amount) == 13109
    assert wan(first["three_public_total"].amount) == 107 and wan(first["reception"].amount) == 27
    assert wan(first["agency_running_costs"].amount) == 2733
    change = next(f for f in budget.stated_figures if f.what == "change" and f.part == "第二部分")
    assert change.value == -72325 and change.measure_unit == "万元"
    yi = next(f for f in budget.stated_figures if f.measure_unit == "亿元" and f.value == -14)
    assert yi.amount == Decimal("-1400000000.00")
    vehicles = [f.value for f in budget.stated_figures if f.what == "vehicles" and f.part == "第七部分"]
    assert vehicles[:5] == [42, 17, 2, 0, 23]


def test_staffing_per_unit_and_for_the_department(budget):
    staff = {(s.unit, s.measure): s.count for s in budget.staffing}
    assert staff[(None, "administrative_posts")] == 171 and staff[(None, "institutional_posts")] == 329
    assert staff[(None, "vehicles")] == 23 and staff[(None, "students")] == 4995
    assert staff[(UNITS[0], "retired")] == 127 and staff[(UNITS[0], "veteran_retired")] == 5
    assert staff[(UNITS[2], "vehicles_quota")] == 6 and staff[(UNITS[2], "vehicles_other")] == 4
    assert staff[(UNITS[5], "retired")] == 2  # "退休2" and "人" sit on two lines
    assert {u for u, _ in staff} == {None, *UNITS}


def _seed_rows(first: int, last: int) -> list[list[str]]:
    lines = SEED_002.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[first - 1:last]]


def _workbook(sheets: dict[str, list[list[str]]], numbers: bool = True) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([_number(c) if numbers else c for c in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _number(cell: str):
    t = cell.replace(",", "")
    return int(t) if t.isdigit() else (cell or None)


def test_xlsx_sheets_read_like_the_text(doc):
    data = _workbook({"表3": _seed_rows(379, 400), "表12": _seed_rows(773, 801), "表7": _seed_rows(523, 604)})
    xdoc = read_document(data, "budget.xlsx")
    assert xdoc.kind == "department_budget"
    xb = xdoc.extras["budget"]
    text_b = doc.extras["budget"]
    assert [(b.unit, b.amount) for b in xb.lines("表3")] == [(b.unit, b.amount) for b in text_b.lines("表3")]
    assert [(t.unit, t.year, t.category, t.amount) for t in xb.three_public_lines] == \
        [(t.unit, t.year, t.category, t.amount) for t in text_b.three_public_lines]
    first = xb.lines("表3")[0]
    assert (first.source.sheet, first.source.cell) == ("表3", "B11")
    school = next(b for b in xb.lines("表7") if b.function_code == "2050905" and b.spending_type == "total")
    assert wan(school.amount) == 3334 and school.source.cell == "D73"


def test_dropped_cells_are_read_by_shape_with_a_warning():
    rows = _seed_rows(773, 786)
    rows[-1] = [c for c in rows[-1] if c]  # the 2020 row of 本级 loses its empty unit cell
    xdoc = read_document(_workbook({"表12": rows}), "dropped.xlsx")
    lines = [t for t in xdoc.extras["budget"].three_public_lines if t.unit == f"{DEPT}本级" and t.year == 2020]
    assert {t.category: wan(t.amount) for t in lines}["reception"] == 19
    assert any("按数值形态读取" in w.message for w in xdoc.warnings)


def test_unit_name_alone_on_the_row_above_its_lines():
    rows = _seed_rows(685, 704)  # 表11 down to the 信息中心's first lines
    unit_row = next(i for i, r in enumerate(rows) if r[0] == f"{DEPT}信息中心")
    rows[unit_row] = [rows[unit_row][0]]  # its amount cell is gone: the name stands alone
    xdoc = read_document(_workbook({"表11": rows}), "alone.xlsx")
    lines = [p for p in xdoc.extras["budget"].procurement_lines if p.unit == f"{DEPT}信息中心"]
    assert [(p.item_code, wan(p.amount)) for p in lines] == [("A", 9), ("A03", 9), ("C", 1036)]


def test_garbage_after_a_title_does_not_crash():
    text = "表7\n一般公共预算支出情况表\n单位：万元\n预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出\n" \
           "XX\tabc\t-\t\n\t2080101\t行政运行\t1,0x0\n\t\t\t\t\n"
    xdoc = read_document(text.encode(), "junk.txt")
    assert xdoc.kind == "department_budget"
    assert xdoc.warnings and not xdoc.extras  # nothing read: ingest reports it as unreadable
