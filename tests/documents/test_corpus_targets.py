"""Target forms (绩效目标表 / 申报表) from real published excerpts (tests/corpus), per layout.

Every value asserted is in the excerpt's hand-made answer key (tests/corpus/expected) or in the
excerpt itself: one cell per line (武汉 青山), a page copied without its table lines where a label
runs into its value (项目名称农村义务教育…), pipe tables with a header of amounts over a row of
numbers (南岳), and forms inside a notice (兵团).
"""

from __future__ import annotations

import pytest

from tests.documents.corpus_keys import D, assert_exact, key, read

EXACT = ["T01", "T03", "T05", "T07", "T10", "T11", "T12", "T13", "T14", "T15", "T16", "T19"]


@pytest.mark.parametrize("stem", EXACT)
def test_every_stated_key_field_is_read_exactly(stem):
    assert_exact(stem)


def test_one_cell_per_line_target_table_wuhan():
    """T01 青山区: 资金总额 / 当年资金总额 as label lines with their values below; 7 indicators."""
    doc = read("T01")
    [p] = doc.projects
    exp = key("T01")["projects"][0]
    assert doc.kind == "target_declaration" and p.name == exp["name"]
    assert p.budget.total == D("100000000.00") and p.budget.parts == {"fiscal": D("100000000.00")}
    assert p.details["multi_year"] == "100000000.00" and p.details["period"] == "202001-202012"
    assert [(i.level1, i.level2, i.name, i.target.text) for i in p.indicators][:2] == [
        ("output", "quantity", "重点建设工程安排数量", "2"), ("output", "quality", "重点建设工程验收合格率", "100%")]
    assert [i.name for i in p.indicators] == [i["name"] for i in exp["indicators"]]
    assert p.department == "[015001]武汉市青山区教育局"


def test_label_glued_to_its_value_qingshan():
    """T02: ``项目名称农村义务教育…`` and ``质量指标校舍维修改造质量合格率100%`` — the label, the name
    and the value are cut apart by the vocabulary and the value's shape."""
    doc = read("T02")
    [p] = doc.projects
    assert (p.name, p.department, p.unit) == ("农村义务教育薄弱学校改造补助资金", "青山区教育局", "化工区学校")
    assert p.budget.total == D("160000.00") and p.budget.parts == {"central": D("160000.00")}
    names = [(i.level2, i.name, i.target.text) for i in p.indicators]
    assert ("quality", "校舍维修改造质量合格率", "100%") in names
    assert ("service_satisfaction", "学校满意度", "≥90%") in names
    assert len(p.indicators) == 9 and not any(i.name.startswith(("附件", "[")) for i in p.indicators)


def test_amount_header_over_a_row_of_numbers_nanyue():
    """T07 雨露计划: 本年度预计投入(万元) | 财政资金(万元) | … over ``7 | 0 | 7 …``."""
    [p] = read("T07").projects
    assert p.name == "2023年雨露计划就学补助项目" and p.budget.total == D("70000.00")
    assert [i.target.text for i in p.indicators][:1] == [">=101人/次"]


def test_projects_listed_in_one_table_jingyan():
    """T11 井研县: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级 … in one header; a project's later rows
    start at 一级指标 (cells shift left by four); a department's subtotal row is no project."""
    doc = read("T11")
    assert [(p.name, p.budget.total, len(p.indicators)) for p in doc.projects] == [
        ("村组干部报酬", D("3309840.00"), 8), ("基层组织活动经费", D("660000.00"), 5)]
    first = doc.projects[0].indicators[0]
    assert (first.level1, first.level2, first.name, first.target.text) == ("outcome", "social", "维护社会稳定", "≥95%")
    assert doc.projects[0].unit == "820001-井研县马踏镇人民政府" and doc.year == 2023


def test_name_from_the_title_nearest_the_table_cixi():
    """T12 慈溪: no 项目名称 label; of the page's titles the one above the table names the project."""
    [p] = read("T12").projects
    assert p.name == "3岁以下婴幼儿照护服务项目" and len(p.indicators) == 11


def test_list_whose_cells_ran_together_xiangxi():
    """T19 湘西州特校: a web page printed the table without cell borders. The header's two lines are
    cut at their labels; ``505006  学生伙食费30.00`` is the project (the unit's line above it, which
    no indicator follows, is its total); each indicator line (``成本指标经济成本指标学生补助标准17元/人
    .每天反映…-定量``) is cut into its categories, name, target and the rest by what each piece looks
    like; lines of categories with no indicator (生态环境成本指标 … -定性) are none."""
    doc = read("T19")
    exp = key("T19")["projects"][0]
    [p] = doc.projects
    assert (p.name, p.code, p.budget.total) == ("学生伙食费", "505006", D("300000.00"))
    assert [i.name for i in p.indicators] == [i["name"] for i in exp["indicators"]]
    assert [i.target.text for i in p.indicators] == [
        "17元/人", "95%以上", "168", "90%以上", "90%以上", "90%以上", "2023年12月31日", "大于90%", "有所减轻", "有所提升"]
    assert [(i.level1, i.level2) for i in p.indicators][:3] == [
        ("cost", "economic_cost"), ("satisfaction", "service_satisfaction"), ("output", "quantity")]
    assert doc.year == 2023


def test_grant_shared_out_in_a_table_dehua():
    """T17 德化县: a notice passing funds down, its 安排表 ``乡镇、村 | 金额 | 建设项目 | 补助金额`` a row
    per village and a 合计 of 12 that the rows add up to; each village's row is a project of the
    grant with what it builds as its goal (the targets table after it is cut off)."""
    doc = read("T17")
    exp = key("T17")["projects"]
    assert [(p.name, p.budget.total, p.goal) for p in doc.projects] == [
        (e["name"], D(e["amount_year"]) * 10000, e["goal_annual"]) for e in exp]
    assert doc.year == 2020 and not [w for w in doc.warnings if "合计" in w.text]


def test_department_form_lists_its_main_tasks_luxian():
    """T09 泸县: a 部门整体支出绩效目标申报表, one cell per line: the department's money (1695.55 =
    1478.75 + 216.80) and its 年度主要任务, each task (``项目支出1:公共文化服务(群众文化)``, whose
    label the stream cut off) a project of the document with its content as its goal."""
    doc = read("T09")
    exp = key("T09")["projects"]
    dept, *tasks = doc.projects
    assert dept.kind == "unit_overall" and dept.name == exp[0]["name"] == "文化部门"
    assert dept.budget.total == D("16955500.00")
    assert [t.name for t in tasks] == [e["name"] for e in exp[1:]]
    assert all(t.goal and t.goal.startswith(e["goal_annual"].rstrip("…")) for t, e in zip(tasks, exp[1:]))
    assert tasks[0].unit == "文化部门"
