"""Fixtures of the web tests: an app over a store built by the migrations, seeds 000 and 001 in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from tests.conftest import PG_ADMIN_URL, SEED_000, SEED_001, _drop_pg_database, _fresh_pg_database


@dataclass
class Loaded:
    """An app, a client on it and the tokens of its demo users."""

    app: object
    client: TestClient
    admin: dict
    viewer: dict
    url: str


def make_app(url: str, **settings):
    """The web app over ``url`` with fixed test settings."""
    from jixiao.web.app import create_app
    from jixiao.web.settings import WebSettings

    return create_app(url, WebSettings(secret_key="test-secret", **settings))


def tokens(factory) -> tuple[dict, dict]:
    """Bearer headers of the demo admin and of the demo viewer."""
    from sqlalchemy import select

    from jixiao.services.users import create_token, ensure_demo_users
    from jixiao.storage.auth_models import UserRow
    from jixiao.storage.session import transaction

    admin = ensure_demo_users(factory)
    with transaction(factory) as session:
        viewer_id = session.scalar(select(UserRow.id).where(UserRow.username == "viewer"))
        viewer = create_token(session, viewer_id, "test")
    return {"Authorization": f"Bearer {admin}"}, {"Authorization": f"Bearer {viewer}"}


def load(url: str, **settings) -> Loaded:
    """An app with seeds 000 and 001 ingested and the demo users created."""
    from jixiao.services.ingest import ingest_paths

    app = make_app(url, **settings)
    results = ingest_paths(app.state.factory, [SEED_000, SEED_001])
    assert [r.status for r in results] == ["ingested", "ingested"]
    admin, viewer = tokens(app.state.factory)
    return Loaded(app, TestClient(app), admin, viewer, url)


def on_each_backend(request, tmp_path_factory, make):
    """``make(url)`` on a fresh SQLite file or a fresh PostgreSQL database (``request.param``)."""
    if request.param == "sqlite":
        yield make(f"sqlite:///{tmp_path_factory.mktemp('web') / 'jixiao.db'}")
        return
    url, name = _fresh_pg_database(PG_ADMIN_URL)
    try:
        yield make(url)
    finally:
        _drop_pg_database(url, name)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded(request, tmp_path_factory):
    """Seeds 000 and 001 in a migrated store, on SQLite and on PostgreSQL (read-only tests share it)."""
    yield from on_each_backend(request, tmp_path_factory, load)


@pytest.fixture
def fresh(tmp_path):
    """A new SQLite store with the seeds, for tests that write (uploads); small upload limit."""
    return load(f"sqlite:///{tmp_path / 'jixiao.db'}", max_upload_bytes=2_000_000, max_upload_files=3)


def login(client: TestClient, username: str = "admin", password: str | None = None) -> None:
    """Sign the test client in through the login form."""
    from jixiao.services.users import DEMO_USERS

    password = password or next(p for u, p, *_ in DEMO_USERS if u == username)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    r = client.post("/login", data={"username": username, "password": password, "next": "/", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
