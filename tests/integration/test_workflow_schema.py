"""The workflow migration builds exactly the tables the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import jixiao.storage.all_models  # noqa: F401
from jixiao.storage.models import Base
from jixiao.storage.session import get_engine

TABLES = {"workflow_projects", "workflow_snapshots", "workflow_reviews", "workflow_monitoring",
          "workflow_self_evaluations", "workflow_audit"}


def _touches_workflow(diff) -> bool:
    return "workflow" in repr(diff)


def test_migration_matches_the_models_and_locks_are_not_null(store, db_url):
    engine = get_engine(db_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        diffs = [d for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                 if _touches_workflow(d)]
    assert diffs == []
    cols = {c["name"]: c for c in inspect(engine).get_columns("workflow_projects")}
    assert cols["version"]["nullable"] is False
    assert cols["deleted"]["nullable"] is False
    assert cols["state"]["nullable"] is False
