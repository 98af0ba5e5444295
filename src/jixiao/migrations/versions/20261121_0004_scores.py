"""scores (issue 6)

Revision ID: 0004_scores
Revises: 0003_findings
"""
from alembic import op
import sqlalchemy as sa

import jixiao.storage.types

revision = "0004_scores"
down_revision = "0003_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "score_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("settings_name", sa.String(length=100), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("project_count", sa.Integer(), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "project_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("project_name", sa.String(length=500), nullable=False),
        sa.Column("execution_rate", jixiao.storage.types.Hundredths(), nullable=True),
        sa.Column("execution_weight", jixiao.storage.types.Hundredths(), nullable=False),
        sa.Column("execution_score", jixiao.storage.types.Hundredths(), nullable=False),
        sa.Column("execution_explanation", sa.Text(), nullable=False),
        sa.Column("weights_explanation", sa.Text(), nullable=False),
        sa.Column("total", jixiao.storage.types.Hundredths(), nullable=False),
        sa.Column("total_explanation", sa.Text(), nullable=False),
        sa.Column("grade", sa.String(length=4), nullable=False),
        sa.Column("grade_explanation", sa.Text(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["score_runs.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    for col in ("run_id", "project_id", "document_id", "unit", "grade"):
        op.create_index(f"ix_project_scores_{col}", "project_scores", [col], unique=False)
    op.create_table(
        "indicator_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_score_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level1", sa.String(length=30), nullable=True),
        sa.Column("level2", sa.String(length=30), nullable=True),
        sa.Column("weight", jixiao.storage.types.Hundredths(), nullable=False),
        sa.Column("score", jixiao.storage.types.Hundredths(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("completion_text", sa.Text(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["project_score_id"], ["project_scores.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    for col in ("project_score_id", "indicator_id"):
        op.create_index(f"ix_indicator_scores_{col}", "indicator_scores", [col], unique=False)


def downgrade() -> None:
    for col in ("project_score_id", "indicator_id"):
        op.drop_index(f"ix_indicator_scores_{col}", table_name="indicator_scores")
    op.drop_table("indicator_scores")
    for col in ("run_id", "project_id", "document_id", "unit", "grade"):
        op.drop_index(f"ix_project_scores_{col}", table_name="project_scores")
    op.drop_table("project_scores")
    op.drop_table("score_runs")
