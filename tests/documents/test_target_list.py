"""Issue 3 acceptance for 项目支出绩效目标表（含转移支付项目）(seed 004): free-text indicator cells."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from jixiao.exports import json_export
from jixiao.ingest.forms import read_document
from jixiao.ingest.forms.target_list import parse_indicator_text
from jixiao.services.ingest import ingest_paths
from tests.conftest import SEED_004
from tests.documents.test_target_declaration import facts, workbook_from_text

# Indicators per project, counted by hand in the seed: rows 6–29, 32–58 and 61. Row 14 holds three
# indicators under its number 1 (and has no number 2); row 43's fifth item has no 年度指标值.
PER_PROJECT = [7, 7, 4, 5, 5, 4, 3, 5, 9, 4, 4, 3, 3, 6, 4, 3, 4, 4, 3, 4, 4, 4, 2, 3,
               3, 2, 4, 2, 6, 4, 4, 2, 4, 4, 4, 5, 4, 3, 5, 4, 2, 4, 4, 1, 4, 3, 2, 7, 2, 3, 2,
               4]


def _doc():
    return read_document(SEED_004.read_bytes(), SEED_004.name)


def test_seed_004_projects_and_indicator_count():
    doc = _doc()
    assert doc.kind == "target_list" and doc.title == "项目支出绩效目标表（含转移支付项目）"
    assert len(doc.projects) == 52 and sum(PER_PROJECT) == 202
    assert [len(p.indicators) for p in doc.projects] == PER_PROJECT
    assert [p.source.line for p in doc.projects] == list(range(6, 30)) + list(range(32, 59)) + [61]
    assert Counter(i.level1 for p in doc.projects for i in p.indicators) == {
        "output": 121, "outcome": 44, "satisfaction": 37}
    for p in doc.projects:
        for ind in p.indicators:
            assert ind.level1 and ind.name and ind.target.text, (p.name, ind.name)
            assert ind.target.value is not None or ind.target.qualitative
            assert ind.source.line == p.source.line


def test_project_facts():
    doc = _doc()
    first = doc.projects[0]
    assert (first.department, first.unit, first.name) == (
        "广州市黄埔区人力资源和社会保障局", "广州市黄埔区人力资源和社会保障局", "就业服务补助")
    assert first.goal.startswith("通过本项目，实施更加积极的促进与稳定就业政策")
    ind = first.indicators[0]
    assert (ind.level1, ind.level1_text, ind.level2, ind.name) == ("satisfaction", "满意度指标", None, "服务对象满意度（%）")
    assert (ind.target.op, ind.target.value, ind.target.unit) == ("≥", Decimal(90), "%")
    coded = next(p for p in doc.projects if p.code)
    assert coded.code == "20202713000400027" and coded.name.startswith("中国广州人力资源服务产业园")
    assert coded.unit == "广州市黄埔区人力资源和社会保障"  # cut short in the source, kept as printed
    assert len({p.unit for p in doc.projects}) == 9  # 20 rows print the bureau cut short


def test_several_indicators_under_one_number():
    p = next(p for p in _doc().projects if p.source.line == 14)
    names = [i.name for i in p.indicators[:3]]
    assert names == ["企业监测企业数", "失业监测企业数", "档案整理数"]
    assert [(i.target.value, i.target.unit) for i in p.indicators[:2]] == [(Decimal(180), "家"), (Decimal(80), "家")]
    assert p.indicators[2].target.text == "完成人事档案业务档案672箱，资助资料27.1米，劳务派遣资料1250卷等数"
    assert p.indicators[3].name == "慰问金发放人次"
    assert p.indicators[-1].target.qualitative == "抽查准确数量/抽查总数量×100%"


def test_malformed_item_is_read_and_reported():
    doc = _doc()
    p = next(p for p in doc.projects if p.source.line == 43)
    last = p.indicators[-1]
    assert (last.level1, last.name, last.target.text, last.target.value) == ("output", "仲裁满意度", "邮寄案件95%", Decimal(95))
    [warning] = doc.warnings
    assert "劳动人事争议仲裁业务经费" in warning.message and warning.text == "产出指标：仲裁满意度：邮寄案件95%。"
    assert warning.source.line == 43


def test_formula_after_the_name_is_a_note():
    p = _doc().projects[-1]
    ind = p.indicators[2]
    assert ind.name == "当地中央驻粤国有企业的综合满意程度"
    assert ind.note == "企业满意度=问卷调查平均分/总分*100%" and ind.target.value == Decimal(100)


def test_unparsed_text_is_kept_and_reported(tmp_path):
    cell = "1、产出指标：培训人数，年度指标值：100人。2、具体指标另行下达。3、效益指标：就业率，年度指标值：≥90%。"
    inds, unparsed, loose = parse_indicator_text(cell)
    assert [(i.name, i.target.value) for i in inds] == [("培训人数", Decimal(100)), ("就业率", Decimal(90))]
    assert unparsed == ["具体指标另行下达。"] and loose == []
    path = tmp_path / "list.txt"
    path.write_text("项目支出绩效目标表（含转移支付项目）\n主管部门\t预算单位\t项目名称\t绩效目标\t绩效指标\n"
                    f"某局（部门）\t某局\t培训项目\t开展培训\t{cell}\n", encoding="utf-8")
    doc = read_document(path.read_bytes(), path.name)
    [project] = doc.projects
    assert project.details["unparsed_indicators"] == ["具体指标另行下达。"]
    [warning] = doc.warnings
    assert "培训项目" in warning.message and warning.text == "具体指标另行下达。" and warning.source.line == 3


def test_workbook_reads_like_the_text():
    text_doc = _doc()
    book_doc = read_document(workbook_from_text(SEED_004), "004.xlsx")
    assert book_doc.kind == "target_list"
    assert facts(book_doc) == facts(text_doc)
    assert book_doc.projects[0].indicators[0].source.cell == "E6"


def test_store_and_export(store):
    [result] = ingest_paths(store, [SEED_004])
    assert (result.status, result.projects, result.indicators, result.warnings) == ("ingested", 52, 202, 1)
    with store() as s:
        data = json_export.build(s)
    assert sum(len(p["indicators"]) for p in data["projects"]) == 202
    ind = data["projects"][0]["indicators"][1]
    assert ind["target"] == {"text": "30000人", "op": "=", "value": "30000", "unit": "人"}
    assert [w["text"] for w in data["parse_warnings"]] == ["产出指标：仲裁满意度：邮寄案件95%。"]


def test_item_number_without_full_stop_before_it():
    cell = "1、满意度指标：服务对象满意度（%），年度指标值：≥90%2、效益指标：全区城镇新增就业人数，年度指标值：30000人。"
    inds, unparsed, loose = parse_indicator_text(cell)
    assert [(i.level1, i.name, i.target.text) for i in inds] == [
        ("satisfaction", "服务对象满意度（%）", "≥90%"), ("outcome", "全区城镇新增就业人数", "30000人")]
    assert unparsed == loose == []
