"""budget tables (issue 4)

Revision ID: 0002_budget
Revises: 0001_core
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = "0002_budget"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by the budget tables (issue 4) work


def downgrade() -> None:
    pass
