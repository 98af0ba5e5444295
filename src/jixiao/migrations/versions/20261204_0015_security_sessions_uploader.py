"""sessions can be revoked; an upload records its uploader (issue 16)

``users.session_epoch`` is written into each signed session; logging out or changing the password
moves it on, so every cookie issued before stops working. ``documents.uploaded_by`` and
``ingest_jobs.uploaded_by`` name the account that uploaded a file (empty for files read by the
command line).

Revision ID: 0015_security_sessions_uploader
Revises: 0014_printed_lines
"""
from alembic import op
import sqlalchemy as sa

revision = "0015_security_sessions_uploader"
down_revision = "0014_printed_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0"))
    for table in ("documents", "ingest_jobs"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("uploaded_by", sa.Integer(), nullable=True))
            batch.create_foreign_key(f"fk_{table}_uploaded_by", "users", ["uploaded_by"], ["id"], ondelete="SET NULL")
            batch.create_index(f"ix_{table}_uploaded_by", ["uploaded_by"])


def downgrade() -> None:
    for table in ("documents", "ingest_jobs"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_uploaded_by")
            batch.drop_constraint(f"fk_{table}_uploaded_by", type_="foreignkey")
            batch.drop_column("uploaded_by")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_epoch")
