"""Issue 3 acceptance for the target tables of a department budget (seed 002): 表14 and 表15."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.domain.model import Document
from jixiao.domain.source import SourceRef
from jixiao.ingest.forms import read_document
from jixiao.ingest.forms.budget_target_facts import ticked
from jixiao.ingest.forms.budget_target_tables import read_table14, read_table15, split_tables
from jixiao.ingest.grid import Row
from jixiao.ingest.sources import read_grids
from tests.conftest import SEED_002
from tests.documents.test_target_declaration import facts, workbook_from_text

WAN = Decimal(10000)
UNITS = [  # 表14 in reading order: unit, 合计 总额 / 财政拨款 / 其他资金 in 万元, indicators (counted by hand)
    ("深圳市人力资源和社会保障局本级", "110634.81", "110634.81", "0.00", 60),
    ("深圳市劳动人事争议仲裁院", "4052.83", "4052.83", "0.00", 13),
    ("深圳市公共就业服务中心", "7752.84", "7752.84", "0.00", 25),
    ("深圳市人事人才公共服务中心", "513873.74", "513873.74", "0.00", 32),
    ("深圳第二高级技工学校", "22609.56", "18408.56", "4201.00", 27),
    ("深圳市高技能人才公共实训管理服务中心", "20868.77", "20868.77", "0.00", 31),
    ("深圳市人力资源和社会保障局信息中心", "4891.72", "4891.72", "0.00", 20),
    ("深圳市考试院", "10089.46", "6147.33", "3942.13", 15),
]


def _read(data: bytes = None, name: str = SEED_002.name) -> Document:
    [grid] = read_grids(data or SEED_002.read_bytes(), name)
    tables = split_tables(grid.rows)
    doc = Document(file=name, sha256="-", kind="department_budget")
    read_table14(tables["14"], doc)
    read_table15(tables["15"], doc)
    return doc


@pytest.fixture(scope="module")
def doc() -> Document:
    return _read()


def test_eight_unit_overall_tables(doc):
    overall = [p for p in doc.projects if p.kind == "unit_overall"]
    assert [p.unit for p in overall] == [u[0] for u in UNITS]
    for p, (unit, total, fiscal, other, n) in zip(overall, UNITS):
        assert (p.name, p.year, p.money_unit, p.department) == (unit, 2020, "wan_yuan", "深圳市人力资源和社会保障局")
        assert p.budget.total == Decimal(total) * WAN
        assert p.budget.parts == {"fiscal": Decimal(fiscal) * WAN, "non_fiscal": Decimal(other) * WAN}
        tasks = p.details["tasks"]
        assert sum(Decimal(t["total"]) for t in tasks) == p.budget.total, unit  # the tasks add up to 合计
        assert len(p.indicators) == n and p.goal
    assert sum(len(p.indicators) for p in overall) == 223
    school = overall[4]
    assert [t["name"] for t in school.details["tasks"]] == ["基本支出事项", "技工教育管理"]
    assert school.details["tasks"][1]["non_fiscal"] == "42010000.00"


def test_labels_printed_below_the_rows_they_cover(doc):
    court = next(p for p in doc.projects if p.kind == "unit_overall" and p.unit == "深圳市劳动人事争议仲裁院")
    first = court.indicators[0]  # printed before the row that carries 产出指标 | 数量指标
    assert (first.name, first.level1, first.level1_text, first.level2) == ("当期立案受理案件总数", "output", "产出指标",
                                                                          "quantity")
    assert (first.target.op, first.target.value, first.target.unit) == ("≥", Decimal(12000), "件")
    special = next(p for p in doc.projects if p.kind == "project")
    assert special.indicators[0].level1_text == "产出目标"  # 产出目标 stands on the 6th row of its group
    assert special.indicators[-1].level1 == "satisfaction" and special.indicators[-1].level2_text == "满意度"


def test_all_38_project_tables(doc):
    projects = [p for p in doc.projects if p.kind == "project"]
    assert len(projects) == 38
    assert [p.name for p in projects[:4]] == ["财政专项资金", "促进就业管理", "待支付以前年度采购项目", "工资管理"]
    assert sum(len(p.indicators) for p in projects) == 341
    assert [len(p.indicators) for p in projects[:6]] == [20, 9, 0, 6, 10, 5]
    assert all(p.year == 2020 and p.money_unit == "yuan" for p in projects)
    assert all(p.details["period"] == {"start": "2020-01-01", "end": "2020-12-31", "text": "2020-1-1—2020-12-31"}
               for p in projects)
    exam = next(p for p in projects if p.name == "人事考试管理")
    assert exam.unit == "深圳市考试院" and exam.department == "深圳市人力资源和社会保障局"
    assert exam.budget.total == Decimal(78555227)  # 元 as printed, no unit label: not multiplied
    assert exam.budget.parts == {"fiscal": Decimal(50321181), "non_fiscal": Decimal(28234046)}
    assert exam.details["multi_year"] == "78555227.00"
    assert exam.details["procurement"] == {"amount": "112500.00", "items": "A030201台式机"}
    assert exam.indicators[0].source_of_value == "2020年计划"
    assert sum(p.budget.total for p in projects) == Decimal("6638348907.99")
    for p in projects:  # 本年度项目金额 = 财政拨款资金 + 其他资金 wherever both are printed
        if len(p.budget.parts) == 2:
            assert sum(p.budget.parts.values()) == p.budget.total, p.name
    training = next(p for p in projects if p.name == "职业能力建设管理" and "实训" in p.unit)
    assert training.details["procurement"]["items"] == "A030105空调、A030206投影仪、A100401服务器"


def test_yuan_amounts_agree_with_the_units_tasks_in_wan_yuan(doc):
    """Where a 表15 project is one 表14 task, 元 and 万元 agree within the 万元 table's rounding."""
    tasks = {(p.unit, t["name"]): Decimal(t["total"]) for p in doc.projects if p.kind == "unit_overall"
             for t in p.details["tasks"]}
    pairs = [("深圳市劳动人事争议仲裁院", "劳动关系协调管理"), ("深圳市人事人才公共服务中心", "人才引进及管理"),
             ("深圳市人事人才公共服务中心", "人力资源市场管理"), ("深圳市人事人才公共服务中心", "严控类项目"),
             ("深圳市高技能人才公共实训管理服务中心", "财政专项资金"), ("深圳市考试院", "人事考试管理"),
             ("深圳市考试院", "信息化建设与运行")]
    for unit, name in pairs:
        project = next(p for p in doc.projects if p.kind == "project" and (p.unit, p.name) == (unit, name))
        assert abs(project.budget.total - tasks[(unit, name)]) <= 50, name
    assert not any("money_unit_doubt" in p.details for p in doc.projects)


