"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import jixiao.storage.all_models  # noqa: F401
from jixiao.storage.models import Base
from jixiao.storage.session import include_object


def test_migrations_equal_the_models(store):
    with store.kw["bind"].connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_search_index_follows_the_projects_table(store, db_url):
    from jixiao.services.ingest import ingest_paths
    from tests.conftest import SEED_001

    from jixiao.storage import search_index
    from jixiao.storage.repositories import save_document
    from jixiao.storage.session import transaction

    ingest_paths(store, [SEED_001])
    if not db_url.startswith("sqlite"):
        return  # PostgreSQL searches with LIKE; there is no index to follow
    with store() as s:
        assert search_index.is_current(s)  # the ingest run indexed its projects at the end
    from jixiao.ingest.forms import read_document

    doc = read_document(SEED_001.read_bytes() + b"\n", "copy.txt")
    with transaction(store) as s:  # stored without an ingest run: the index is behind
        save_document(s, doc)
    with store() as s:
        assert not search_index.is_current(s)
    search_index.catch_up(store)
    with store() as s:
        assert search_index.is_current(s)
        ids = set(s.scalars(text("SELECT rowid FROM projects_search WHERE projects_search MATCH '\"职业训练\"'")))
        assert len(ids) == 18
        s.execute(text("UPDATE projects SET name = '改名后的项目' WHERE id = :i"), {"i": min(ids)})
        assert set(s.scalars(text("SELECT rowid FROM projects_search WHERE projects_search MATCH '\"改名后\"'"))) == {min(ids)}
        s.execute(text("DELETE FROM indicators WHERE project_id = :i"), {"i": min(ids)})
        s.execute(text("DELETE FROM projects WHERE id = :i"), {"i": min(ids)})
        assert list(s.scalars(text("SELECT rowid FROM projects_search WHERE projects_search MATCH '\"改名后\"'"))) == []
        s.rollback()
