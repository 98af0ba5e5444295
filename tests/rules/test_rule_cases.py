"""Every rule against its cases: data files in ``cases/``, one parametrized test (as sqlfluff does).

A case names its rule, builds documents from compact JSON, and says whether the rule must report
(``fails``), optionally how often (``count``) and a phrase the message must contain (``contains``).
Every registered rule needs at least one failing and one passing case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rule_builders import context

from jixiao.checks.registry import all_rules, load_builtin_rules
from jixiao.checks.runner import run_checks

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[dict]:
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out.append(dict(case, _id=f"{case['rule']}-{path.stem}-{i}-{'fail' if case['fails'] else 'pass'}"))
    return out


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[c["_id"] for c in CASES])
def test_rule_case(case):
    rule = load_builtin_rules().get(case["rule"])
    assert rule is not None, f"no rule {case['rule']}"
    report = run_checks(context(case), rules=[rule])
    assert report.failures == []
    found = [f for f in report.findings if f.code == rule.code]
    if not case["fails"]:
        assert found == [], [f.message for f in found]
        return
    assert found, f"{rule.code} found nothing in: {case['title']}"
    if "count" in case:
        assert len(found) == case["count"], [f.message for f in found]
    for phrase in case.get("contains", []):
        assert any(phrase in f.message for f in found), (phrase, [f.message for f in found])
    assert all(f.source is not None and f.document for f in found)


def test_every_rule_has_a_failing_and_a_passing_case():
    covered = {(c["rule"], c["fails"]) for c in CASES}
    missing = [f"{r.code} {'fail' if fails else 'pass'}" for r in all_rules() for fails in (True, False)
               if (r.code, fails) not in covered]
    assert missing == []
