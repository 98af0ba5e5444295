"""budget lines of printed tables keep their column's year, phase and header, the table's title
and what the amount is; a stated figure the line it describes (issue 15: Shanghai and Jiangsu
部门预算 / 部门决算 PDFs)

Revision ID: 0014_printed_lines
Revises: 0013_source_pages
"""
from alembic import op
import sqlalchemy as sa

revision = "0014_printed_lines"
down_revision = "0013_source_pages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("budget_lines") as batch:
        batch.add_column(sa.Column("year", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("phase", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("column_name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("table_title", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("category", sa.String(length=40), nullable=True))
    with op.batch_alter_table("stated_figures") as batch:
        batch.add_column(sa.Column("describes", sa.String(length=400), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stated_figures") as batch:
        batch.drop_column("describes")
    with op.batch_alter_table("budget_lines") as batch:
        for name in ("category", "table_title", "column_name", "phase", "year"):
            batch.drop_column(name)
