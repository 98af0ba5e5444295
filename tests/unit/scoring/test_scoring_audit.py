"""Auditing a form's own 执行率 / 得分 / 总分 / 等级: every break flagged with its cause, none on a sound form."""

from __future__ import annotations

import re

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest.forms import read_document
from scoring_helpers import codes, form, row, score
from test_scoring_national_forms import HOUSING, INSPECTION, INTERNSHIP

D = Decimal
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
AUDIT_CODES = {"rate_rounding", "rate_initial_budget", "rate_mismatch", "execution_score_floored",
               "execution_score_from_stated_rate", "execution_score_mismatch", "docked_without_reason",
               "weights_over_100", "total_not_sum", "total_over_100", "weight_applied_twice", "total_differs",
               "grade_not_matching_total", "grade_differs", "full_score_target_not_met"}


def stated(data: dict, rate: str, ex: str, rows: list[str], total: str, grade: str) -> dict:
    """A copy of ``data`` carrying the figures the unit wrote on its form."""
    out = copy.deepcopy(data)
    out["budget"].update(stated_rate=rate, stated_score=ex)
    for ind, s in zip(out["indicators"], rows):
        ind["stated_score"] = s
    out.update(stated_total=total, stated_grade=grade)
    return out


HOUSING_OK = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "10"], "99.75", "优")
INSPECTION_OK = stated(INSPECTION, "72.04", "7.20", ["20", "8.80", "10", "8.00", "30", "10"], "94.00", "优")
INSPECTION_OK["budget"]["deviation_reason"] = "下半年部分执法经费未能按进度支付，已结转下年。"
for i in (1, 3):
    INSPECTION_OK["indicators"][i]["deviation_reason"] = "受企业停工影响，部分检查未能开展。"


@pytest.mark.parametrize("data", [HOUSING_OK, INSPECTION_OK], ids=["housing", "inspection"])
def test_a_consistent_form_gets_no_flag(data):
    assert codes(score(data)) == []


def test_rate_rounded_the_wrong_way():
    # 142.93 / 150 = 95.2867%: half up 95.29%, the form truncated to 95.28%
    rows = [row("产出指标", "a", "≥10个", "10个", "50"), row("效益指标", "b", "完成", "完成", "30"),
            row("满意度指标", "c", "≥90%", "92%", "10")]
    data = stated(form(rows, adjusted="150.00", actual="142.93"), "95.28", "9.53", ["50", "30", "10"], "99.53", "优")
    result = score(data)
    assert codes(result) == ["rate_rounding"]
    assert "舍入方向有误" in result.flags[0].message and "95.29" in result.flags[0].message


def test_rate_on_the_initial_budget():
    # 462.18 ÷ 520 (年初预算数) = 88.88%, not ÷ 486.50 (全年预算数, with 上年结转) = 95.00%
    data = stated(INTERNSHIP, "88.88", "8.89", ["15", "9.67", "10", "10", "5", "20", "10", "10"], "98.56", "优")
    data["indicators"][1]["deviation_reason"] = "两家基地因企业搬迁退出。"
    found = codes(score(data))
    assert found[:2] == ["rate_initial_budget", "execution_score_from_stated_rate"]
    assert found[2:] == ["total_differs"]


def test_execution_score_floored():
    data = stated(INSPECTION_OK, "72.04", "7", ["20", "8.80", "10", "8.00", "30", "10"], "93.80", "优")
    result = score(data)
    assert codes(result) == ["execution_score_floored", "total_differs"]
    assert "取整" in result.flags[0].message
    assert "执行率得分被舍去" in result.flags[1].message  # the total's cause is named, in words


def test_docked_although_target_met_without_reason():
    data = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "8"], "97.75", "优")
    result = score(data)
    assert codes(result) == ["docked_without_reason", "total_differs"]
    assert result.flags[0].subject == "补贴对象满意度" and "未说明原因" in result.flags[0].message


def test_weights_over_100():
    rows = [row("产出指标", "a", "≥10个", "12个", "55"), row("效益指标", "b", "完成", "完成", "30"),
            row("满意度指标", "c", "≥90%", "92%", "10")]
    data = stated(form(rows), "100.00", "10", ["55", "30", "10"], "105", "优")
    result = score(data)
    assert codes(result) == ["weights_over_100", "total_over_100"]
    assert result.total == D(100)  # the engine never goes above 100


def test_total_not_the_sum_of_its_rows():
    data = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "10"], "98.75", "优")
    result = score(data)
    assert codes(result) == ["total_not_sum"]
    assert "99.75" in result.flags[0].message


def test_weight_applied_twice():
    # 预算执行率 scored again as an indicator of its own
    rows = [row("产出指标", "预算执行率", "≥90%", "97.5%", "10"), row("产出指标", "a", "≥10个", "10个", "40"),
            row("效益指标", "b", "完成", "完成", "30"), row("满意度指标", "c", "≥90%", "92%", "10")]
    data = stated(form(rows, actual="97.50"), "97.50", "9.75", ["10", "40", "30", "10"], "99.75", "优")
    result = score(data)
    assert codes(result) == ["weight_applied_twice"] and "重复计算" in result.flags[0].message
    # the execution score counted twice in the total
    double = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "10"], "109.50", "优")
    assert codes(score(double)) == ["weight_applied_twice", "total_over_100"]
    # a row given twice its weight
    twice = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "40", "10", "10"], "119.75", "优")
    assert codes(score(twice)) == ["weight_applied_twice", "total_over_100"]


def test_grade_not_matching_total():
    data = stated(HOUSING, "97.50", "9.75", ["20", "10", "10", "10", "20", "10", "10"], "99.75", "良")
    assert codes(score(data)) == ["grade_not_matching_total"]


def test_full_marks_although_target_not_met():
    data = stated(INSPECTION_OK, "72.04", "7.20", ["20", "10", "10", "8.00", "30", "10"], "95.20", "优")
    assert codes(score(data)) == ["full_score_target_not_met", "total_differs"]


def test_every_audit_flag_names_a_cause():
    broken = [stated(HOUSING, "97.49", "9", ["20", "10", "10", "10", "40", "10", "8"], "120", "良")]
    for data in broken:
        result = score(data)
        assert set(codes(result)) <= AUDIT_CODES | {"weights_over_100"}
        assert all(re.search(r"[\u4e00-\u9fff]", f.message) and not re.search(r"\([a-z ]{4,}\)", f.message)
                   for f in result.flags)  # a cause in words an official reads, no English gloss


def test_ingested_national_forms_are_audited_the_same_way():
    path = SAMPLES / "national" / "forms_variant.txt"
    doc = read_document(path.read_bytes(), path.name)
    results = {p.name: score_project_of(p) for p in doc.projects}
    assert results and all(r.total <= 100 for r in results.values())
    broken = [r for r in results.values() if "total_not_sum" in codes(r)]
    assert broken, "the variant sample has a total that is not the sum of its rows"


def score_project_of(project):
    from jixiao.scoring.engine import score_project

    return score_project(project)