def _raw_rows(first: int, last: int, mark=lambda c: c) -> list[Row]:
    """Seed lines as a source that keeps the cells' HTML would give them."""
    lines = SEED_002.read_text(encoding="utf-8").splitlines()
    return [Row([mark(c).strip() for c in lines[n - 1].split("\t")], SourceRef(SEED_002.name, n))
            for n in range(first, last + 1)]


def _boxes(cell: str) -> str:
    return cell.replace('<input checked="" type="checkbox"/>', "☑").replace('<input type="checkbox"/>', "☐")


@pytest.mark.parametrize("mark", [lambda c: c, _boxes], ids=["html", "box-characters"])
def test_type_and_fund_use_from_the_ticked_box(mark):
    doc = Document(file=SEED_002.name, sha256="-", kind="department_budget")
    read_table15(_raw_rows(1252, 1318, mark) + _raw_rows(1766, 1805, mark) + _raw_rows(1418, 1435, mark), doc)
    assert [(p.name, p.details.get("type"), p.details.get("fund_use")) for p in doc.projects] == [
        ("财政专项资金", "专项性项目支出", "业务类"), ("促进就业管理", "一般性项目支出", "业务类"),
        ("职业能力建设管理", "一般性项目支出", "业务类"),  # this table puts the box before its label
        ("结转2011099政府投资项目", "政府投资项目支出", "信息化工程"),  # label split as 信息化工 程
    ]
    assert not [w for w in doc.warnings if "勾选" in w.message]


def test_check_box_reading():
    assert ticked("一般性 ☐ 专项性 ☑ 政府投资 ☐") == ["专项性"]
    assert ticked("☑ 一般性 ☐ 专项性") == ["一般性"]
    assert ticked("业务类 ☐ 政策类 ☐") == []
    assert ticked("一般性项目支出 专项性项目支出") is None


def test_seed_002_type_from_check_box_through_the_text_source(doc):
    projects = [p for p in doc.projects if p.kind == "project"]
    assert projects[0].details["type"] == "专项性项目支出"
    assert projects[0].details["fund_use"] == "业务类"


def test_check_boxes_of_the_seed_are_all_read(doc):
    # the text source keeps <input checked> as ☑ and <input> as ☐, so no box goes unread
    assert not [w for w in doc.warnings if "勾选框未能读出" in w.message]
    projects = [p for p in doc.projects if p.kind == "project"]
    assert len(projects) == 38 and all(p.details.get("type") and p.details.get("fund_use") for p in projects)


def test_department_budget_reader_includes_the_target_tables():
    full = read_document(SEED_002.read_bytes(), SEED_002.name)
    assert full.kind == "department_budget"
    assert sum(p.kind == "unit_overall" for p in full.projects) == 8
    assert sum(p.kind == "project" for p in full.projects) == 38


def test_workbook_reads_like_the_text(doc):
    book = _read(workbook_from_text(SEED_002), "002.xlsx")
    assert facts(book) == facts(doc)
    assert book.projects[8].source.sheet == "Sheet1"
