"""Unit scope on every browse page and API route over ingested data, on SQLite and PostgreSQL.

The routes are taken from the app itself (as in the workflow authorization test), so a new route is
either checked here or listed among the document-level exemptions, or this test fails. A unit
editor of 职业训练中心 reads its own projects (also where the document writes 龙岗区职业训练中心) and
nothing of 人力资源局本级 (404 by id, absent from lists); a second editor whose unit has no ingested
project sees none; a viewer reads everything but cannot upload (403); a visitor is sent to login
(pages) or refused (API, 401).
"""

from __future__ import annotations

import io

import pytest
from fastapi.routing import APIRoute
from openpyxl import load_workbook
from sqlalchemy import select

from jixiao.services.unit_scope import unit_matches
from jixiao.storage.models import IndicatorRow, ProjectRow
from tests.conftest import SEED_000, SEED_001
from tests.integration.workflow_helpers import make_people
from tests.web.conftest import make_app, on_each_backend
from tests.web.workflow_web_helpers import bearer, post, signed_in

OWN_UNITS = {"职业训练中心", "龙岗区职业训练中心"}  # the editor's scope names both
STORED_UNITS = {"职业训练中心"}  # the unit registry stores both names as one (龙岗区职业训练中心 is an alias)
OTHER_UNIT = "人力资源局本级"
# Department-level documents (whole published files and the department budget), not one unit's
# project: readable by every signed-in user.
EXEMPT_PAGES = {"/documents", "/documents/jobs/{job_id}", "/budget", "/budget/unit", "/source/{document_id}",
                "/documents/{document_id}", "/documents/{document_id}/explain", "/source/{document_id}/page/{page}.png",
                "/money-unit", "/users",  # the 元/万元 switch; user management (admins only, 403 for others)
                "/login"}
EXEMPT_API = {"/api/v1/documents", "/api/v1/documents/{document_id}", "/api/v1/budget-lines",
              "/api/v1/budget-lines/{line_id}",
              "/api/v1/docs", "/api/v1/openapi.json"}  # the API's description, public
# Pages that list ingested projects or what hangs off them.
LIST_PAGES = {"/", "/projects", "/findings", "/findings.xlsx", "/project-forms.xlsx"}
LIST_API = {"/api/v1/projects", "/api/v1/indicators", "/api/v1/findings", "/api/v1/scores"}


def _load(url: str) -> dict:
    from jixiao.services.checks import run_and_store
    from jixiao.services.ingest import ingest_paths
    from jixiao.services.scoring import score_store

    app = make_app(url)
    assert [r.status for r in ingest_paths(app.state.factory, [SEED_000, SEED_001])] == ["ingested"] * 2
    run_and_store(app.state.factory)
    score_store(app.state.factory)
    people = make_people(app.state.factory)
    with app.state.factory() as session:
        units = dict(session.execute(select(ProjectRow.id, ProjectRow.unit)).all())
        ind_units = {i: units[p] for i, p in session.execute(select(IndicatorRow.id, IndicatorRow.project_id))}
    own = min(p for p, u in units.items() if u in OWN_UNITS)
    other = min(p for p, u in units.items() if u == OTHER_UNIT)
    own_ind = min(i for i, u in ind_units.items() if u in OWN_UNITS)
    other_ind = min(i for i, u in ind_units.items() if u == OTHER_UNIT)
    return {"app": app, "people": people, "units": units, "own": own, "other": other,
            "own_ind": own_ind, "other_ind": other_ind}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request, tmp_path_factory):
    """Seeds 000 and 001, checked and scored, with the workflow's people (editor: 职业训练中心)."""
    yield from on_each_backend(request, tmp_path_factory, _load)


def _get_routes(app, api: bool) -> list[str]:
    out = []
    for r in app.routes:
        if not isinstance(r, APIRoute) or "GET" not in r.methods or r.path.startswith(("/workflow", "/api/v1/workflow")):
            continue
        if r.path.startswith("/api/v1/") == api:
            out.append(r.path)
    return out


def _url(path: str, w: dict, own: bool) -> str:
    pid, ind = (w["own"], w["own_ind"]) if own else (w["other"], w["other_ind"])
    return path.replace("{project_id}", str(pid)).replace("{indicator_id}", str(ind))


def test_unit_names_match_only_the_same_name():
    # issue 16 item 3: a suffix in either direction no longer matches (中心, 训练中心, another district's)
    for other in ("龙岗区职业训练中心", "中心", "训练中心", "深圳市福田区职业训练中心", "职业介绍服务中心"):
        assert not unit_matches("职业训练中心", other) and not unit_matches(other, "职业训练中心"), other
    assert unit_matches("职业训练中心", "职业训练中心") and unit_matches("职业训练中心", " 职业训练中心 ")
    assert unit_matches("职业训练中心", "职业训练中心")
    assert not unit_matches("职业训练中心", "职业训练中心本级")
    assert not unit_matches("职业训练中心", None) and not unit_matches("", "职业训练中心")


