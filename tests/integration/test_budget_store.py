"""Issue 4 in the store (SQLite and PostgreSQL): budget lines land with their document, exports, queries."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

import jixiao.storage.all_models  # noqa: F401
from jixiao.exports import csv_export, json_export
from jixiao.services import budget as budget_service
from jixiao.services.budget_unit import unit_view
from jixiao.services.ingest import ingest_paths
from jixiao.storage.budget_models import (
    BudgetLineRow,
    IncomeLineRow,
    ProcurementLineRow,
    StaffingRow,
    StatedFigureRow,
    ThreePublicLineRow,
)
from jixiao.storage.models import Base, DocumentRow
from tests.conftest import SEED_000, SEED_002

WAN = Decimal(10000)
JIXIAO = str(Path(sys.executable).parent / "jixiao")
BUDGET_TABLES = {"budget_lines", "income_lines", "procurement_lines", "three_public_lines", "staffing",
                 "stated_figures"}


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_migration_matches_the_models(store):
    engine = store.kw["bind"]
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    touching = [d for d in diffs if any(t in repr(d) for t in BUDGET_TABLES)]
    assert touching == []


def test_seed_002_lands_whole_in_one_transaction(store):
    [result] = ingest_paths(store, [SEED_002])
    assert result.status == "ingested" and result.kind == "department_budget", result.message
    with store() as s:
        assert count(s, BudgetLineRow) == 535 and count(s, IncomeLineRow) == 26
        assert count(s, ProcurementLineRow) == 89 and count(s, ThreePublicLineRow) == 108
        assert count(s, StaffingRow) == 53 and count(s, StatedFigureRow) >= 160
        total = s.scalar(select(IncomeLineRow.amount).where(IncomeLineRow.row_kind == "grand_total",
                                                            IncomeLineRow.table_name == "表1"))
        assert total / WAN == 694773
        carried = s.scalar(select(IncomeLineRow).where(IncomeLineRow.fund_source == "carried_over"))
        assert carried.amount / WAN == 1301 and carried.stated_amount == "1301" and carried.src_line == 372
        items = s.scalar(select(func.sum(BudgetLineRow.amount)).where(
            BudgetLineRow.table_name == "表7", BudgetLineRow.function_level == "item",
            BudgetLineRow.spending_type == "total"))
        assert items / WAN == 666732  # stated 666,730: the checker's business, stored as read
        doc = s.scalar(select(DocumentRow))
        assert (doc.kind, doc.year, doc.department) == ("department_budget", 2020, "深圳市人力资源和社会保障局")
        assert [t["table"] for t in doc.extras["tables"]][:3] == ["表1", "表3", "表6"]
    again = ingest_paths(store, [SEED_002])
    assert again[0].status == "duplicate"
    with store() as s:
        assert count(s, BudgetLineRow) == 535


def test_other_documents_store_no_budget_lines(store):
    ingest_paths(store, [SEED_000])
    with store() as s:
        assert count(s, BudgetLineRow) == 0 and count(s, StatedFigureRow) == 0


def test_queries_by_function_unit_and_source(store):
    ingest_paths(store, [SEED_002])
    with store() as s:
        classes = budget_service.by_function(s, "class", "表1")
        assert [r.key for r in classes.rows] == ["201", "205", "206", "208", "210", "213", "221"]
        assert classes.summed / WAN == 694774 and classes.stated_total / WAN == 694773
        assert abs(classes.difference) <= classes.tolerance
        sections = budget_service.by_function(s, "section", "表7")
        assert {r.key: r.amounts["total"] / WAN for r in sections.rows}["20807"] == 11700
        units = budget_service.by_unit(s)
        assert len(units.rows) == 11 and units.stated_total / WAN == 694773
        sources = budget_service.by_source(s, "表1")
        assert sources.summed == sources.stated_total and sources.stated_total / WAN == 693472
        sums = budget_service.per_unit_sums(s, "表7")
        assert all(abs(a - b) <= 5 * WAN for a, b in sums.values())


def test_unit_view_side_by_side(store):
    ingest_paths(store, [SEED_002])
    with store() as s:
        view = unit_view(s, "本级")
        assert view.unit == "深圳市人力资源和社会保障局本级"
        rows = {(r.source, r.label): r for r in view.rows}
        assert rows[("叙述", "单位预算")].total / WAN == 110635 and rows[("叙述", "单位预算")].line == 49
        assert rows[("表3", "单位")].total / WAN == 40624 and rows[("表3", "专项资金")].total / WAN == 70011
        assert rows[("表3", "合计(含专项资金)")].total / WAN == 110635
        assert rows[("表7", "各项合计")].project / WAN == 85364 and rows[("表7", "单位")].total / WAN == 27624
        assert rows[("表13", "项目合计")].total / WAN == 98366
        assert rows[("表14", "整体支出")].total == Decimal("1106348100.00")  # 110,634.81 万元
        exam = unit_view(s, "考试院")
        # the same project in three places, three amounts: 7,856 / 7,855 万元 and 78,555,227 元 (表15)
        assert exam.projects["人事考试管理"] == {"叙述": [7856 * WAN], "表13": [7855 * WAN],
                                              "表15": [Decimal("78555227.00")]}


def test_json_and_csv_exports(store, tmp_path):
    ingest_paths(store, [SEED_002])
    with store() as s:
        data = json_export.build(s)
        written = csv_export.write_dir(s, tmp_path)
    for key in ("budget_lines", "income_lines", "procurement_lines", "three_public_lines", "stated_figures"):
        assert data[key], key
    line = next(b for b in data["budget_lines"] if b["function_code"] == "2130804" and b["table"] == "表7"
                and b["spending_type"] == "total")
    assert line["amount"] == "900000.00" and line["stated_amount"] == "90" and line["table"] == "表7"
    assert line["source"] == {"file": SEED_002.name, "line": 622}
    assert written["budget_lines.csv"] == 535
    raw = (tmp_path / "three_public_lines.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese as UTF-8
    with (tmp_path / "three_public_lines.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first = rows[0]
    assert (first["单位"], first["金额年度"], first["类别"], first["金额（元）"]) == \
        ("深圳市人力资源和社会保障局", "2019", "“三公”经费合计", "1120000.00")
    assert (first["部门"], first["文档年度"], first["来源文件"], first["来源行"]) == \
        ("深圳市人力资源和社会保障局", "2020", SEED_002.name, "783")


def run(*args):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=120)


def test_cli_budget_and_csv_export(sqlite_url, tmp_path):
    """The commands end to end (the backends are covered above; each CLI start costs seconds)."""
    assert run("ingest", str(SEED_002), "--db", sqlite_url).returncode == 0
    out = run("budget", "by-function", "--level", "类", "--db", sqlite_url)
    assert out.returncode == 0, out.stderr
    assert "社会保障和就业支出" in out.stdout and "694,774" in out.stdout and "在舍入范围内" in out.stdout
    as_json = json.loads(run("budget", "by-function", "--level", "类", "--format", "json", "--db", sqlite_url).stdout)
    assert as_json["stated_total"] == "6947730000.00" and as_json["within_rounding"] is True
    assert "110,635" in run("budget", "unit", "市人社局本级", "--db", sqlite_url).stdout
    exported = run("export", "--format", "csv", "-o", str(tmp_path / "csv"), "--db", sqlite_url)
    assert exported.returncode == 0 and (tmp_path / "csv" / "stated_figures.csv").exists()
    assert run("export", "--format", "csv", "--db", sqlite_url).returncode == 2


def test_unknown_unit_names_the_choices(store):
    ingest_paths(store, [SEED_002])
    with store() as s, pytest.raises(budget_service.NoBudget, match="深圳市考试院"):
        unit_view(s, "不存在的单位")


def test_no_budget_stored(store):
    with store() as s, pytest.raises(budget_service.NoBudget, match="没有部门预算"):
        budget_service.by_unit(s)
