"""docs/rules/ is generated from the registry: a page per rule, and it must not be stale."""

from __future__ import annotations

from pathlib import Path

from jixiao.checks.docs import pages
from jixiao.checks.registry import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_rule_docs_are_up_to_date():
    wanted = pages(all_rules())
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    stale = sorted(n for n in wanted if on_disk.get(n) != wanted[n])
    extra = sorted(set(on_disk) - set(wanted))
    assert (stale, extra) == ([], []), "run: .venv/bin/python scripts/gen_rule_docs.py"


def test_every_rule_has_a_page_with_its_examples():
    for r in all_rules():
        text = (DOCS / f"{r.code}.md").read_text(encoding="utf-8")
        assert r.name in text and r.bad.splitlines()[0] in text and r.message in text


def test_the_finding_keys_are_documented():
    from jixiao.checks.docs import FINDING_KEYS
    from jixiao.checks.finding import Finding

    keys = set(Finding("X001", "r", "info", "m", "m").to_dict())
    assert keys == set(FINDING_KEYS)
