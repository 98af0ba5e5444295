"""files read in the background, with their progress (issue 15)

A long PDF takes seconds to read; an upload of one is read in a background thread and the page
follows its progress (page n of m) from this table, whichever web worker answers the poll.

Revision ID: 0012_ingest_jobs
Revises: 0011_figure_phase
"""
from alembic import op
import sqlalchemy as sa

revision = "0012_ingest_jobs"
down_revision = "0011_figure_phase"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file", sa.String(length=500), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pages_done", sa.Integer(), nullable=False),
        sa.Column("pages_total", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="SET NULL"), nullable=True),
        sa.Column("projects", sa.Integer(), nullable=False),
        sa.Column("indicators", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ingest_jobs")
