"""checker findings (issue 5)

Revision ID: 0003_findings
Revises: 0002_budget
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = "0003_findings"
down_revision = "0002_budget"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by the checker findings (issue 5) work


def downgrade() -> None:
    pass
