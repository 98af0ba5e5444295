"""Issue 3 acceptance for 二级项目支出绩效目标申报表 (seed 003): text, workbook, store, export, show."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.domain.model import Document
from jixiao.exports import json_export
from jixiao.ingest.forms import read_document
from jixiao.services.ingest import ingest_paths
from tests.conftest import SEED_003

WAN = Decimal(10000)
CODES = ["440304241230100000005", "440304231230301005001", "440304231230301005000", "440304231230100205001",
         "440304241233100000000", "440304221230301000001", "440304221231500000013", "440304231230100505003",
         "440304241233100000001", "440304221231500000012"]
BUDGET_WAN = ["2065.36", "1025.16", "51.00", "110.00", "61.07", "339.84", "248.43", "114.72", "5.00", "50000.00"]
MULTI_YEAR_WAN = ["9528.09", "4392.90", "5300.30", "782.05", "387.61", "1892.13", "1357.68", "640.32", "75.00",
                  "3680000.00"]


def workbook_from_text(path: Path) -> bytes:
    """The seed's lines as rows of one sheet; whole numbers become number cells, as a sheet has them."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if not text:
                continue
            cell = ws.cell(r, c, int(text) if re.fullmatch(r"[1-9]\d{0,14}", text) else text)
            if text.startswith("="):
                cell.data_type = "s"  # text such as "=1份", not a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def facts(doc: Document) -> list[dict]:
    """Everything read from a document except where it came from (line vs cell)."""
    out = []
    for p in doc.projects:
        out.append({
            "name": p.name, "code": p.code, "unit": p.unit, "department": p.department, "kind": p.kind,
            "year": p.year, "money_unit": p.money_unit, "budget": (p.budget.total, p.budget.parts),
            "goal": (p.goal, p.goal_long_term), "details": p.details,
            "indicators": [(i.level1, i.level1_text, i.level2, i.level2_text, i.name, i.target.to_dict(), i.note,
                            i.required, i.source_of_value) for i in p.indicators],
            "not_applicable": [(n.level1, n.level2, n.required) for n in p.not_applicable],
        })
    return out


def test_seed_003_declarations():
    doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    assert doc.kind == "target_declaration" and doc.money_unit == "wan_yuan"
    assert [p.code for p in doc.projects] == CODES
    assert [p.budget.total for p in doc.projects] == [Decimal(v) * WAN for v in BUDGET_WAN]
    assert [Decimal(p.details["multi_year"]) for p in doc.projects] == [Decimal(v) * WAN for v in MULTI_YEAR_WAN]
    assert [len(p.indicators) for p in doc.projects] == [15, 7, 7, 7, 7, 7, 6, 6, 6, 6]
    assert sum(len(p.indicators) for p in doc.projects) == 74
    assert sum(len(p.not_applicable) for p in doc.projects) == 34
    first = doc.projects[0]
    assert (first.name, first.unit, first.department) == ("英才荟经费", "深圳市福田区人力资源综合事务中心",
                                                          "深圳市福田区人力资源局（本级）")
    d = first.details
    assert (d["type"], d["type_code"], d["period"], d["new_or_continuing"], d["allocation_method"]) == (
        "其他项目", "01", {"text": "4", "years": 4}, "continuing", "因素法和项目法")
    assert d["policy_basis"].startswith("《中共深圳福田区委深圳福田区人民政府关于进一步实施福田英才荟")
    assert d["stated_amounts"]["budget"] == {"text": "2, 065. 36", "unit": "wan_yuan"}
    assert first.goal.startswith("1.我区大学生实习补贴") and first.goal_long_term.startswith("1.我区大学生实习补贴")
    assert first.source.line == 3 and first.budget.source.line == 8


def test_not_applicable_rows_are_categories_not_indicators():
    doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    na = Counter((n.level1, n.level2) for p in doc.projects for n in p.not_applicable)
    assert na == {("satisfaction", "other_satisfaction"): 10, ("outcome", "ecological"): 10,
                  ("outcome", "economic"): 9, ("outcome", "sustainability"): 5}
    assert all(not n.required for p in doc.projects for n in p.not_applicable)
    assert not any(i.name == "不适用" or i.target.text == "不适用" for p in doc.projects for i in p.indicators)


def test_indicator_levels_and_targets():
    doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    inds = [i for p in doc.projects for i in p.indicators]
    assert Counter(i.level1 for i in inds) == {"output": 44, "outcome": 20, "satisfaction": 10}
    assert sum(i.required for i in inds) == 67  # unstarred: 经济效益 ×1 (驻园机构纳税), 可持续影响 ×6
    ind = doc.projects[1].indicators[0]
    assert (ind.level1, ind.level2, ind.level2_text, ind.required, ind.name) == (
        "output", "quantity", "数量指标", True, "补贴发放人数")
    assert (ind.target.op, ind.target.value, ind.target.unit, ind.note) == ("=", Decimal(1879), "人", "补贴发放人数")
    cost = doc.projects[1].indicators[3]
    assert (cost.level2, cost.target.op, cost.target.value, cost.target.unit) == ("cost", "≤", Decimal(100), "%")
    assert ind.source.line == 43


def test_every_basis_parsed_into_terms_with_stated_and_computed_results():
    doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    for p in doc.projects:
        basis = p.details["basis"]
        assert basis["text"] and basis["terms"], p.name
        assert any(t["stated"] and t["computed"] for t in basis["terms"]), p.name
    internship = doc.projects[5].details["basis"]
    assert internship["terms"][0]["stated_yuan"] == internship["terms"][0]["computed_yuan"] == "3398400.00"
    # where a total is written it agrees with the declared amount, except where the form says otherwise
    totals = {p.name: (p.details["basis"]["stated_total"] or {}).get("yuan") for p in doc.projects}
    assert totals["英才荟经费"] == "20653600.00" and totals["就业专项资金（企业补助）"] == "10251600.00"
    assert doc.projects[4].details["basis"]["computed_total"] == "670700.00"  # 8 + 59.07 万元 vs 61.07 declared


