"""Issue 16 items 5 and 9-12 on the web app: bodies refused before they are read, formulas in
exports, sessions that end, security headers, numbers no column holds, bad form fields."""

from __future__ import annotations

import asyncio
import io

import pytest

from jixiao.services import workflow as wf
from tests.integration.workflow_helpers import declaration, make_people
from tests.web.conftest import make_app
from tests.web.workflow_web_helpers import bearer, csrf, post, signed_in

CHUNK = 1024 * 1024


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('hard') / 'jixiao.db'}")
    from jixiao.services.ingest import ingest_paths
    from tests.conftest import SEED_000, SEED_001

    ingest_paths(app.state.factory, [SEED_000, SEED_001])
    return {"app": app, "people": make_people(app.state.factory)}


def _asgi(app, method: str, path: str, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, int]:
    """Send up to ``chunks`` MB of body to the app itself; (status, MB the app asked for)."""
    asked, status = 0, {}

    async def receive():
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b" " * CHUNK, "more_body": asked < chunks}

    async def send(message):
        if message["type"] == "http.response.start":
            status["code"] = message["status"]

    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": headers, "client": ("127.0.0.1", 1), "server": ("test", 80), "scheme": "http",
             "http_version": "1.1", "root_path": "", "app": app}
    asyncio.run(app(scope, receive, send))
    return status.get("code"), asked


def test_item5_a_huge_login_body_is_refused_after_the_form_limit(world):
    status, asked = _asgi(world["app"], "POST", "/login",
                          [(b"content-type", b"application/x-www-form-urlencoded")], chunks=400)
    assert status == 413 and asked <= 2  # 1 MB form limit: the rest of 400 MB is never received


def test_item5_a_declared_length_over_the_limit_is_refused_unread(world):
    status, asked = _asgi(world["app"], "POST", "/login", [(b"content-type", b"application/x-www-form-urlencoded"),
                                                          (b"content-length", str(400 * CHUNK).encode())], 400)
    assert status == 413 and asked == 0


def test_item5_an_api_upload_without_a_token_is_refused_before_its_body(world):
    status, asked = _asgi(world["app"], "POST", "/api/v1/documents",
                          [(b"content-type", b"multipart/form-data; boundary=x")], chunks=300)
    assert status == 401 and asked == 0


def test_item5_a_visitor_cannot_stream_an_upload_with_a_valid_token(world):
    client = signed_in(world["app"], None)  # a session and its CSRF token, but nobody signed in
    r = client.post("/documents/upload", files={"files": ("a.txt", b"x" * 2048, "text/plain")},
                    headers={"X-CSRF-Token": client.csrf})
    assert r.status_code == 403


def test_item5_an_upload_over_the_request_limit_is_413(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'j.db'}", max_request_bytes=3 * CHUNK)
    people = make_people(app.state.factory)
    r = signed_in(app, None).post("/api/v1/documents", headers=bearer(app, people, "admin"),
                                  files={"files": ("big.txt", b"x" * (4 * CHUNK), "text/plain")})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def _formula_cells(content: bytes) -> tuple[list, list]:
    """(cells holding text that starts with =, cells that are formulas) of every sheet."""
    from openpyxl import load_workbook

    texts, formulas = [], []
    for ws in load_workbook(io.BytesIO(content)).worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    (formulas if c.data_type == "f" else texts).append(c.value)
    return texts, formulas


def test_item9_findings_and_audit_exports_hold_no_formulas(world):
    from jixiao.storage.finding_models import FindingRow
    from jixiao.storage.session import transaction

    app, people = world["app"], world["people"]
    evil = '=HYPERLINK("http://127.0.0.1:9/x","点击查看")'
    with transaction(app.state.factory) as s:  # a finding about a project a document named so
        s.add(FindingRow(code="M001", rule="sum", severity="error", message=evil, message_en="@SUM(1)",
                         project=evil, document="+evil.txt", expected="-1+2"))
    admin = signed_in(app, "admin")
    texts, formulas = _formula_cells(admin.get("/findings.xlsx").content)
    assert evil in texts and formulas == []
    saved = wf.create_declaration(app.state.factory, people["editor"], declaration(name="公式测试"), comment="=1+2")
    audit = admin.get(f"/workflow/{saved.project_id}/audit.xlsx")
    texts, formulas = _formula_cells(audit.content)
    assert "=1+2" in texts and formulas == []
    csv = admin.get(f"/workflow/{saved.project_id}/audit.csv").content.decode("utf-8-sig")
    assert "'=1+2" in csv


