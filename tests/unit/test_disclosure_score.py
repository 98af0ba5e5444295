"""公开质量: points by family from findings, the weights as settings, unknown settings refused."""

from decimal import Decimal

import pytest

from jixiao.checks.disclosure_score import describe, disclosure_score, score_settings
from jixiao.domain.disclosure import Disclosure, DisclosedTable, Paragraph, Part


def test_a_document_without_findings_scores_full_marks():
    score = disclosure_score("a.pdf", [])
    assert score.total == 100 and describe(score).startswith("公开质量 100 分")


def test_findings_cost_points_in_their_family_and_never_below_zero():
    findings = [{"code": "P001", "severity": "error"}] * 4 + [{"code": "W003", "severity": "warning"}]
    score = disclosure_score("a.pdf", findings)
    assert score.families["explanations"] == 0  # 30 - 4 × 10, floored
    assert score.families["wording"] == 17 and score.total == 20 + 30 + 0 + 17


def test_weights_and_points_are_settings_and_unknown_keys_are_refused():
    s = score_settings({"error": 5, "weights": {"wording": 10}})
    assert s.error == Decimal(5) and s.weights["wording"] == Decimal(10)
    assert disclosure_score("a.pdf", [{"code": "W001", "severity": "error"}], s).families["wording"] == 5
    with pytest.raises(ValueError, match="未知的设置项"):
        score_settings({"bonus": 1})
    with pytest.raises(ValueError, match="没有“style”这一类"):
        score_settings({"weights": {"style": 1}})


def test_the_disclosure_model_survives_its_json():
    dis = Disclosure("final", 2024, "某部门", (1.0, 2.0, 3.0, 4.0), 20, [Part("cover", "", 1, 1)],
                     [DisclosedTable("income", "收入决算表", 6, 7, 53, None, (1.0, 2.0, 3.0, 4.0))],
                     [Paragraph("本年收入合计307.82万元。", "explanations", [(0, 17, (1.0, 2.0, 3.0, 4.0))],
                                False, "二、收入决算情况说明", "income", "收支总表｜本年收入合计｜收入")])
    again = Disclosure.from_dict(dis.to_dict())
    assert again == dis
    assert again.part_of(1) == "cover" and again.paragraphs[0].where("a.pdf", 3).page == 17
