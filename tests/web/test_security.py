"""Page hardening: CSRF token on every page POST, logout, lockout after repeated failed logins."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from jixiao.services.user_admin import add_user
from tests.web.conftest import make_app

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_LOGIN_MAX_FAILURES", "3")
    app = make_app(f"sqlite:///{tmp_path / 'jixiao.db'}")
    add_user(app.state.factory, "carol", "carol-pass-1", "viewer")
    return TestClient(app)


def page_token(client: TestClient, path: str = "/login") -> str:
    """The CSRF token a page hands out (hidden field in its POST forms)."""
    return TOKEN.search(client.get(path).text).group(1)


def _login(client, password="carol-pass-1", token=None):
    data = {"username": "carol", "password": password, "next": "/"}
    if token:
        data["csrf_token"] = token
    return client.post("/login", data=data, follow_redirects=False)


def test_pages_carry_the_token_in_forms_and_for_htmx(client):
    page = client.get("/login").text
    token = TOKEN.search(page).group(1)
    assert len(token) >= 40
    assert f'hx-headers="{{&quot;X-CSRF-Token&quot;: &quot;{token}&quot;}}"' in page
    assert page_token(client) == token  # stable within the session


def test_login_and_logout_need_the_token(client):
    assert _login(client).status_code == 403
    assert "CSRF" in _login(client, token="forged").text
    token = page_token(client)
    r = _login(client, token=token)
    assert r.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 200
    assert client.post("/logout", follow_redirects=False).status_code == 403
    token = page_token(client, "/")
    assert client.post("/logout", headers={"X-CSRF-Token": token}, follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303  # signed out → login


def test_lockout_after_repeated_failures_even_with_the_right_password(client):
    token = page_token(client)
    for _ in range(3):
        assert _login(client, "wrong-password", token).status_code == 401
    locked = _login(client, token=token)
    assert locked.status_code == 429
    assert "已锁定" in locked.text and "15 分钟" in locked.text


def test_a_token_from_another_session_is_refused(client, tmp_path):
    other = TestClient(client.app)
    assert _login(client, token=page_token(other)).status_code == 403


def test_the_api_is_not_affected(client):
    r = client.post("/api/v1/documents", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
