"""``jixiao check`` / ``jixiao rules`` end to end, findings stored and exported, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

import jixiao.storage.all_models  # noqa: F401
from jixiao.services.checks import finding_counts, run_and_store
from jixiao.services.ingest import ingest_paths
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import Base, DocumentRow
from jixiao.storage.session import get_engine
from tests.conftest import SEED_000, SEED_001

JIXIAO = str(Path(sys.executable).parent / "jixiao")


def run(*args, cwd=None):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_findings_migration_matches_the_model(store, db_url):
    with get_engine(db_url).connect() as conn:
        diffs = [d for d in compare_metadata(MigrationContext.configure(conn), Base.metadata) if "findings" in repr(d)]
    assert diffs == []


def test_check_stores_and_replaces_findings(store):
    ingest_paths(store, [SEED_000, SEED_001])
    first = run_and_store(store)
    second = run_and_store(store)
    with store() as s:
        assert s.scalar(select(func.count()).select_from(FindingRow)) == len(second.findings) == len(first.findings)
        assert finding_counts(s) == second.counts()
        row = s.scalar(select(FindingRow).where(FindingRow.code == "S001"))
        assert (row.project, row.src_line, row.severity) == ("16 劳资应急资金", 31, "error")
        assert row.project_id is not None and row.document_id is not None
        doc = s.scalar(select(DocumentRow).where(DocumentRow.file == SEED_000.name))
        s.delete(doc)  # findings go with their document
        s.commit()
        assert s.scalar(select(func.count()).select_from(FindingRow).where(FindingRow.document_id == doc.id)) == 0


def test_check_cli_formats_filters_and_exit_codes(db_url, tmp_path):
    assert run("ingest", str(SEED_000), str(SEED_001), "--db", db_url).returncode == 0
    table = run("check", "--db", db_url)
    assert table.returncode == 1, table.stderr  # one error (project 16) fails by default
    assert "16 劳资应急资金" in table.stdout and "S001" in table.stdout and "第 31 行" in table.stdout
    data = json.loads(run("check", "--db", db_url, "--format", "json", "--severity", "warning").stdout)
    assert data["summary"]["counts"]["error"] == 1 and data["findings"]
    assert {f["severity"] for f in data["findings"]} <= {"error", "warning"}
    f = next(f for f in data["findings"] if f["code"] == "S001")
    assert set(f) >= {"code", "severity", "message", "document", "project_id", "source", "expected", "actual"}
    assert f["source"] == {"file": SEED_000.name, "line": 31} and isinstance(f["project_id"], int)
    only = run("check", "--db", db_url, "--format", "json", "--rule", "T001", "--fail-on", "warning")
    assert only.returncode == 1 and [x["code"] for x in json.loads(only.stdout)["findings"]] == ["T001"]
    assert run("check", "--db", db_url, "--rule", "X001").returncode == 0  # infos never fail
    html = tmp_path / "report.html"
    assert run("check", "--db", db_url, "--format", "html", "-o", str(html)).returncode == 1
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "劳资应急资金" in page and "<link" not in page and "src=" not in page
    exported = json.loads(run("export", "--format", "json", "--db", db_url).stdout)
    assert any(x["code"] == "S001" and x["project_id"] == f["project_id"] for x in exported["findings"])


def test_cli_rejects_unknown_rules_and_settings(db_url, tmp_path):
    bad = run("check", "--db", db_url, "--rule", "Q999")
    assert bad.returncode == 2 and "Q999" in bad.stderr
    conf = tmp_path / "jixiao.toml"
    conf.write_text('[checks]\ndisabled = ["T001"]\n', encoding="utf-8")
    wrong = run("check", "--db", db_url, "--settings", str(conf))
    assert wrong.returncode == 2 and "checks.disabled" in wrong.stderr
    conf.write_text('[checks]\ndisable = ["T001"]\n\n[checks.severity]\nS001 = "info"\n', encoding="utf-8")
    listed = json.loads(run("rules", "--format", "json", cwd=tmp_path).stdout)  # jixiao.toml read from cwd
    by_code = {r["code"]: r for r in listed}
    assert by_code["T001"]["enabled"] is False and by_code["S001"]["severity"] == "info"
    assert len(listed) >= 30 and "金额" not in by_code["M001"]["family"]


def test_scoring_audit_flags_become_findings(store):
    variant = Path(SEED_000).parent / "national" / "forms_variant.txt"
    [result] = ingest_paths(store, [variant])
    assert result.status == "ingested", result.message
    report = run_and_store(store)
    audit = [f for f in report.findings if f.code.startswith("A")]
    assert any(f.code == "A001" and f.project == "劳动保障监察执法专项" and "得分 12 超过分值 10" in f.message
               for f in audit)
    assert {f.severity for f in audit} <= {"error", "warning", "info"}
    assert all(f.document == variant.name and f.project_id is not None for f in audit)
