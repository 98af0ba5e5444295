"""project search: index new projects after each ingest run instead of by an insert trigger (issue 2)

FTS5 writes one segment per transaction; with one transaction per ingested file the insert
trigger made many small segments to merge, ~70 µs per project (0.35-0.45 s of CPU per 5,550). The ingest
service now indexes new projects in one statement at the end of a run
(``jixiao.storage.search_index``). Update and delete triggers stay.

Revision ID: 0009_search_catch_up
Revises: 0008_findings_index
"""
from alembic import op

revision = "0009_search_catch_up"
down_revision = "0008_findings_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS projects_search_insert")
    op.execute("INSERT INTO projects_search(rowid, name, code, unit) SELECT id, name, code, unit FROM projects "
               "WHERE id > coalesce((SELECT max(id) FROM projects_search_docsize), 0)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TRIGGER projects_search_insert AFTER INSERT ON projects BEGIN "
               "INSERT INTO projects_search(rowid, name, code, unit) VALUES (new.id, new.name, new.code, new.unit); END")