def test_item9_csv_cells_are_neutralised_but_numbers_kept():
    from jixiao.exports.cells import csv_row

    assert csv_row(["=1+2", "+cmd", "-2+3", "@SUM(A1)", "-12.50", "3%", "正常", None, 5]) == [
        "'=1+2", "'+cmd", "'-2+3", "'@SUM(A1)", "-12.50", "3%", "正常", None, 5]


def test_item10_a_saved_cookie_stops_working_after_logout(world):
    app = world["app"]
    client = signed_in(app, "viewer")
    saved = dict(client.cookies)
    assert client.get("/projects", follow_redirects=False).status_code == 200
    assert post(client, "/logout", {}).status_code == 303
    replay = signed_in(app, None)
    replay.cookies.update(saved)
    assert replay.get("/projects", follow_redirects=False).status_code == 303  # sent to login


def test_item10_a_new_password_ends_every_session(world):
    from jixiao.services.user_admin import set_password

    app = world["app"]
    client = signed_in(app, "reviewer")
    assert client.get("/projects", follow_redirects=False).status_code == 200
    set_password(app.state.factory, "reviewer", "pw-一二三-456")
    assert client.get("/projects", follow_redirects=False).status_code == 303


def test_item10_secure_cookies_setting(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from jixiao.web.settings import settings_from_env

    monkeypatch.setenv("JIXIAO_SECURE_COOKIES", "1")
    settings = settings_from_env()
    assert settings.secure_cookies
    monkeypatch.setenv("JIXIAO_SECRET_KEY", "k")
    from jixiao.web.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'j.db'}", settings)
    r = TestClient(app, base_url="https://testserver").get("/login")
    cookie = r.headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert r.headers["strict-transport-security"].startswith("max-age=")


@pytest.mark.parametrize("path", ["/login", "/api/v1/openapi.json", "/static/app.js"])
def test_item11_security_headers_on_every_answer(world, path):
    r = signed_in(world["app"], None).get(path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self';" in csp


@pytest.mark.parametrize("path", ["/api/v1/projects/99999999999999999999", "/api/v1/documents/9223372036854775808",
                                  "/api/v1/indicators/-99999999999999999999", "/api/v1/budget-lines/99999999999999999999",
                                  "/api/v1/scores/99999999999999999999", "/api/v1/workflow/projects/99999999999999999999"])
def test_item12_ids_past_64_bits_are_404(world, path):
    app, people = world["app"], world["people"]
    r = signed_in(app, None).get(path, headers=bearer(app, people, "admin"))
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("query", ["document_id=99999999999999999999", "year=99999999999999999999",
                                   "page=99999999999999999999", "project_id=-99999999999999999999"])
def test_item12_filters_past_64_bits_are_422(world, query):
    app, people = world["app"], world["people"]
    r = signed_in(app, None).get(f"/api/v1/projects?{query}", headers=bearer(app, people, "admin"))
    assert r.status_code == 422, r.text
    page = signed_in(app, "admin").get(f"/projects?{query}")
    assert page.status_code == 422


def test_item12_a_page_id_past_64_bits_is_404(world):
    assert signed_in(world["app"], "admin").get("/projects/99999999999999999999").status_code == 404


def test_item12_version_abc_on_workflow_posts_is_422(world):
    app, people = world["app"], world["people"]
    saved = wf.create_declaration(app.state.factory, people["editor"], declaration(name="版本测试"))
    editor = signed_in(app, "editor")
    for action in ("action", "delete"):
        r = post(editor, f"/workflow/{saved.project_id}/{action}", {"version": "abc", "action": "submit"})
        assert r.status_code == 422, (action, r.status_code, r.text[:200])
    r = post(editor, f"/workflow/{saved.project_id}/edit", {"version": "abc"})
    assert r.status_code == 422


def test_item12_page_number_past_the_end_is_not_5xx(world):
    app, people = world["app"], world["people"]
    r = signed_in(app, None).get("/api/v1/projects?page=9223372036854775807", headers=bearer(app, people, "admin"))
    assert r.status_code < 500


def test_login_page_token_still_works_after_the_changes(world):
    client = signed_in(world["app"], None)
    assert csrf(client)
