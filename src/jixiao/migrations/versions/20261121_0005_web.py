"""web app: users, API tokens, and project indexes for the web's filters and search (issue 7)

Revision ID: 0005_web
Revises: 0004_scores
"""
from alembic import op
import sqlalchemy as sa

revision = "0005_web"
down_revision = "0004_scores"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("units", sa.JSON(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_index("ix_projects_unit_year_money", "projects", ["unit", "year", "budget_total", "actual_total"])
    op.create_index("ix_projects_search", "projects", ["name", "unit", "code"])
    op.create_index("ix_projects_id", "projects", ["id"])
    op.create_index("ix_project_scores_total", "project_scores", ["total", "project_id"])
    op.create_index("ix_project_scores_grade_total", "project_scores", ["grade", "total", "project_id"])


def downgrade() -> None:
    op.drop_index("ix_project_scores_grade_total", table_name="project_scores")
    op.drop_index("ix_project_scores_total", table_name="project_scores")
    op.drop_index("ix_projects_id", table_name="projects")
    op.drop_index("ix_projects_search", table_name="projects")
    op.drop_index("ix_projects_unit_year_money", table_name="projects")
    op.drop_index("ix_api_tokens_user_id", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_table("users")
