"""Settings: national defaults, provincial variants off, TOML file with unknown keys refused."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.scoring.settings import NATIONAL, SettingsError, load
from scoring_helpers import codes, form, row, score

D = Decimal


def write(tmp_path, text: str):
    path = tmp_path / "scoring.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_national_defaults():
    s = NATIONAL
    assert (s.execution_weight, s.output_weight, s.outcome_weight, s.satisfaction_weight) == (10, 50, 30, 10)
    assert not s.deviation_penalty and not s.cap_by_execution_rate
    assert (s.band_done, s.band_mostly_done, s.band_not_done) == (D(1), D("0.7"), D("0.3"))
    assert load(None) is NATIONAL
    assert s.to_dict()["execution_weight"] == "10"


def test_toml_file_changes_settings(tmp_path):
    s = load(write(tmp_path, '[provincial]\nexecution_weight_20 = true\ndeviation_penalty = true\n'
                             'cap_by_execution_rate = true\n[indicators]\nle_formula = "ratio"\n'
                             '[qualitative]\nmostly_done = 0.75\n[monitoring]\nmonth = 6\n'))
    assert (s.execution_weight, s.output_weight, s.outcome_weight, s.satisfaction_weight) == (20, 40, 30, 10)
    assert s.deviation_penalty and s.cap_by_execution_rate and s.le_formula == "ratio"
    assert s.band_mostly_done == D("0.75") and s.monitoring_month == 6
    assert s.name == "scoring"  # the file's name when the file gives none


@pytest.mark.parametrize("text, words", [
    ("[weights]\nexecutoin = 10\n", "未知的设置项 [weights] executoin"),
    ("[scoring]\nx = 1\n", "未知的设置节 [scoring]"),
    ("[weights]\nexecution = 20\n", "应为 100"),
    ('[qualitative]\ndone = 0.7\n', "不在该档的范围"),
    ('[qualitative]\nnot_done = 0.6\n', "不在该档的范围"),
    ('[indicators]\nle_formula = "square"\n', "linear 或 ratio"),
    ('[provincial]\ndeviation_penalty = "yes"\n', "类型不对"),
    ("[weights\n", "不是有效的 TOML"),
])
def test_bad_settings_are_refused_in_chinese(tmp_path, text, words):
    with pytest.raises(SettingsError) as err:
        load(write(tmp_path, text))
    assert words in str(err.value)


def test_missing_settings_file(tmp_path):
    with pytest.raises(SettingsError, match="无法读取设置文件"):
        load(tmp_path / "nope.toml")


def test_execution_weight_20_variant(tmp_path):
    s = load(write(tmp_path, "[provincial]\nexecution_weight_20 = true\n"))
    rows = [row("产出指标", "a", "≥10个", "10个"), row("效益指标", "b", "完成", "完成"),
            row("满意度指标", "c", "≥90%", "91%")]
    result = score(form(rows, adjusted="100", actual="87"), s)
    assert result.execution.score == D("17.40")  # 20 × 87%
    assert [i.weight for i in result.indicators] == [D(40), D(30), D(10)]
    assert result.total == D("97.40")


def test_deviation_penalty_variant(tmp_path):
    s = load(write(tmp_path, "[provincial]\ndeviation_penalty = true\n"))
    rows = [row("产出指标", "a", "≥100人", "130人", "50"), row("产出指标", "b", "≥100人", "129人", "0.01"),
            row("效益指标", "c", "完成", "完成", "29.99"), row("满意度指标", "d", "≥90%", "91%", "10")]
    national, provincial = score(form(rows)), score(form(rows), s)
    assert national.indicators[0].score == D("50.00")
    assert provincial.indicators[0].score == D("48.00")  # 130 ≥ 1.3 × 100: −2
    assert provincial.indicators[1].score == D("0.01")  # 1.29×: no penalty
    assert "扣 2 分" in provincial.indicators[0].explanation
    assert provincial.total == national.total - 2


@pytest.mark.parametrize("actual, cap", [("79.99", "89"), ("75", "89"), ("69", "79"), ("59", "69"), ("49.5", "59"),
                                         ("80", None)])
def test_cap_by_execution_rate_variant(tmp_path, actual, cap):
    s = load(write(tmp_path, "[provincial]\ncap_by_execution_rate = true\n"))
    rows = [row("产出指标", "a", "≥10个", "10个"), row("效益指标", "b", "完成", "完成"),
            row("满意度指标", "c", "≥90%", "91%")]
    result = score(form(rows, adjusted="100", actual=actual), s)
    uncapped = score(form(rows, adjusted="100", actual=actual))
    assert uncapped.total == 90 + (D(actual) / 10).quantize(D("0.01"))  # 79.99% → 8.00
    assert result.total == (D(cap) if cap else uncapped.total)
    if cap:
        assert "按执行率封顶总分" in result.total_explanation


def test_grade_thresholds(tmp_path):
    from jixiao.scoring.grades import grade_of

    assert [grade_of(D(x), NATIONAL) for x in ("90", "89.99", "80", "79.99", "60", "59.99", "0")] == \
        ["优", "良", "良", "中", "中", "差", "差"]
    s = load(write(tmp_path, "[grades]\nexcellent = 95\n"))
    assert grade_of(D("94"), s) == "良"


def test_zero_budget_is_a_flag_not_an_exception():
    result = score(form([row("产出指标", "a", "≥10个", "10个")], adjusted="0", actual="0"))
    assert codes(result) == ["execution_not_computable"] and result.total == D(90)


DOC = Path(__file__).resolve().parents[3] / "docs" / "selfeval-schema.md"


def test_every_setting_and_flag_is_documented():
    from jixiao.scoring.settings import SCHEMA

    doc = DOC.read_text(encoding="utf-8")
    for section, keys in SCHEMA.items():
        assert not section or f"[{section}]" in doc
        for key in keys:
            assert re.search(rf"^{key} = ", doc, re.M), f"setting {key} not in {DOC.name}"
    source = "".join(p.read_text(encoding="utf-8") for p in (DOC.parents[1] / "src" / "jixiao" / "scoring").glob("*.py"))
    codes_used = set(re.findall(r'Flag\("(\w+)"', source))
    assert len(codes_used) > 20
    for code in codes_used:
        assert f"`{code}`" in doc, f"flag {code} not in {DOC.name}"
