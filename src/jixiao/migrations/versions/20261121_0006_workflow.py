"""workflow: declared projects, snapshots, reviews, monitoring, self-evaluations, audit (issue 8)

Revision ID: 0006_workflow
Revises: 0005_web
"""
from alembic import op
import sqlalchemy as sa

revision = "0006_workflow"
down_revision = "0005_web"
branch_labels = None
depends_on = None

# Hundredths columns are stored as BigInteger (integer hundredths, fen for yuan).
FEN = sa.BigInteger


def _now_col(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _user_col(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


def _project_col(unique: bool = False) -> sa.Column:
    return sa.Column("project_id", sa.Integer(), sa.ForeignKey("workflow_projects.id", ondelete="CASCADE"),
                     nullable=False, index=not unique, unique=unique)


def _snapshot_col(nullable: bool, ondelete: str) -> sa.Column:
    return sa.Column("snapshot_id", sa.Integer(), sa.ForeignKey("workflow_snapshots.id", ondelete=ondelete),
                     nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "workflow_projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("department", sa.String(200), nullable=True),
        sa.Column("unit", sa.String(200), nullable=False, index=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("code", sa.String(60), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("money_unit", sa.String(10), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=True),
        sa.Column("money", sa.JSON(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("goal_long_term", sa.Text(), nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=True),
        sa.Column("state", sa.String(30), nullable=False, index=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False, index=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("origin_project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("origin_workflow_id", sa.Integer(),
                  sa.ForeignKey("workflow_projects.id", ondelete="SET NULL"), nullable=True),
        _now_col("created_at"), _user_col("created_by"),
        _now_col("updated_at"), _user_col("updated_by"),
    )
    op.create_table(
        "workflow_snapshots",
        sa.Column("id", sa.Integer(), primary_key=True),
        _project_col(),
        sa.Column("project_version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        _now_col("created_at"), _user_col("created_by"),
    )
    op.create_table(
        "workflow_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        _project_col(),
        sa.Column("project_version", sa.Integer(), nullable=False),
        sa.Column("dimensions", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(2), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        _snapshot_col(True, "SET NULL"),
        _now_col("created_at"), _user_col("created_by"),
    )
    op.create_table(
        "workflow_monitoring",
        sa.Column("id", sa.Integer(), primary_key=True),
        _project_col(),
        _snapshot_col(False, "RESTRICT"),
        sa.Column("as_of_month", sa.Integer(), nullable=False),
        sa.Column("budget_total", FEN(), nullable=True),
        sa.Column("spent_to_date", FEN(), nullable=True),
        sa.Column("expected_year_end", FEN(), nullable=True),
        sa.Column("execution_rate", FEN(), nullable=True),
        sa.Column("light", sa.String(10), nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=True),
        sa.Column("correction_needed", sa.Boolean(), nullable=False),
        sa.Column("correction_measures", sa.Text(), nullable=True),
        _now_col("created_at"), _user_col("created_by"), _now_col("updated_at"),
        sa.UniqueConstraint("project_id", "as_of_month", name="uq_workflow_monitoring_month"),
    )
    op.create_table(
        "workflow_self_evaluations",
        sa.Column("id", sa.Integer(), primary_key=True),
        _project_col(unique=True),
        _snapshot_col(False, "RESTRICT"),
        sa.Column("budget_adjusted", FEN(), nullable=True),
        sa.Column("actual_total", FEN(), nullable=True),
        sa.Column("money", sa.JSON(), nullable=True),
        sa.Column("goal_actual", sa.Text(), nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=True),
        sa.Column("problems", sa.Text(), nullable=True),
        sa.Column("rectification", sa.Text(), nullable=True),
        sa.Column("score_total", FEN(), nullable=True),
        sa.Column("grade", sa.String(2), nullable=True),
        sa.Column("score", sa.JSON(), nullable=True),
        _now_col("created_at"), _user_col("created_by"), _now_col("updated_at"),
    )
    op.create_table(
        "workflow_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        _project_col(),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _user_col("actor_id"),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("from_state", sa.String(30), nullable=True),
        sa.Column("to_state", sa.String(30), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    for table in ("workflow_audit", "workflow_self_evaluations", "workflow_monitoring",
                  "workflow_reviews", "workflow_snapshots", "workflow_projects"):
        op.drop_table(table)
