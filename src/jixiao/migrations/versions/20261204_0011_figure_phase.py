"""stated figures say their column: year, phase, change, table, code, category (issue 14)

A figure of a budget or final-account statement is compared and checked by the column it stands in
(2023 预算, 2022 决算, 比上年增减, 决算比预算增减, 比2019年增减) and by what it is about (三公经费 and
its parts, 收入总计 …). The narrative figures of a 部门预算 leave the new columns empty.

Revision ID: 0011_figure_phase
Revises: 0010_projects_by_unit
"""
from alembic import op
import sqlalchemy as sa

revision = "0011_figure_phase"
down_revision = "0010_projects_by_unit"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("year", sa.Integer()), ("phase", sa.String(length=20)), ("change", sa.String(length=20)),
    ("base_year", sa.Integer()), ("table_name", sa.String(length=60)), ("code", sa.String(length=10)),
    ("category", sa.String(length=40)), ("ratio", sa.String(length=20)), ("subject", sa.String(length=200)),
    ("base", sa.String(length=200)),
)


def upgrade() -> None:
    with op.batch_alter_table("stated_figures") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    op.create_index("ix_stated_figures_category", "stated_figures", ["category"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stated_figures_category", table_name="stated_figures")
    with op.batch_alter_table("stated_figures") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
