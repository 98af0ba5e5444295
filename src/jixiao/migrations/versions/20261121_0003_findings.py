"""checker findings (issue 5)

Revision ID: 0003_findings
Revises: 0002_budget
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_findings"
down_revision = "0002_budget"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("rule", sa.String(length=80), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("document", sa.String(length=500), nullable=True),
        sa.Column("project", sa.String(length=500), nullable=True),
        sa.Column("src_file", sa.String(length=500), nullable=True),
        sa.Column("src_line", sa.Integer(), nullable=True),
        sa.Column("src_sheet", sa.String(length=100), nullable=True),
        sa.Column("src_cell", sa.String(length=20), nullable=True),
        sa.Column("expected", sa.Text(), nullable=True),
        sa.Column("actual", sa.Text(), nullable=True),
        sa.Column("related", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_severity"), ["severity"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_project_id"), ["project_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_project_id"))
        batch_op.drop_index(batch_op.f("ix_findings_document_id"))
        batch_op.drop_index(batch_op.f("ix_findings_severity"))
        batch_op.drop_index(batch_op.f("ix_findings_code"))
    op.drop_table("findings")
