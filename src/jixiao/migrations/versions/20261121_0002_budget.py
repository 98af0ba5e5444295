"""budget tables (issue 4)

Revision ID: 0002_budget
Revises: 0001_core
"""
from alembic import op
import sqlalchemy as sa

from jixiao.storage.types import Hundredths

revision = "0002_budget"
down_revision = "0001_core"
branch_labels = None
depends_on = None

_TABLES = ("budget_lines", "income_lines", "procurement_lines", "three_public_lines", "staffing",
           "stated_figures")


def _head() -> list:
    """id and document_id, first in every budget table."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
    ]


def _tail() -> list:
    """Source columns, keys and the document foreign key."""
    return [
        sa.Column("src_line", sa.Integer(), nullable=True),
        sa.Column("src_sheet", sa.String(length=100), nullable=True),
        sa.Column("src_cell", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    ]


def _money() -> list:
    return [
        sa.Column("amount", Hundredths(), nullable=False),
        sa.Column("stated_amount", sa.String(length=40), nullable=False),
        sa.Column("money_unit", sa.String(length=10), nullable=False),
        sa.Column("stated", sa.Boolean(), nullable=False),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "budget_lines", *_head(),
        sa.Column("table_name", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("function_code", sa.String(length=10), nullable=True),
        sa.Column("function_name", sa.String(length=200), nullable=True),
        sa.Column("function_level", sa.String(length=10), nullable=True),
        sa.Column("fund_source", sa.String(length=30), nullable=False),
        sa.Column("spending_type", sa.String(length=30), nullable=False),
        sa.Column("row_kind", sa.String(length=20), nullable=False),
        *_money(),
        sa.Column("code_derived", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=True),
        *_tail(),
    )
    _index("budget_lines", "document_id", "table_name", "unit", "function_code")
    op.create_table(
        "income_lines", *_head(),
        sa.Column("table_name", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("fund_source", sa.String(length=30), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent", sa.String(length=300), nullable=True),
        sa.Column("row_kind", sa.String(length=20), nullable=False),
        *_money(),
        *_tail(),
    )
    _index("income_lines", "document_id")
    op.create_table(
        "procurement_lines", *_head(),
        sa.Column("table_name", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("item_code", sa.String(length=20), nullable=True),
        sa.Column("item_name", sa.String(length=200), nullable=True),
        sa.Column("measure", sa.String(length=20), nullable=False),
        sa.Column("row_kind", sa.String(length=20), nullable=False),
        *_money(),
        *_tail(),
    )
    _index("procurement_lines", "document_id", "unit")
    op.create_table(
        "three_public_lines", *_head(),
        sa.Column("table_name", sa.String(length=10), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("row_kind", sa.String(length=20), nullable=False),
        *_money(),
        *_tail(),
    )
    _index("three_public_lines", "document_id", "unit")
    op.create_table(
        "staffing", *_head(),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("measure", sa.String(length=30), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        *_tail(),
    )
    _index("staffing", "document_id", "unit")
    op.create_table(
        "stated_figures", *_head(),
        sa.Column("what", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("measure_unit", sa.String(length=10), nullable=False),
        sa.Column("amount", Hundredths(), nullable=True),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("part", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        *_tail(),
    )
    _index("stated_figures", "document_id", "what", "unit")


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_table(table)
