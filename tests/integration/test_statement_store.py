"""Budget and final-account statements in the store (SQLite and PostgreSQL): figures keep their column
(year, phase, change) through save, load, checks and the JSON and CSV exports."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

import jixiao.storage.all_models  # noqa: F401
from jixiao.domain.budget import year_column
from jixiao.exports import csv_export, json_export
from jixiao.services.checks import build_context
from jixiao.services.ingest import ingest_paths
from jixiao.checks.runner import run_checks
from jixiao.storage.budget_models import StatedFigureRow, ThreePublicLineRow
from jixiao.storage.budget_repository import load_stated_figures
from jixiao.storage.models import DocumentRow

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "text"


def test_statement_figures_keep_their_column(store):
    [result] = ingest_paths(store, [CORPUS / "B01.txt"])
    assert result.status == "ingested" and result.kind == "budget_statement", result.message
    with store() as s:
        doc = s.scalars(select(DocumentRow)).one()
        row = s.scalars(select(StatedFigureRow).where(StatedFigureRow.value == "-24.87")).one()
        assert (row.year, row.phase, row.change, row.base_year, row.category) == \
            (2023, "final", "vs_year", 2019, "three_public_total")
        assert row.amount == Decimal("-248700.00") and row.table_name == "三公经费" and row.src_line == 6
        figures = load_stated_figures(s, doc.id, doc.file)
    columns = {(year_column(f), f.value) for f in figures}
    assert ("2023决算", Decimal("62.07")) in columns and ("2023预算", Decimal("84.82")) in columns
    assert ("比2019年增减", Decimal("-24.87")) in columns and ("比上年增减", Decimal("1055.4")) in columns


def test_findings_from_the_store(store):
    ingest_paths(store, [CORPUS / "B12.txt", CORPUS / "B18.txt"])
    with store() as s:
        report = run_checks(build_context(s))
    codes = {(f.document, f.code) for f in report.findings}
    assert ("B12.txt", "R005") in codes and ("B18.txt", "M006") in codes
    assert report.failures == []


def test_statement_exports(store, tmp_path):
    ingest_paths(store, [CORPUS / "B04.txt"])
    with store() as s:
        data = json_export.build(s)
        csv_export.write_dir(s, tmp_path)
        assert len(s.scalars(select(ThreePublicLineRow)).all()) == 6
    fig = next(f for f in data["stated_figures"] if f["value"] == "-8.49")
    assert (fig["year"], fig["phase"], fig["change"], fig["ratio"], fig["category"], fig["table"]) == \
        (2024, "budget", "yoy", "growth", "official_cars", "三公经费")
    assert fig["source"] == {"file": "B04.txt", "line": 25}
    with (tmp_path / "stated_figures.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    level = next(r for r in rows if r["原文数值"] == "328.7")
    assert (level["所述年度"], level["阶段"], level["比较对象"], level["类别"], level["金额（元）"]) == \
        ("2024", "预算", "", "“三公”经费", "3287000.00")
