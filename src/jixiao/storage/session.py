"""Engines and sessions from a database URL; the schema is always built by the migrations."""

from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///jixiao.db"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def database_url(url: str | None = None) -> str:
    """``--db`` first, then ``JIXIAO_DATABASE_URL``, then ``sqlite:///jixiao.db`` here."""
    url = url or os.environ.get("JIXIAO_DATABASE_URL") or DEFAULT_URL
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB: index pages of a large store stay cached
    cur.close()


_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL for the process."""
    url = database_url(url)
    with _LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = _create(url)
        return _ENGINES[url]


def forget_engines_after_fork() -> None:
    """In a forked worker: drop inherited pools without closing the parent's connections."""
    for engine in _ENGINES.values():
        engine.dispose(close=False)


def _json_loads(text):
    """JSON columns read by orjson (a page of projects decodes 200 of them); what it refuses
    (NaN, which ``json.dumps`` writes for a float nan) falls back to the standard library."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _create(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               json_deserializer=_json_loads)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                               json_deserializer=_json_loads)
    from . import guards

    guards.install(engine)  # text lengths checked before any statement is sent (both backends)
    return engine


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic's autogenerate: leave the search index of migration 0007 (an FTS5 table and its
    shadow tables) to that migration; it has no model, so it would otherwise be offered for dropping."""
    return not (type_ == "table" and reflected and name.startswith("projects_search"))


def alembic_config(url: str):
    """An Alembic config pointing at the packaged migrations and ``url``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command

    engine = get_engine(url)
    cfg = alembic_config(database_url(url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: str | None = None) -> sessionmaker[Session]:
    """A session factory on an up-to-date schema."""
    upgrade(url)
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]):
    """One unit of work: commit on success, roll back everything on any error."""
    with factory() as session:
        with session.begin():
            yield session