def test_doubtful_unit_is_kept_and_flagged():
    doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    office = doc.projects[-1]
    assert office.name == "办公设备采购" and office.money_unit == "wan_yuan"
    assert office.budget.total == Decimal("500000000.00")  # kept as stated: 50,000.00 万元
    doubt = office.details["money_unit_doubt"]
    assert (doubt["field"], doubt["stated"], doubt["value"], doubt["likely"]) == ("budget", "wan_yuan", "50,000.00", "yuan")
    assert "测算依据合计50000.00元" in doubt["reason"]
    assert doubt["also"][0]["field"] == "multi_year" and doubt["also"][0]["value"] == "3,680,000.00"
    assert [w.text for w in doc.warnings] == ["50,000.00", "3,680,000.00"]
    assert all("单位存疑" in w.message and w.source.line == 214 for w in doc.warnings)
    assert not any("money_unit_doubt" in p.details for p in doc.projects[:-1])


def test_workbook_reads_like_the_text():
    text_doc = read_document(SEED_003.read_bytes(), SEED_003.name)
    book_doc = read_document(workbook_from_text(SEED_003), "003.xlsx")
    assert book_doc.kind == "target_declaration"
    assert facts(book_doc) == facts(text_doc)
    assert book_doc.projects[0].indicators[0].source.cell == "C14"
    assert [w.message for w in book_doc.warnings] == [w.message for w in text_doc.warnings]


def test_store_and_export(store):
    [result] = ingest_paths(store, [SEED_003])
    assert result.status == "ingested" and (result.projects, result.indicators) == (10, 74)
    with store() as s:
        data = json_export.build(s)
    first = data["projects"][0]
    assert first["type"] == "其他项目" and first["period"] == {"text": "4", "years": 4}
    assert first["budget"]["total"] == "20653600.00" and first["budget"]["multi_year"] == "95280900.00"
    assert set(first["basis"]) >= {"text", "terms", "stated_total"}
    assert first["basis"]["stated_total"]["value"] == "2065.36"
    assert first["goal"]["annual"].startswith("1.我区") and first["goal"]["long_term"].startswith("1.我区")
    assert first["details"]["allocation_method"] == "因素法和项目法"
    assert first["indicators"][0]["required"] is True and "source_of_value" in first["indicators"][0]
    assert first["not_applicable"] == [
        {"level1": "outcome", "level2": "ecological", "required": False, "line": 26},
        {"level1": "satisfaction", "level2": "other_satisfaction", "required": False, "line": 30}]
    assert sum(len(p["not_applicable"]) for p in data["projects"]) == 34


def test_show_project(sqlite_url):
    jixiao = str(Path(sys.executable).parent / "jixiao")
    run = subprocess.run([jixiao, "ingest", str(SEED_003), "--db", sqlite_url], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shown = subprocess.run([jixiao, "show", "project", "1", "--db", sqlite_url], capture_output=True, text=True,
                           env={"COLUMNS": "200", "PATH": ""})
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    for part in ("英才荟经费", "440304241230100000005", "其他项目", "20,653,600.00 元（2,065.36 万元）", "测算依据",
                 "3628平方米*100元/平方米/月*12个月=435.36万元", "✓ 相符", "所述合计: 2065.36万元",
                 "绩效指标（15 个）", "对符合条件的新引进人才发放落户奖励", "≥ 95 %", "生态效益指标"):
        assert part in out, part
    doubt = subprocess.run([jixiao, "show", "project", "10", "--db", sqlite_url], capture_output=True, text=True,
                           env={"COLUMNS": "200", "PATH": ""})
    assert "单位存疑" in doubt.stdout
    missing = subprocess.run([jixiao, "show", "project", "999", "--db", sqlite_url], capture_output=True, text=True)
    assert missing.returncode == 1 and "没有 ID 为 999 的项目" in missing.stderr


def test_2021_layout_with_cost_as_level_one(tmp_path):
    rows = [
        "二级项目支出绩效目标申报表", "项目编码：\t440304251230100000001\t\t项目名称：\t技能培训",
        "申请单位：\t某中心\t\t一级预算单位：\t某局", "项目总金额（中期规划，万元）：\t30.00\t\t本年度项目金额（万元）：\t10.00",
        "测算依据：\t培训500元/人*200人=10万元。", "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
        "产出指标\t*数量指标\t培训人数\t≥200人\t", "成本指标\t*经济成本指标\t人均培训成本\t≤500元\t",
        "成本指标\t社会成本指标\t不适用\t不适用\t不适用", "效益指标\t*社会效益指标\t就业率\t≥80%\t",
        "满意度指标\t*服务对象满意度指标\t学员满意度\t≥90%\t",
    ]
    path = tmp_path / "decl2021.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    [p] = read_document(path.read_bytes(), path.name).projects
    assert [(i.level1, i.level2, i.required) for i in p.indicators] == [
        ("output", "quantity", True), ("cost", "economic_cost", True), ("outcome", "social", True),
        ("satisfaction", "service_satisfaction", True)]
    assert [(n.level1, n.level2) for n in p.not_applicable] == [("cost", "social_cost")]
    assert p.indicators[1].target.to_dict() == {"text": "≤500元", "op": "≤", "value": "500", "unit": "元"}
    assert p.budget.total == Decimal(100000) and p.details["basis"]["terms"][0]["computed_yuan"] == "100000.00"
