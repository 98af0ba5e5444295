"""Issue 17 item 5: one unit, two names. 职业训练中心 (seed 000) and 龙岗区职业训练中心 (seed 001) are
one unit by the registry's aliases (data: domain/unit_aliases.toml), in every count, chart, score
summary and scope check; rapidfuzz suggests such pairs for an administrator to confirm."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from tests.conftest import SEED_000, SEED_001

from jixiao.domain import unit_registry
from jixiao.services.ingest import ingest_paths
from jixiao.services.scoring import score_store
from jixiao.services.unit_registry import apply_to_store, suggestions
from jixiao.storage.models import ProjectRow

JIXIAO = str(Path(sys.executable).parent / "jixiao")


def test_two_names_are_one_unit_in_counts_charts_and_scores(store):
    ingest_paths(store, [SEED_000, SEED_001])
    with store() as s:
        units = dict(s.execute(select(ProjectRow.unit, func.count()).group_by(ProjectRow.unit)).all())
        assert units["职业训练中心"] == 18 and "龙岗区职业训练中心" not in units
        from jixiao.web.browse import execution_by_unit

        chart = {r["unit"]: r["projects"] for r in execution_by_unit(s)}
        assert chart["职业训练中心"] == 18 and "龙岗区职业训练中心" not in chart
    run = score_store(store)
    summary = {u.unit: u.count for u in run.units}
    assert summary["职业训练中心"] == 18 and "龙岗区职业训练中心" not in summary


def test_a_registry_entry_added_later_renames_what_is_stored(store, tmp_path, monkeypatch):
    empty = tmp_path / "none.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_UNIT_ALIASES", str(empty))
    ingest_paths(store, [SEED_000, SEED_001])
    with store() as s:
        names = set(s.scalars(select(ProjectRow.unit)))
    assert {"职业训练中心", "龙岗区职业训练中心"} <= names
    found = {(x.name, x.alias) for x in suggestions(sorted(n for n in names if n))}
    assert ("职业训练中心", "龙岗区职业训练中心") in found  # suggested, not applied
    monkeypatch.delenv("JIXIAO_UNIT_ALIASES")
    assert apply_to_store(store) == 9
    with store() as s:
        renamed = list(s.scalars(select(ProjectRow).where(ProjectRow.details["unit_as_written"].as_string()
                                                           == "龙岗区职业训练中心")))
        assert len(renamed) == 9 and {p.unit for p in renamed} == {"职业训练中心"}
    assert apply_to_store(store) == 0  # once is enough


def test_canonical_names_come_from_data():
    assert unit_registry.canonical("龙岗区职业训练中心") == "职业训练中心"
    assert unit_registry.canonical("龍崗區職業訓練中心") == "职业训练中心"  # traditional script, same unit
    assert unit_registry.canonical("深圳市福田区职业训练中心") == "深圳市福田区职业训练中心"  # another unit
    assert unit_registry.groups()["职业训练中心"] == ["龙岗区职业训练中心"]


def test_cli_lists_units_and_suggestions(tmp_path):
    url = f"sqlite:///{tmp_path / 'j.db'}"
    assert subprocess.run([JIXIAO, "ingest", str(SEED_000), str(SEED_001), "--db", url], capture_output=True).returncode == 0
    out = subprocess.run([JIXIAO, "units", "--db", url], capture_output=True, text=True, env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "职业训练中心" in out.stdout and "龙岗区职业训练中心" in out.stdout  # the unit, and its alias
