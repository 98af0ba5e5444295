"""every stored value knows its PDF page and the box on it (issue 15)

A number read from a PDF cites its page and the cell's box (x0, top, x1, bottom in points), so
the web shows the page with the cell marked and the exports carry both.

Revision ID: 0013_source_pages
Revises: 0012_ingest_jobs
"""
from alembic import op
import sqlalchemy as sa

revision = "0013_source_pages"
down_revision = "0012_ingest_jobs"
branch_labels = None
depends_on = None

TABLES = ("projects", "indicators", "stated_totals", "parse_warnings", "findings", "budget_lines",
          "income_lines", "procurement_lines", "three_public_lines", "staffing", "stated_figures")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("src_page", sa.Integer(), nullable=True))
            batch.add_column(sa.Column("src_box", sa.String(length=80), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("src_box")
            batch.drop_column("src_page")
