"""REST API /api/v1 over a migrated store with seeds 000 and 001, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import SAMPLES, SEED_000, SEED_002


def export(loaded) -> dict:
    """The whole-store export the API shapes must equal."""
    from jixiao.exports import json_export

    with loaded.app.state.factory() as session:
        return json_export.build(session)


def get(loaded, path, **params):
    return loaded.client.get(path, params=params, headers=loaded.admin)


def assert_error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]  # a sentence for a person, never empty
    return body["error"]


# --- authentication ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/documents", "/api/v1/projects", "/api/v1/projects/1",
                                  "/api/v1/indicators", "/api/v1/documents/1"])
def test_every_endpoint_needs_a_token(loaded, path):
    err = assert_error(loaded.client.get(path), 401, "unauthorized")
    assert "Authorization: Bearer" in err["message"]
    r = loaded.client.get(path, headers={"Authorization": "Bearer jx_not-a-real-token"})
    assert "无效" in assert_error(r, 401, "unauthorized")["message"]
    assert r.headers["www-authenticate"] == "Bearer"


def test_revoked_token_and_disabled_user_are_refused(fresh):
    from datetime import datetime, timezone

    from sqlalchemy import update

    from jixiao.storage.auth_models import ApiTokenRow, UserRow
    from jixiao.storage.session import transaction

    assert fresh.client.get("/api/v1/documents", headers=fresh.viewer).status_code == 200
    with transaction(fresh.app.state.factory) as s:
        s.execute(update(UserRow).where(UserRow.username == "viewer").values(disabled=True))
    assert_error(fresh.client.get("/api/v1/documents", headers=fresh.viewer), 401, "unauthorized")
    with transaction(fresh.app.state.factory) as s:
        s.execute(update(ApiTokenRow).values(revoked_at=datetime.now(timezone.utc)))
    assert_error(fresh.client.get("/api/v1/documents", headers=fresh.admin), 401, "unauthorized")


# --- documents ---------------------------------------------------------------------------------

def test_documents_list_and_get_equal_the_export(loaded):
    data = get(loaded, "/api/v1/documents").json()
    assert data["total"] == 2 and data["page"] == 1 and data["pages"] == 1
    exported = {d["id"]: d for d in export(loaded)["documents"]}
    assert [d["id"] for d in data["items"]] == sorted(exported, reverse=True)  # newest first
    for d in data["items"]:
        assert d == exported[d["id"]]
    first = min(exported)
    one = get(loaded, f"/api/v1/documents/{first}").json()
    assert one == exported[first]
    assert (one["file"], one["projects"], one["indicators"]) == ("000_9c9e7ed0d43ac23c.txt", 33, 185)


def test_documents_filters_and_bad_ids(loaded):
    assert get(loaded, "/api/v1/documents", kind="self_evaluation_table").json()["total"] == 2
    assert get(loaded, "/api/v1/documents", kind="department_budget").json()["total"] == 0
    assert get(loaded, "/api/v1/documents", year=2021, per_page=1).json()["pages"] == 2
    assert "99999" in assert_error(get(loaded, "/api/v1/documents/99999"), 404, "not_found")["message"]
    assert_error(get(loaded, "/api/v1/documents/abc"), 422, "invalid")
    assert_error(get(loaded, "/api/v1/documents", year="twenty"), 422, "invalid")


# --- projects ----------------------------------------------------------------------------------

def test_project_get_equals_the_export(loaded):
    exported = {p["id"]: p for p in export(loaded)["projects"]}
    office = next(p for p in exported.values() if p["name"] == "办公设备购置" and p["unit"] == "人事服务中心")
    got = get(loaded, f"/api/v1/projects/{office['id']}").json()
    assert got == office
    assert got["source"] == {"file": "000_9c9e7ed0d43ac23c.txt", "line": 50}
    assert got["budget"] == {"total": "106500.00", "general_public": "106500.00"}
    assert got["execution_rate"] == "96.10" and len(got["indicators"]) > 0


def test_project_list_pages_through_every_project_in_export_shape(loaded):
    exported = {p["id"]: p for p in export(loaded)["projects"]}
    seen = []
    for page in (1, 2, 3, 4, 5):
        data = get(loaded, "/api/v1/projects", per_page=10, page=page).json()
        assert data["total"] == 42 and data["pages"] == 5
        seen += data["items"]
    assert len(seen) == 42 and [p["id"] for p in seen] == sorted(exported)
    assert all(p == exported[p["id"]] for p in seen)
    assert get(loaded, "/api/v1/projects", per_page=10, page=9).json()["items"] == []


def test_project_filters_search_and_sort(loaded):
    def names(**params):
        return [p["name"] for p in get(loaded, "/api/v1/projects", per_page=100, **params).json()["items"]]

    assert len(names(unit="职业训练中心")) == 18  # exact unit; 龙岗区职业训练中心 is its alias (unit registry)
    assert len(names(q="职业训练中心")) == 18
    jobs = names(q="就业")  # names with 就业, and every project of 劳动就业服务中心
    assert sorted(jobs) == sorted(["就业管理服务", "扶持就业", "就业服务管理", "就业服务", "贫困劳动力服务", "其他一般管理事务"])
    assert len(names(year=2021, kind="project", unit="人事服务中心")) == 3
    past_the_end = get(loaded, "/api/v1/projects", q="就业", per_page=2, page=10).json()
    assert past_the_end["items"] == [] and past_the_end["total"] == 6 and past_the_end["pages"] == 3
    assert [p["name"] for p in get(loaded, "/api/v1/projects", q="就业", per_page=2, page=3).json()["items"]] == \
        sorted(jobs, key=lambda n: jobs.index(n))[4:]
    assert names(year=2020) == [] and names(kind="unit_overall") == []
    by_budget = get(loaded, "/api/v1/projects", sort="budget", order="desc", per_page=1).json()["items"][0]
    assert (by_budget["name"], by_budget["budget"]["total"]) == ("高层次人才服务", "478375000.00")
    rates = [Decimal(p["execution_rate"]) for p in
             get(loaded, "/api/v1/projects", sort="execution_rate", per_page=100).json()["items"]]
    assert rates == sorted(rates) and rates[:3] == [Decimal("0.00")] * 3
    doc1 = get(loaded, "/api/v1/documents", per_page=1, page=2).json()["items"][0]["id"]
    assert len(names(document_id=doc1)) == 33


@pytest.mark.parametrize("params", [
    {"sort": "bogus"}, {"order": "sideways"}, {"year": "abc"}, {"page": 0}, {"per_page": 0},
    {"per_page": 501}, {"kind": "nonsense"}, {"has_errors": "maybe"}, {"document_id": -1},
    {"colour": "red"},
])
def test_bad_project_filters_are_a_clear_422(loaded, params):
    err = assert_error(get(loaded, "/api/v1/projects", **params), 422, "invalid")
    field = next(iter(params))
    assert field in err["message"] and err["details"][0]["field"] == field


def test_unknown_project_is_404(loaded):
    assert_error(get(loaded, "/api/v1/projects/99999"), 404, "not_found")
    assert_error(get(loaded, "/api/v1/projects/0"), 404, "not_found")
    assert_error(get(loaded, "/api/v1/projects/1.5"), 422, "invalid")


# --- indicators --------------------------------------------------------------------------------

def test_indicators_equal_the_export_plus_project_id(loaded):
    project = next(p for p in export(loaded)["projects"] if p["name"] == "办公设备购置")
    data = get(loaded, "/api/v1/indicators", project_id=project["id"]).json()
    assert data["total"] == len(project["indicators"]) > 0
    for got, want in zip(data["items"], project["indicators"]):
        assert got == {**want, "project_id": project["id"]}
    one = get(loaded, f"/api/v1/indicators/{want['id']}").json()
    assert one == {**want, "project_id": project["id"]}
    stored = export(loaded)
    assert get(loaded, "/api/v1/indicators", per_page=1).json()["total"] == \
        sum(len(p["indicators"]) for p in stored["projects"]) == sum(d["indicators"] for d in stored["documents"])
    quantity = get(loaded, "/api/v1/indicators", level2="quantity", per_page=500).json()
    assert quantity["total"] > 0 and {i["level2"] for i in quantity["items"]} == {"quantity"}


def test_indicator_bad_input(loaded):
    assert_error(get(loaded, "/api/v1/indicators/99999999"), 404, "not_found")
    assert_error(get(loaded, "/api/v1/indicators", project_id="x"), 422, "invalid")
    assert get(loaded, "/api/v1/indicators", project_id=99999).json()["total"] == 0


# --- upload ------------------------------------------------------------------------------------

def upload(app, headers, *files):
    return app.client.post("/api/v1/documents", headers=headers,
                           files=[("files", (name, data, "application/octet-stream")) for name, data in files])


def test_upload_ingests_then_recognises_the_duplicate(fresh):
    def total():
        return fresh.client.get("/api/v1/projects", params={"unit": "人事服务中心"}, headers=fresh.admin).json()["total"]

    assert total() == 3  # counted, and the count cached for this store version
    r = upload(fresh, fresh.admin, ("000_copy.txt", SEED_000.read_bytes() + b"\n"))
    assert r.status_code == 201, r.text
    (res,) = r.json()["results"]
    assert (res["status"], res["kind"], res["projects"], res["indicators"]) == ("ingested", "self_evaluation_table", 33, 185)
    assert total() == 6  # a new document is a new store version: the count is made again
    doc = fresh.client.get(f"/api/v1/documents/{res['document_id']}", headers=fresh.admin).json()
    assert doc["file"] == "000_copy.txt"
    again = upload(fresh, fresh.admin, ("again.txt", SEED_000.read_bytes()))
    assert again.status_code == 200 and again.json()["results"][0]["status"] == "duplicate"
    assert "相同" in again.json()["results"][0]["message"]


def test_upload_of_several_files_reports_each(fresh):
    r = upload(fresh, fresh.admin, ("a.txt", SEED_000.read_bytes() + b"\n\n"), ("junk.txt", "随便写的一段话".encode()))
    assert r.status_code == 201
    a, junk = r.json()["results"]
    assert a["status"] == "ingested" and junk["status"] == "error" and junk["message"]


def test_upload_bad_input_is_4xx_with_a_clear_error(fresh):
    err = assert_error(upload(fresh, fresh.admin, ("report.pptx", b"PK\x03\x04 slides")), 415, "unsupported_type")
    assert "report.pptx" in err["message"] and ".xlsx" in err["message"]
    big = b"x\ty\n" * 600_000  # 2.4 MB, over the fixture's 2 MB limit
    err = assert_error(upload(fresh, fresh.admin, ("big.txt", big)), 413, "too_large")
    assert "big.txt" in err["message"] and "2 MB" in err["message"]
    err = assert_error(upload(fresh, fresh.admin, *[(f"{i}.txt", b"a") for i in range(4)]), 413, "too_many_files")
    assert "3" in err["message"]
    err = assert_error(upload(fresh, fresh.admin, ("binary.txt", b"\x00\x01\x02" * 100)), 422, "unreadable")
    assert "binary.txt" in err["message"] and err["details"][0]["status"] == "error"
    assert_error(upload(fresh, fresh.admin, ("fake.xlsx", b"not a workbook")), 422, "unreadable")
    assert_error(upload(fresh, fresh.admin, ("empty.txt", b"")), 422, "unreadable")
    no_files = fresh.client.post("/api/v1/documents", headers=fresh.admin)
    assert_error(no_files, 422, "invalid")
    assert fresh.client.get("/api/v1/documents", headers=fresh.admin).json()["total"] == 2  # nothing stored


def test_upload_needs_a_writer(fresh):
    err = assert_error(upload(fresh, fresh.viewer, ("a.txt", SEED_000.read_bytes() + b"\n")), 403, "forbidden")
    assert "只读" in err["message"]


def test_upload_of_an_unknown_form_seed(fresh):
    """Seed 002 is ingested once its reader lands; until then it is a clear per-file refusal."""
    r = upload(fresh, fresh.admin, (SEED_002.name, SEED_002.read_bytes()))
    assert r.status_code in (201, 422), r.text
    if r.status_code == 422:
        assert "不是可识别的绩效表格" in r.json()["error"]["message"]


# --- documentation and unknown routes ----------------------------------------------------------

def test_openapi_lists_every_endpoint_and_docs_are_local(loaded):
    spec = loaded.client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/documents", "/api/v1/documents/{document_id}", "/api/v1/projects",
                 "/api/v1/projects/{project_id}", "/api/v1/indicators", "/api/v1/indicators/{indicator_id}"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/v1/documents"]
    html = loaded.client.get("/api/v1/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert loaded.client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


def test_unknown_api_route_and_method_are_json(loaded):
    assert_error(get(loaded, "/api/v1/nothing-here"), 404, "not_found")
    r = loaded.client.delete("/api/v1/projects/1", headers=loaded.admin)
    assert_error(r, 405, "method_not_allowed")


def test_samples_exist():
    assert len(list(SAMPLES.glob("*.txt"))) == 5


def test_search_finds_exactly_the_projects_containing_the_text(loaded):
    """The trigram index (SQLite, three or more characters) answers as a substring test would."""
    projects = export(loaded)["projects"]
    probes = {p["name"][:3] for p in projects} | {p["name"][-4:] for p in projects} | {
        "龙岗区职业", "就业", "服务", 'a"b', "100%", "中心"}
    probes |= {p["code"][2:7] for p in projects if p["code"]}
    for q in sorted(probes):
        expected = sorted(p["id"] for p in projects
                          if any(q in (p[k] or "") for k in ("name", "code", "unit")))
        got = sorted(p["id"] for p in get(loaded, "/api/v1/projects", q=q, per_page=100).json()["items"])
        assert got == expected, q
    assert len(probes) > 30


def test_an_upload_is_checked_and_scored_like_the_command_line(fresh):
    """Issue #17: a copy of sample 000 uploaded through the API shows its findings and every project
    a score at once, the same scores the projects of the original get (same content, same rules)."""
    r = upload(fresh, fresh.admin, ("000_copy.txt", SEED_000.read_bytes() + b"\n\n"))
    assert r.status_code == 201, r.text
    doc_id = r.json()["results"][0]["document_id"]
    found = fresh.client.get("/api/v1/findings", params={"document_id": doc_id, "per_page": 500}, headers=fresh.admin).json()
    assert found["total"] > 0 and {f["document_id"] for f in found["items"]} == {doc_id}

    def scores(document_id):
        page = fresh.client.get("/api/v1/scores", params={"document_id": document_id, "per_page": 100},
                                headers=fresh.admin).json()
        return sorted((s["project"], s["total"]) for s in page["items"])

    copy = scores(doc_id)
    original_id = min(d["id"] for d in fresh.client.get("/api/v1/documents", headers=fresh.admin).json()["items"]
                      if d["file"].startswith("000_"))
    assert len(copy) == 33 and copy == scores(original_id)
