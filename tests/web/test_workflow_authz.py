"""Authorization of every workflow page and API route, on SQLite and PostgreSQL.

The routes are taken from the app itself, so a new route is covered (or this test fails): a unit
editor cannot read or change another unit's project (404), a viewer cannot write (403), a visitor
is sent to the login page (pages) or refused (API, 401), and a page POST without the CSRF token is
refused (403) and changes nothing.
"""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute

from jixiao.services import workflow as wf
from tests.integration.workflow_helpers import declaration
from tests.web.workflow_web_helpers import bearer, csrf, post, signed_in, workflow_app

# Page POSTs that only compute a preview and write nothing: any signed-in user may call them.
READ_ONLY_POSTS = {"/workflow/basis-preview", "/workflow/{project_id}/monitoring/preview",
                   "/workflow/{project_id}/evaluation/preview"}


def _routes(app, prefix: str) -> list[tuple[str, str]]:
    out = []
    for r in app.routes:
        if isinstance(r, APIRoute) and r.path.startswith(prefix):
            out.extend((m, r.path) for m in sorted(r.methods))
    return out


def _url(path: str, pid: int) -> str:
    return path.replace("{project_id}", str(pid)).replace("{fmt}", "csv")


@pytest.fixture
def world(db_url):
    app, people = workflow_app(db_url)
    pid = wf.create_declaration(app.state.factory, people["editor"], declaration()).project_id
    return app, people, pid


def test_every_page_route_enforces_scope_role_login_and_csrf(world):
    app, people, pid = world
    routes = [r for r in _routes(app, "/workflow") if r[0] in ("GET", "POST")]
    assert len(routes) >= 18
    other, viewer, visitor = signed_in(app, "editor_b"), signed_in(app, "viewer"), signed_in(app, None)
    owner = signed_in(app, "editor")
    for method, path in routes:
        url, has_project = _url(path, pid), "{project_id}" in path
        if method == "GET":
            assert visitor.get(url, follow_redirects=False).headers.get("location", "").startswith("/login"), url
            if has_project:
                assert other.get(url).status_code == 404, url
                assert viewer.get(url).status_code == 200, url
            continue
        visitor.csrf = csrf(visitor)  # a page refused to a visitor starts a new session (and token)
        assert post(visitor, url).headers.get("location", "").startswith("/login"), url
        assert owner.post(url, data={"comment": "x"}, follow_redirects=False).status_code == 403, url
        if has_project:
            assert post(other, url).status_code == 404, url
        if path not in READ_ONLY_POSTS:
            assert post(viewer, url).status_code == 403, url
    for who in (viewer, signed_in(app, "reviewer")):  # only unit editors and administrators declare
        assert who.get("/workflow/new").status_code == 403
    with app.state.factory() as session:  # nothing above changed the project
        assert wf.get_project(session, people["admin"], pid).version == 1


def test_every_api_route_enforces_token_scope_and_role(world):
    app, people, pid = world
    routes = _routes(app, "/api/v1/workflow")
    assert len(routes) >= 10
    client = signed_in(app, None)
    other, viewer = bearer(app, people, "editor_b"), bearer(app, people, "viewer")
    for method, path in routes:
        url, has_project = _url(path, pid), "{project_id}" in path
        assert client.request(method, url, json={}).status_code == 401, url
        if has_project:
            r = client.request(method, url, json={}, headers=other)
            assert r.status_code == 404 and r.json()["error"]["code"] == "not_found", url
        if method != "GET":
            r = client.request(method, url, json={}, headers=viewer)
            assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden", url
        else:
            assert client.get(url, headers=viewer).status_code == 200, url
    assert signed_in(app, "editor").get(f"/api/v1/workflow/projects/{pid}").status_code == 401  # no cookie auth
    with app.state.factory() as session:
        assert wf.get_project(session, people["admin"], pid).version == 1
