"""REST API for findings and budget lines: equal to the export sections, filters, bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SEED_000, SEED_001, SEED_002
from tests.web.conftest import make_app, on_each_backend, tokens
from tests.web.test_api import assert_error


def _load(url: str):
    from jixiao.services.checks import run_and_store
    from jixiao.services.ingest import ingest_paths
    from jixiao.services.scoring import score_store

    app = make_app(url)
    assert [r.status for r in ingest_paths(app.state.factory, [SEED_000, SEED_001, SEED_002])] == ["ingested"] * 3
    run_and_store(app.state.factory)
    score_store(app.state.factory)
    admin, _ = tokens(app.state.factory)
    return app, TestClient(app), admin


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def checked(request, tmp_path_factory):
    """Seeds 000–002 (two self-evaluation tables and a department budget), checked and scored."""
    yield from on_each_backend(request, tmp_path_factory, _load)


def _export(app) -> dict:
    from jixiao.exports import json_export

    with app.state.factory() as session:
        return json_export.build(session)


def _all(client, admin, path, **params) -> list[dict]:
    first = client.get(path, params={**params, "per_page": 500}, headers=admin).json()
    items = first["items"]
    for page in range(2, first["pages"] + 1):
        items += client.get(path, params={**params, "per_page": 500, "page": page}, headers=admin).json()["items"]
    assert len(items) == first["total"]
    return items


def _key(f: dict) -> tuple:
    return f["code"], f["document_id"], f["project_id"], f["source"]["line"], f["message"]


def test_findings_equal_the_export_errors_first(checked):
    app, client, admin = checked
    exported = _export(app)["findings"]
    got = _all(client, admin, "/api/v1/findings")
    assert len(exported) > 0 and sorted(map(_key, got)) == sorted(map(_key, exported))
    assert all(f in exported for f in got)  # the same shape, key for key
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [rank[f["severity"]] for f in got] == sorted(rank[f["severity"]] for f in got)


def test_findings_filters(checked):
    app, client, admin = checked
    exported = _export(app)
    errors = _all(client, admin, "/api/v1/findings", severity="error")
    assert len(errors) == sum(f["severity"] == "error" for f in exported["findings"]) > 0
    code = errors[0]["code"]
    by_code = _all(client, admin, "/api/v1/findings", code=code)
    assert {f["code"] for f in by_code} == {code}
    doc_id = exported["documents"][0]["id"]
    assert all(f["document_id"] == doc_id for f in _all(client, admin, "/api/v1/findings", document_id=doc_id))
    units = {p["id"]: p["unit"] for p in exported["projects"]}
    with_project = next(f for f in exported["findings"] if f["project_id"])
    unit = units[with_project["project_id"]]
    in_unit = _all(client, admin, "/api/v1/findings", unit=unit)
    assert in_unit and all(units[f["project_id"]] == unit for f in in_unit)
    assert len(in_unit) == sum(1 for f in exported["findings"] if f["project_id"] and units[f["project_id"]] == unit)
    one = _all(client, admin, "/api/v1/findings", project_id=with_project["project_id"])
    assert with_project in one


@pytest.mark.parametrize("params", [{"severity": "fatal"}, {"document_id": "x"}, {"per_page": 0}, {"sort": "id"}])
def test_findings_bad_filters(checked, params):
    _, client, admin = checked
    assert_error(client.get("/api/v1/findings", params=params, headers=admin), 422, "invalid")


def test_findings_need_a_token(checked):
    _, client, _ = checked
    assert_error(client.get("/api/v1/findings"), 401, "unauthorized")
    assert_error(client.get("/api/v1/budget-lines"), 401, "unauthorized")


def test_budget_lines_equal_the_export(checked):
    app, client, admin = checked
    exported = _export(app)["budget_lines"]
    got = _all(client, admin, "/api/v1/budget-lines")
    assert len(got) == len(exported) > 0 and got == exported
    table3 = _all(client, admin, "/api/v1/budget-lines", table="表3")
    assert table3 == [b for b in exported if b["table"] == "表3"]
    total = next(b for b in table3 if b["row_kind"] == "total" and b["spending_type"] == "total")
    assert total["amount"] == "6947730000.00"  # 表3 合计 of seed 002: 694,773 万元
    assert client.get(f"/api/v1/budget-lines/{total['id']}", headers=admin).json() == total
    items = _all(client, admin, "/api/v1/budget-lines", table="表7", function_level="item")
    assert items and {b["function_level"] for b in items} == {"item"}


def test_budget_lines_bad_input(checked):
    _, client, admin = checked
    assert_error(client.get("/api/v1/budget-lines/99999999", headers=admin), 404, "not_found")
    assert_error(client.get("/api/v1/budget-lines", params={"function_level": "chapter"}, headers=admin), 422, "invalid")
    assert client.get("/api/v1/budget-lines", params={"table": "表99"}, headers=admin).json()["total"] == 0


def test_scores_equal_the_export_lowest_first(checked):
    app, client, admin = checked
    exported = _export(app)["scores"]
    got = _all(client, admin, "/api/v1/scores")
    assert len(got) == len(exported) == 42  # every project of the two self-evaluation tables
    assert sorted(got, key=lambda s: s["project_id"]) == sorted(exported, key=lambda s: s["project_id"])
    totals = [float(s["total"]) for s in got]
    assert totals == sorted(totals)
    one = exported[0]
    assert client.get(f"/api/v1/scores/{one['project_id']}", headers=admin).json() == one
    for grade in ("优", "良", "中", "差"):
        by_grade = _all(client, admin, "/api/v1/scores", grade=grade)
        assert len(by_grade) == sum(s["grade"] == grade for s in exported)
        projects = client.get("/api/v1/projects", params={"grade": grade, "per_page": 1}, headers=admin).json()
        assert projects["total"] == len(by_grade)


def test_projects_sorted_by_score(checked):
    app, client, admin = checked
    scores = {s["project_id"]: float(s["total"]) for s in _export(app)["scores"]}
    items = _all(client, admin, "/api/v1/projects", sort="score")
    ordered = [scores[p["id"]] for p in items if p["id"] in scores]
    assert ordered == sorted(ordered) and len(ordered) == len(scores)
    assert all(p["id"] not in scores for p in items[len(scores):])  # unscored projects come last


def test_scores_bad_input(checked):
    _, client, admin = checked
    assert_error(client.get("/api/v1/scores/99999999", headers=admin), 404, "not_found")
    assert_error(client.get("/api/v1/scores", params={"grade": "A"}, headers=admin), 422, "invalid")
    assert_error(client.get("/api/v1/scores"), 401, "unauthorized")
