"""The checker's machinery: registry, rule decorator, settings, runner; rounding as properties."""

from __future__ import annotations

import re

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.checks.amounts import WAN, rate_tolerance, sum_check
from jixiao.checks.context import CheckContext
from jixiao.checks.registry import DuplicateRuleCode, Registry, all_rules, load_builtin_rules
from jixiao.checks.rule import hit, rule
from jixiao.checks.runner import run_checks
from jixiao.checks.settings import SettingsError, load_settings, settings_from_dict
from jixiao.domain.model import Document, Money, Project
from jixiao.domain.source import SourceRef


def _doc(*projects: Project) -> Document:
    return Document(file="t.txt", sha256="x", kind="self_evaluation_table", projects=list(projects))


def test_registry_refuses_a_duplicate_code():
    reg = Registry()
    rule("S901", "first-rule", "info", "a", "a", registry=reg)(lambda p, d, c: ())
    with pytest.raises(DuplicateRuleCode, match="S901"):
        rule("S901", "second-rule", "info", "b", "b", registry=reg)(lambda p, d, c: ())
    assert len(reg) == 1


@pytest.mark.parametrize("code,name,severity", [
    ("S1", "ok-name", "info"), ("Q001", "ok-name", "info"), ("S001", "Bad Name", "info"), ("S001", "ok-name", "fatal")])
def test_rule_decorator_refuses_bad_metadata(code, name, severity):
    with pytest.raises(ValueError):
        rule(code, name, severity, "m", "m", registry=Registry())


def test_builtin_codes_are_unique_and_documented():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules) >= 30
    for r in rules:
        assert r.summary and r.why and r.bad and r.good, r.code
        assert not re.search(r" \([A-Za-z]{3}", r.summary), f"{r.code}: a user reads the summary: Chinese only"


def test_unknown_setting_is_rejected_with_its_name():
    with pytest.raises(SettingsError, match="checks.low_rat") as err:
        settings_from_dict({"low_rat": 80})
    assert "low_rate" in str(err.value)  # the message lists the known keys


@pytest.mark.parametrize("data,phrase", [
    ({"disable": ["Z999"]}, "Z999"), ({"disable": "R003"}, "列表"), ({"severity": {"R003": "fatal"}}, "fatal"),
    ({"severity": {"Q123": "info"}}, "Q123"), ({"low_rate": 150}, "low_rate"), ({"fuzzy_threshold": True}, "fuzzy")])
def test_bad_values_are_rejected(data, phrase):
    with pytest.raises(SettingsError, match=phrase):
        settings_from_dict(data)


def test_settings_switch_off_and_regrade(tmp_path):
    path = tmp_path / "jixiao.toml"
    path.write_text('[scoring]\nweight = 10\n\n[checks]\ndisable = ["template", "I005"]\n'
                    'low_rate = 85\n\n[checks.severity]\nS001 = "warning"\n', encoding="utf-8")
    s = load_settings(path)
    reg = load_builtin_rules()
    assert not s.enabled(reg.get("T001")) and not s.enabled(reg.get("I005")) and s.enabled(reg.get("S001"))
    assert s.severity_of(reg.get("S001")) == "warning" and s.low_rate == Decimal(85)
    p = Project("劳资应急资金", "局本级", budget=Money(Decimal("2248600")), actual=Money(Decimal(0)), status="done",
                source=SourceRef("t.txt", 31))
    report = run_checks(CheckContext([_doc(p)], settings=s))
    assert [(f.code, f.severity) for f in report.findings if f.code == "S001"] == [("S001", "warning")]
    assert not any(f.code.startswith("T") for f in report.findings)


def test_broken_toml_is_reported(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[checks\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="TOML"):
        load_settings(path)


def test_a_failing_rule_does_not_stop_the_others():
    reg = Registry()

    @rule("S902", "always-fails", "error", "x", "x", registry=reg)
    def broken(p, doc, ctx):
        """Fails (test)."""
        raise ZeroDivisionError("boom")

    @rule("S903", "always-reports", "info", "项目 {name}", "project {name}", registry=reg)
    def reports(p, doc, ctx):
        """Reports (test)."""
        return (hit(name=p.name),)

    report = run_checks(CheckContext([_doc(Project("甲", None), Project("乙", None))]), rules=list(reg))
    assert [f.message for f in report.findings] == ["项目 甲", "项目 乙"]
    assert len(report.failures) == 2 and "boom" in report.failures[0].error


def _round(v: Decimal, step: Decimal) -> Decimal:
    return (v / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


amounts = st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=30)


@given(amounts, st.sampled_from([WAN, Decimal(100)]))
def test_rounded_rows_never_make_an_error(fen, step):
    exact = [Decimal(f) / 100 for f in fen]
    check = sum_check(_round(sum(exact), step), [_round(v, step) for v in exact], step)
    assert check.verdict in (None, "rounding")


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=10**12),
       st.sampled_from([WAN, Decimal(100)]))
def test_rates_from_unrounded_amounts_pass(budget_fen, actual_fen, step):
    budget, actual = Decimal(budget_fen) / 100, Decimal(actual_fen) / 100
    stated = (actual / budget * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    b, a = _round(budget, step), _round(actual, step)
    if b > 0:
        assert abs(a / b * 100 - stated) <= rate_tolerance(b, a, step)
