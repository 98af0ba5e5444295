"""project search: a trigram full-text index over name, code and unit (SQLite; issue 7)

Also drops the single-column indexes on projects.name and projects.unit: the composite indexes
(name, unit, code) and (unit, name) serve every query they served, and each index costs ingest.

A substring search otherwise reads every project (~20 ms on 100,000). SQLite's FTS5 trigram
tokenizer answers substring queries of three or more characters from an index; triggers keep it
in step with the projects table. PostgreSQL keeps its plain LIKE scan.

Revision ID: 0007_search
Revises: 0006_workflow
"""
from alembic import op

revision = "0007_search"
down_revision = "0006_workflow"
branch_labels = None
depends_on = None

_ROW = "name, code, unit"
_NEW = "new.id, new.name, new.code, new.unit"
_OLD = "'delete', old.id, old.name, old.code, old.unit"


def upgrade() -> None:
    op.drop_index("ix_projects_name", table_name="projects")
    op.drop_index("ix_projects_unit", table_name="projects")
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE projects_search USING fts5({_ROW}, content='projects', "
               "content_rowid='id', tokenize='trigram case_sensitive 1')")
    op.execute(f"CREATE TRIGGER projects_search_insert AFTER INSERT ON projects BEGIN "
               f"INSERT INTO projects_search(rowid, {_ROW}) VALUES ({_NEW}); END")
    op.execute(f"CREATE TRIGGER projects_search_delete AFTER DELETE ON projects BEGIN "
               f"INSERT INTO projects_search(projects_search, rowid, {_ROW}) VALUES ({_OLD}); END")
    op.execute(f"CREATE TRIGGER projects_search_update AFTER UPDATE OF {_ROW} ON projects BEGIN "
               f"INSERT INTO projects_search(projects_search, rowid, {_ROW}) VALUES ({_OLD}); "
               f"INSERT INTO projects_search(rowid, {_ROW}) VALUES ({_NEW}); END")
    op.execute("INSERT INTO projects_search(projects_search) VALUES ('rebuild')")


def downgrade() -> None:
    op.create_index("ix_projects_name", "projects", ["name"])
    op.create_index("ix_projects_unit", "projects", ["unit"])
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS projects_search_{trigger}")
    op.execute("DROP TABLE IF EXISTS projects_search")
