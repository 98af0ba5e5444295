"""项目支出绩效自评表 (the national single-project form) from .xlsx and tab-separated text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from jixiao.ingest.forms import read_document, self_evaluation_table
from jixiao.ingest.forms import selfeval as self_evaluation_form
from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import read_grids
from jixiao.services.ingest import ingest_paths
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow
from tests.conftest import SAMPLES, SEED_000, SEED_001
from tests.fixtures import national_forms as nf

D = Decimal


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return nf.write_all(tmp_path_factory.mktemp("national"))


def read(path):
    return read_document(path.read_bytes(), path.name)


def by_name(doc):
    return {p.name: p for p in doc.projects}


def test_standard_form_values(files):
    for name in ("forms_standard.xlsx", "forms_standard.txt"):
        doc = read(files[name])
        assert doc.kind == "self_evaluation_form" and doc.year == 2022
        assert doc.department == "深圳市龙岗区人力资源局"
        assert [p.name for p in doc.projects] == ["高校毕业生就业见习补贴", "职业技能提升培训补贴", "劳动人事争议仲裁服务"]
        p = doc.projects[0]
        assert (p.unit, p.money_unit, p.code) == ("龙岗区公共就业服务中心", "wan_yuan", None)
        assert p.budget.total == D("4865000.00") and p.actual.total == D("4621800.00")
        assert p.budget.parts == {"fiscal": D("4665000.00"), "carried_over": D("200000.00"), "non_fiscal": D(0)}
        assert p.budget_initial.total == D("5200000.00") and p.actual.parts["fiscal"] == D("4421800.00")
        assert p.execution_rate == D("95.00")
        assert p.stated_scores == {"execution_weight": D(10), "execution_score": D("9.5"), "total": D("97.17")}
        assert p.goal.startswith("组织不少于800名高校毕业生") and p.status == "mostly_done"
        assert len(p.indicators) == 8
        first, second = p.indicators[:2]
        assert (first.level1, first.level2, first.name) == ("output", "quantity", "组织就业见习人数")
        assert (first.target.op, first.target.value, first.target.unit) == ("≥", D(800), "人")
        assert (first.actual.value, first.actual.unit, first.weight, first.score) == (D(856), "人", D(15), D(15))
        # the merged 一级/二级 cells above carry down to this row
        assert (second.level1, second.level2, second.score) == ("output", "quantity", D("9.67"))
        assert second.deviation_reason == "部分见习基地因经营困难退出，下年度提前储备基地。"
        sat = p.indicators[-1]
        assert (sat.level1, sat.level2, sat.target.op, sat.target.value, sat.target.unit) == (
            "satisfaction", "service_satisfaction", "≥", D(90), "%")
        assert p.indicators[5].target.qualitative == "有效促进" and p.indicators[5].target.value is None
        assert sum(i.weight for i in p.indicators) + p.stated_scores["execution_weight"] == 100


def test_yuan_form_and_empty_initial_cell(files):
    for name in ("forms_standard.xlsx", "forms_standard.txt"):
        p = by_name(read(files[name]))["职业技能提升培训补贴"]
        assert p.money_unit == "yuan"
        assert (p.budget.total, p.actual.total) == (D("3420000.00"), D("2975400.00"))
        assert p.budget.parts["carried_over"] == D("220000.00")
        assert "carried_over" not in p.budget_initial.parts  # 上年结转 had no 年初预算数
        assert p.execution_rate == D("87.00") and p.status == "partly_done"
        ind = p.indicators[0]
        assert (ind.weight, ind.score, ind.actual.value) == (D(30), D("26.18"), D(2618))
        assert p.indicators[2].target.op == "≤" and p.indicators[2].target.unit == "个工作日"


def test_variant_combines_nature_value_and_unit(files):
    for name in ("forms_variant.xlsx", "forms_variant.txt"):
        doc = read(files[name])
        housing, inspection = doc.projects
        assert housing.code == "440307221100000001" and inspection.code == "440307221100000002"
        assert (housing.money_unit, inspection.money_unit) == ("wan_yuan", "yuan")
        assert housing.budget.total == D("26500000.00")
        # 单位资金 30 + 其他资金 20 (万元) are both non-fiscal money
        assert housing.budget.parts == {"fiscal": D("26000000.00"), "special_account": D(0),
                                        "non_fiscal": D("500000.00")}
        targets = [(i.target.text, i.target.op, i.target.value, i.target.unit) for i in housing.indicators]
        assert targets[:4] == [("≥6000人", "≥", D(6000), "人"), ("≥98%", "≥", D(98), "%"),
                               ("=4次", "=", D(4), "次"), ("≤4200元", "≤", D(4200), "元")]
        qual = housing.indicators[5]
        assert (qual.target.text, qual.target.op, qual.target.qualitative) == ("长期有效", None, "长期有效")
        assert housing.indicators[0].actual.value == D(6412) and housing.indicators[0].actual.unit == "人"
        assert housing.details["grade"] == "优" and housing.stated_scores["conclusion_total"] == D("98.75")
        assert housing.problems == "部分申请人材料提交不完整，审核周期偏长。"
        assert housing.rectification == "推行线上申报和部门数据共享，缩短审核时间。"
        assert inspection.indicators[4].target.unit == "万元" and inspection.indicators[3].target.unit == "个工作日"


def test_inconsistent_stated_scores_are_kept_as_stated(files):
    p = by_name(read(files["forms_variant.xlsx"]))["劳动保障监察执法专项"]
    assert p.execution_rate == D("72.04")
    assert p.stated_scores["execution_score"] == D("9.5")  # 10 × 72.04% would be 7.20
    over = p.indicators[2]
    assert (over.name, over.weight, over.score) == ("欠薪案件办结率", D(10), D(12))
    short = p.indicators[1]
    assert short.actual.value < short.target.value and short.score == short.weight
    stated_sum = sum(i.score for i in p.indicators) + p.stated_scores["execution_score"]
    assert stated_sum == D("101.5") and p.stated_scores["total"] == D(96)
    assert p.details["grade"] == "优"


def _facts(p):
    """Everything read from a project except where it was read."""
    def target(t):
        return None if t is None else (t.text, t.op, t.value, t.unit, t.qualitative)
    return (p.name, p.unit, p.department, p.code, p.year, p.money_unit, p.budget.total, p.budget.parts,
            p.budget_initial.total, p.budget_initial.parts, p.actual.total, p.actual.parts,
            p.execution_rate, p.status, p.goal, p.status_text, p.problems, p.rectification,
            p.stated_scores, {k: v for k, v in p.details.items() if k != "sources"},
            [(i.level1, i.level2, i.name, target(i.target), target(i.actual), i.weight, i.score,
              i.deviation_reason, i.level1_text, i.level2_text) for i in p.indicators])


@pytest.mark.parametrize("stem", ["forms_standard", "forms_variant"])
def test_xlsx_and_text_read_the_same(files, stem):
    xlsx, txt = read(files[f"{stem}.xlsx"]), read(files[f"{stem}.txt"])
    assert len(xlsx.projects) == len(txt.projects) >= 2
    assert [_facts(p) for p in xlsx.projects] == [_facts(p) for p in txt.projects]
    assert not txt.warnings and not xlsx.warnings


def test_pdf_text_with_dropped_cells_reads_the_same(files):
    pdf = read(files["forms_pdf_text.txt"])
    expected = [by_name(read(files["forms_standard.xlsx"]))["高校毕业生就业见习补贴"],
                by_name(read(files["forms_variant.xlsx"]))["人才住房租赁补贴"]]
    assert [_facts(p) for p in pdf.projects] == [_facts(p) for p in expected]
    assert len(pdf.warnings) == 2 and "按表头顺序" in pdf.warnings[0].message


def test_sources_point_at_lines_and_cells(files):
    txt = read(files["forms_standard.txt"]).projects[0]
    assert txt.source.line == 3 and txt.source.sheet is None
    assert [i.source.line for i in txt.indicators] == list(range(13, 21))
    assert txt.budget.source.line == 6
    xlsx = read(files["forms_standard.xlsx"]).projects[0]
    assert (xlsx.source.sheet, xlsx.source.cell) == ("高校毕业生就业见习补贴", "C3")
    assert [i.source.cell for i in xlsx.indicators] == [f"D{r}" for r in range(13, 21)]
    assert xlsx.budget.source.cell == "E6" and xlsx.actual.source.cell == "F6"
    second = read(files["forms_variant.xlsx"]).projects[1]  # the second form down the same sheet
    assert second.source.label() == "forms_variant.xlsx!自评表!C32"


def test_cut_off_form_is_read_as_far_as_it_goes_and_says_where_it_stops(files):
    for name, where in (("form_cut.txt", "form_cut.txt:16"), ("form_cut.xlsx", "form_cut.xlsx!自评表!E16")):
        doc = read(files[name])
        [p] = doc.projects
        assert p.budget.total == D("3000000.00") and len(p.indicators) == 4
        last = p.indicators[-1]  # the row the file stops in: its target, nothing after it
        assert (last.name, last.target.text, last.actual, last.score) == ("线上办理业务占比", "≥70%", None, None)
        assert p.details["incomplete"] == where
        assert [w.message for w in doc.warnings] == [f"表格不完整：在 {where} 处中断，其后的内容不在文件中"]


def test_detection_keeps_the_forms_apart(files):
    for seed in (SEED_000, SEED_001):
        [grid] = read_grids(seed.read_bytes(), seed.name)
        assert self_evaluation_table.detect(grid) > 0.5 > self_evaluation_form.detect(grid)
        assert read_document(seed.read_bytes(), seed.name).kind == "self_evaluation_table"
    for name in ("forms_standard.xlsx", "forms_variant.txt", "forms_pdf_text.txt"):
        for grid in read_grids(files[name].read_bytes(), name):
            assert self_evaluation_form.detect(grid) > 0.5 > self_evaluation_table.detect(grid)


def test_stored_with_scores_and_cells(store, files):
    results = ingest_paths(store, [files["forms_variant.xlsx"], files["form_cut.txt"]])
    assert [r.status for r in results] == ["ingested", "ingested"]
    assert (results[0].projects, results[0].indicators) == (2, 13)
    assert (results[1].projects, results[1].indicators) == (1, 4)
    with store() as s:
        assert set(s.scalars(select(DocumentRow.kind))) == {"self_evaluation_form"}
        p = s.scalar(select(ProjectRow).where(ProjectRow.name == "劳动保障监察执法专项"))
        assert (p.budget_total, p.actual_total, p.execution_rate) == (D("850000.00"), D("612350.00"), D("72.04"))
        assert p.stated_scores == {"execution_weight": "10.00", "execution_score": "9.50", "total": "96.00"}
        inds = list(s.scalars(select(IndicatorRow).where(IndicatorRow.project_id == p.id).order_by(IndicatorRow.position)))
        assert [(i.weight, i.score) for i in inds][2] == (D(10), D(12))
        assert (inds[0].src_sheet, inds[0].src_cell, inds[0].target_op, inds[0].target_unit) == ("自评表", "D43", "≥", "次")


def test_shipped_national_samples_match_the_generator(files):
    for name in ("forms_standard.xlsx", "forms_variant.txt"):
        shipped = SAMPLES / "national" / name
        assert [_facts(p) for p in read(shipped).projects] == [_facts(p) for p in read(files[name]).projects]


def test_form_without_total_row_keeps_its_indicators_and_says_so(files):
    text = files["forms_variant.txt"].read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("总分"))
    doc = read_document(text.encode(), "no_total.txt")
    assert [len(p.indicators) for p in doc.projects] == [7, 6]
    assert "total" not in doc.projects[0].stated_scores
    assert doc.projects[1].problems == "预算执行率偏低，部分执法装备采购延至下年度。"
    assert [w.source.line for w in doc.warnings if "总分" in w.message] == [1, 28]  # each form from its title line
