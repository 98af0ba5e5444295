"""Shared fixtures: the sample documents and fresh stores on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_000 = SAMPLES / "000_9c9e7ed0d43ac23c.txt"
SEED_001 = SAMPLES / "001_b13fbadce70d50bb.txt"
SEED_002 = SAMPLES / "002_c4f673160bbbf059.txt"
SEED_003 = SAMPLES / "003_b257c64f33d4ec42.txt"
SEED_004 = SAMPLES / "004_00aa926a2865f149.txt"

PG_ADMIN_URL = os.environ.get("JIXIAO_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import psycopg

    dsn = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(dsn, autocommit=True)


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server the machine runs; a failure to reach it fails the tests (never skips)."""
    with _pg_admin() as conn:
        conn.execute("select 1")
    return PG_ADMIN_URL


def _fresh_pg_database(base_url: str) -> tuple[str, str]:
    name = f"jixiao_t_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + "/" + name, name


def _drop_pg_database(url: str, name: str) -> None:
    from jixiao.storage.session import get_engine

    get_engine(url).dispose()
    with _pg_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'jixiao.db'}"
        return
    request.getfixturevalue("pg_server")
    url, name = _fresh_pg_database(PG_ADMIN_URL)
    try:
        yield url
    finally:
        _drop_pg_database(url, name)


@pytest.fixture
def sqlite_url(tmp_path):
    """A fresh SQLite database URL (for tests that are not about the backend)."""
    return f"sqlite:///{tmp_path / 'jixiao.db'}"


@pytest.fixture
def store(db_url):
    """A session factory on a migrated, empty store, on each backend."""
    from jixiao.storage.session import open_store

    return open_store(db_url)
