"""Tables of the yearly workflow (issue 8): declared projects, approved snapshots, reviews,
monitoring reports, self-evaluations and the audit trail.

A declared project lives in ``workflow_projects`` (not in ``projects``, which holds what was read
from documents): it has no file behind it, it changes while being filled in, and it carries a
lifecycle ``state``, an optimistic-lock ``version`` and a soft-delete flag. Indicators are a JSON
list with stable ``key``s so that monitoring and self-evaluation rows can point at them. Money is
Decimal yuan (``Hundredths`` columns or decimal strings in JSON), as everywhere else.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base
from .types import Hundredths


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _user_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class WorkflowProjectRow(Base):
    """A project as declared by its unit, with where it stands in the year."""

    __tablename__ = "workflow_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    department: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(String(500))
    code: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20), default="project")
    money_unit: Mapped[str] = mapped_column(String(10), default="wan_yuan")
    facts: Mapped[dict | None] = mapped_column(JSON)
    money: Mapped[dict | None] = mapped_column(JSON)
    basis: Mapped[str | None] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(Text)
    goal_long_term: Mapped[str | None] = mapped_column(Text)
    indicators: Mapped[list | None] = mapped_column(JSON)
    findings: Mapped[list | None] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(30), index=True, default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str] = mapped_column(String(20), default="new")
    origin_project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    origin_workflow_id: Mapped[int | None] = mapped_column(
        ForeignKey("workflow_projects.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    created_by: Mapped[int | None] = _user_fk()
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_by: Mapped[int | None] = _user_fk()


class _ProjectChild:
    """Columns every workflow record shares: its project and who wrote it when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    created_by: Mapped[int | None] = _user_fk()


class TargetSnapshotRow(_ProjectChild, Base):
    """The declaration as approved: what monitoring and self-evaluation are measured against."""

    __tablename__ = "workflow_snapshots"

    project_id: Mapped[int] = mapped_column(ForeignKey("workflow_projects.id", ondelete="CASCADE"), index=True)
    project_version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)


class ReviewRow(_ProjectChild, Base):
    """A 绩效目标审核: four dimensions with verdict and comment, and the outcome 优/良/中/差."""

    __tablename__ = "workflow_reviews"

    project_id: Mapped[int] = mapped_column(ForeignKey("workflow_projects.id", ondelete="CASCADE"), index=True)
    project_version: Mapped[int] = mapped_column(Integer)
    dimensions: Mapped[dict] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(2))
    comment: Mapped[str] = mapped_column(Text)
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("workflow_snapshots.id", ondelete="SET NULL"))


class MonitoringReportRow(_ProjectChild, Base):
    """A 绩效运行监控 report for one as-of month: money progress, indicator progress, light."""

    __tablename__ = "workflow_monitoring"
    __table_args__ = (UniqueConstraint("project_id", "as_of_month", name="uq_workflow_monitoring_month"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("workflow_projects.id", ondelete="CASCADE"), index=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("workflow_snapshots.id", ondelete="RESTRICT"))
    as_of_month: Mapped[int] = mapped_column(Integer)
    budget_total: Mapped[object | None] = mapped_column(Hundredths)
    spent_to_date: Mapped[object | None] = mapped_column(Hundredths)
    expected_year_end: Mapped[object | None] = mapped_column(Hundredths)
    execution_rate: Mapped[object | None] = mapped_column(Hundredths)
    light: Mapped[str | None] = mapped_column(String(10))
    indicators: Mapped[list | None] = mapped_column(JSON)
    correction_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    correction_measures: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class SelfEvaluationRow(_ProjectChild, Base):
    """A 绩效自评: actual money and values against the approved snapshot, with the engine's score."""

    __tablename__ = "workflow_self_evaluations"

    project_id: Mapped[int] = mapped_column(ForeignKey("workflow_projects.id", ondelete="CASCADE"), unique=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("workflow_snapshots.id", ondelete="RESTRICT"))
    budget_adjusted: Mapped[object | None] = mapped_column(Hundredths)
    actual_total: Mapped[object | None] = mapped_column(Hundredths)
    money: Mapped[dict | None] = mapped_column(JSON)
    goal_actual: Mapped[str | None] = mapped_column(Text)
    indicators: Mapped[list | None] = mapped_column(JSON)
    problems: Mapped[str | None] = mapped_column(Text)
    rectification: Mapped[str | None] = mapped_column(Text)
    score_total: Mapped[object | None] = mapped_column(Hundredths)
    grade: Mapped[str | None] = mapped_column(String(2))
    score: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AuditRow(Base):
    """One entry of a project's audit trail: who, when, which step, and what changed (before/after)."""

    __tablename__ = "workflow_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("workflow_projects.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    actor_id: Mapped[int | None] = _user_fk()
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str | None] = mapped_column(String(30))
    version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
