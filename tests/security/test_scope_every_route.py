"""Issue 16 items 2-4: no route gives a unit editor another unit's data.

The routes are read from the app, so a new page or API route is covered without editing this
test: every GET route is asked by a unit editor of 职业训练中心 with the ids of other units' data
(documents, projects, indicators, budget lines, a declaration, an upload job) and must answer
404/403, or answer without any text only other units' data holds. A route with a path or
required query parameter this test cannot fill fails it, so that it gets a value here.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel

from tests.security.scope_world import MARKERS, build
from tests.web.conftest import on_each_backend
from tests.web.workflow_web_helpers import bearer, post, signed_in

REQUIRED_QUERY = {"name": "人力资源局本级"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request, tmp_path_factory):
    yield from on_each_backend(request, tmp_path_factory, build)


def _values(w: dict, path: str) -> list[dict]:
    workflow = path.startswith(("/workflow", "/api/v1/workflow"))
    base = {"project_id": w["other_workflow"] if workflow else w["other_project"],
            "indicator_id": w["other_indicator"], "line_id": w["line"], "job_id": w["job"], "page": 1}
    fmts = ["csv", "xlsx"] if "{fmt}" in path else [None]
    docs = w["other_docs"] if "{document_id}" in path else [None]
    return [{**base, "fmt": fm, "document_id": d} for fm in fmts for d in docs]


def _urls(app, w: dict) -> list[tuple[str, str, dict]]:
    out = []
    for r in app.routes:
        if not isinstance(r, APIRoute) or "GET" not in r.methods:
            continue
        query = {}
        for p in r.dependant.query_params:
            model = isinstance(p.field_info.annotation, type) and issubclass(p.field_info.annotation, BaseModel)
            if p.required and not model:  # a filter model's fields all have defaults
                assert p.alias in REQUIRED_QUERY, f"{r.path}: give its required query '{p.alias}' a value here"
                query[p.alias] = REQUIRED_QUERY[p.alias]
        for values in _values(w, r.path):
            url = r.path
            for p in r.dependant.path_params:
                assert values.get(p.alias) is not None, f"{r.path}: give its path parameter '{p.alias}' a value here"
                url = url.replace("{" + p.alias + "}", str(values[p.alias]))
            out.append((r.path, url, query))
    return out


def _text(response) -> str:
    body = response.content
    if body[:2] == b"PK":  # an .xlsx: the text is in its XML parts
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    return body.decode("utf-8", "replace")


def _leaks(response) -> list[str]:
    if response.status_code in (401, 403, 404):
        return []
    assert response.status_code < 500, response.text[:300]
    text = _text(response)
    return [m for m in MARKERS if m in text]


def test_item4_every_get_route_keeps_a_unit_editor_to_its_units(world):
    app, people = world["app"], world["people"]
    urls = _urls(app, world)
    assert len({p for p, _, _ in urls}) >= 35  # pages, the API and the workflow
    page_editor, page_admin = signed_in(app, "editor"), signed_in(app, "admin")
    api_editor, api_admin = bearer(app, people, "editor"), bearer(app, people, "admin")
    leaks, admin_sees = [], set()
    for path, url, query in urls:
        api = path.startswith("/api/")
        editor = page_editor.get(url, params=query, headers=api_editor if api else None, follow_redirects=False)
        leaks += [(url, m) for m in _leaks(editor)]
        admin = page_admin.get(url, params=query, headers=api_admin if api else None, follow_redirects=False)
        if admin.status_code == 200 and any(m in _text(admin) for m in MARKERS):
            admin_sees.add(path)
    assert leaks == [], leaks
    # the markers are there to be hidden: an administrator sees them on the routes that list data
    assert {"/", "/projects", "/findings", "/budget", "/api/v1/projects", "/source/{document_id}",
            "/workflow"} <= admin_sees, sorted(admin_sees)
    # lists that name files and amounts rather than units: the editor's hold nothing of others
    assert page_editor.get("/api/v1/budget-lines", headers=api_editor).json()["total"] == 0
    assert page_admin.get("/api/v1/budget-lines", headers=api_admin).json()["total"] > 0


def test_item4_the_editor_reads_its_own_upload_and_the_uploader_is_recorded(world):
    from jixiao.storage.models import DocumentRow

    app, people = world["app"], world["people"]
    editor = signed_in(app, "editor")
    doc = world["own_doc"]
    assert editor.get(f"/source/{doc}").status_code == 200
    listed = editor.get("/api/v1/documents", headers=bearer(app, people, "editor")).json()
    ids = {d["id"] for d in listed["items"]}
    # its upload, and seed 001 whose every row is 龙岗区职业训练中心; not seed 000 nor the budget
    assert doc in ids and ids.isdisjoint({1, 3}) and len(ids) == 2, ids
    with app.state.factory() as s:
        assert s.get(DocumentRow, doc).uploaded_by == people["editor"].user_id


def test_item4_an_editor_cannot_upload_another_units_document(world):
    from tests.conftest import SEED_000

    app, people = world["app"], world["people"]
    files = {"files": ("别的单位.txt", SEED_000.read_bytes() + b"\n", "text/plain")}
    r = signed_in(app, None).post("/api/v1/documents", files=files, headers=bearer(app, people, "editor"))
    assert r.status_code == 422 and "其他单位" in r.text, r.text


def test_item2_an_editor_cannot_declare_for_another_unit_naming_its_own_as_department(world):
    from tests.integration.workflow_helpers import UNIT_B
    from tests.web.workflow_web_helpers import DECLARATION_FORM

    app, people = world["app"], world["people"]
    body = {"year": 2026, "unit": UNIT_B, "name": "越权申报", "department": "职业训练中心",
            "money_unit": "wan_yuan", "money": {"general_public": "1"}, "indicators": []}
    r = signed_in(app, None).post("/api/v1/workflow/projects", json=body, headers=bearer(app, people, "editor"))
    assert r.status_code == 403, r.text
    page = post(signed_in(app, "editor"), "/workflow/new", {**DECLARATION_FORM, "unit": UNIT_B,
                                                             "department": "职业训练中心"})
    assert page.status_code == 403, page.text[:300]


def test_item3_units_that_share_a_suffix_stay_apart(world):
    """Units named 中心, 训练中心 and 深圳市福田区职业训练中心 are not the editor's 职业训练中心."""
    from jixiao.services.ingest import ingest_bytes
    from tests.conftest import SEED_000

    app, people = world["app"], world["people"]
    text = SEED_000.read_text(encoding="utf-8")
    names = ["中心", "训练中心", "深圳市福田区职业训练中心"]
    for i, name in enumerate(names):
        variant = text.replace("\t人力资源局本级\t", f"\t{name}\t").replace("部门预算项目绩效自评表", f"部门预算项目绩效自评表{i}", 1)
        assert ingest_bytes(app.state.factory, variant.encode("utf-8"), f"suffix{i}.txt").status == "ingested"
    client, editor = signed_in(app, None), bearer(app, people, "editor")
    units = {p["unit"] for p in client.get("/api/v1/projects", params={"per_page": 500}, headers=editor).json()["items"]}
    assert units == {"职业训练中心"}, units  # 龙岗区职业训练中心 is stored under its registry name
    page = signed_in(app, "editor").get("/projects", params={"per_page": 500}).text
    assert not any(f">{n}<" in page for n in names)
