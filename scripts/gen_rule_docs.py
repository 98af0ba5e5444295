"""Write docs/rules/ (one page per checker rule and an index) from the rule registry.

Run after adding or changing a rule: ``.venv/bin/python scripts/gen_rule_docs.py``. Pages of rules
that no longer exist are removed. A test fails when the committed pages differ from the registry.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.checks.docs import pages  # noqa: E402
from jixiao.checks.registry import all_rules  # noqa: E402

DOCS = ROOT / "docs" / "rules"


def main() -> None:
    """Regenerate every page; report how many were written and removed."""
    DOCS.mkdir(parents=True, exist_ok=True)
    wanted = pages(all_rules())
    removed = 0
    for old in DOCS.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
            removed += 1
    for name, text in wanted.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"docs/rules: {len(wanted)} pages written, {removed} removed")


if __name__ == "__main__":
    main()
