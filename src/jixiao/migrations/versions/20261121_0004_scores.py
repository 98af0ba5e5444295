"""scores (issue 6)

Revision ID: 0004_scores
Revises: 0003_findings
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = "0004_scores"
down_revision = "0003_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled in by the scores (issue 6) work


def downgrade() -> None:
    pass