def _xlsx_units(content: bytes) -> set:
    book = load_workbook(io.BytesIO(content))
    if book.sheetnames == ["说明"]:  # official forms, none among the projects shown
        return set()
    if book.worksheets[0]["E4"].value == "实施单位":  # official forms: a sheet per project, its unit in F4
        return {ws["F4"].value for ws in book.worksheets}
    rows = list(book.active.iter_rows(min_row=3, values_only=True))
    return {r[7] for r in rows}  # the 单位 column


def _page_shows_other(client, url: str) -> bool:
    r = client.get(url)
    assert r.status_code == 200, url
    if url.endswith(".xlsx"):
        return OTHER_UNIT in _xlsx_units(r.content)
    return OTHER_UNIT in r.text


def test_every_page_route_enforces_unit_scope_and_login(world):
    app = world["app"]
    routes = _get_routes(app, api=False)
    assert len(routes) >= 10
    editor, editor_b = signed_in(app, "editor"), signed_in(app, "editor_b")
    viewer, visitor = signed_in(app, "viewer"), signed_in(app, None)
    for path in routes:
        if path in EXEMPT_PAGES:
            continue
        url = _url(path, world, own=True)
        assert visitor.get(url, follow_redirects=False).headers.get("location", "").startswith("/login"), url
        if "{project_id}" in path:
            assert editor.get(url).status_code == 200, url
            assert editor_b.get(url).status_code == 404, url
            assert editor.get(_url(path, world, own=False)).status_code == 404, url
            assert viewer.get(_url(path, world, own=False)).status_code == 200, url
            continue
        assert path in LIST_PAGES, f"{path}: new page route, check its unit scope here"
        assert _page_shows_other(viewer, url), url  # the marker is there to be hidden
        assert not _page_shows_other(editor, url), url
        assert not _page_shows_other(editor_b, url), url
    assert "职业训练中心" in editor.get("/projects", params={"per_page": 500}).text
    assert _xlsx_units(editor.get("/findings.xlsx").content) == STORED_UNITS


def _all_items(client, path: str, headers: dict) -> list[dict]:
    first = client.get(path, params={"per_page": 500}, headers=headers).json()
    items = first["items"]
    for page in range(2, first["pages"] + 1):
        items += client.get(path, params={"per_page": 500, "page": page}, headers=headers).json()["items"]
    assert len(items) == first["total"], path
    return items


def _item_unit(world: dict, path: str, item: dict) -> str:
    if path == "/api/v1/projects":
        return item["unit"]
    return world["units"].get(item["project_id"])  # findings of a whole document have none


def test_every_api_route_enforces_unit_scope_and_token(world):
    app, people = world["app"], world["people"]
    routes = _get_routes(app, api=True)
    assert len(routes) >= 10
    client = signed_in(app, None)
    editor, editor_b, viewer = (bearer(app, people, u) for u in ("editor", "editor_b", "viewer"))
    for path in routes:
        if path in EXEMPT_API:
            continue
        url = _url(path, world, own=True)
        assert client.get(url).status_code == 401, url
        if "{project_id}" in path or "{indicator_id}" in path:
            assert client.get(url, headers=editor).status_code == 200, url
            r = client.get(_url(path, world, own=False), headers=editor)
            assert r.status_code == 404 and r.json()["error"]["code"] == "not_found", url
            assert client.get(url, headers=editor_b).status_code == 404, url
            assert client.get(_url(path, world, own=False), headers=viewer).status_code == 200, url
            continue
        assert path in LIST_API, f"{path}: new API route, check its unit scope here"
        mine = {_item_unit(world, path, i) for i in _all_items(client, path, editor)}
        assert mine == STORED_UNITS, path
        assert OTHER_UNIT in {_item_unit(world, path, i) for i in _all_items(client, path, viewer)}, path
        assert client.get(url, headers=editor_b).json()["total"] == 0, url
    # seed 000 holds 9 projects of 职业训练中心, seed 001 9 of 龙岗区职业训练中心
    assert client.get("/api/v1/projects", headers=editor).json()["total"] == 18
    assert client.get("/api/v1/projects", params={"unit": OTHER_UNIT}, headers=editor).json()["total"] == 0


def test_viewer_cannot_upload(world):
    app, people = world["app"], world["people"]
    files = {"files": ("x.txt", SEED_000.read_bytes(), "text/plain")}
    client = signed_in(app, None)
    r = client.post("/api/v1/documents", files=files, headers=bearer(app, people, "viewer"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    viewer = signed_in(app, "viewer")
    assert post(viewer, "/documents/upload", files=files).status_code == 403
    assert client.post("/api/v1/documents", files=files).status_code == 401


def test_menu_links_the_workflow_for_signed_in_users(world):
    app = world["app"]
    for who in ("editor", "viewer"):
        page = signed_in(app, who).get("/projects").text
        assert '<a href="/workflow" class="">绩效管理流程</a>' in page
    assert signed_in(app, "viewer").get("/workflow").text.count('class="on">绩效管理流程</a>') == 1
    assert "绩效管理流程" not in signed_in(app, None).get("/login").text
