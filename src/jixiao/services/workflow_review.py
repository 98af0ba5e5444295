"""绩效目标审核: a reviewer judges four dimensions and gives 优/良/中/差, which approves or returns.

Approval takes a snapshot of the declaration: monitoring and self-evaluation are measured against
that snapshot, never against later edits (rules.md §1, §4).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.lifecycle import Action, review_outcome_action
from jixiao.storage.workflow_models import ReviewRow, TargetSnapshotRow, WorkflowProjectRow

from .users import Principal
from .workflow import Saved, guarded, load_for_write, step
from .workflow_data import ReviewIn, declaration_of
from .workflow_scope import NotFound


def review(factory: sessionmaker[Session], user: Principal, project_id: int, version: int,
           form: ReviewIn) -> Saved:
    """Record a review; 优/良 approve, 中/差 return the declaration."""
    action = review_outcome_action(form.outcome)
    dims = {k: {"verdict": v[0], "comment": v[1]} for k, v in form.dimensions.items()}

    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        recorded = {"review": {"outcome": form.outcome, "dimensions": dims}}
        saved = step(session, user, row, action, form.comment, version, recorded)
        snapshot_id = None
        if action is Action.APPROVE:
            snapshot_id = _take_snapshot(session, user, row, saved.version)
        session.add(ReviewRow(project_id=project_id, project_version=saved.version, dimensions=dims,
                              outcome=form.outcome, comment=form.comment, snapshot_id=snapshot_id,
                              created_by=user.user_id, created_at=datetime.now(timezone.utc)))
        return saved

    return guarded(factory, user, project_id, version, work)


def _take_snapshot(session: Session, user: Principal, row: WorkflowProjectRow, version: int) -> int:
    snap = TargetSnapshotRow(project_id=row.id, project_version=version, data=declaration_of(row),
                             created_by=user.user_id, created_at=datetime.now(timezone.utc))
    session.add(snap)
    session.flush()
    return snap.id


def latest_snapshot(session: Session, project_id: int) -> TargetSnapshotRow:
    """The targets as last approved; NotFound when the project was never approved."""
    snap = session.scalars(select(TargetSnapshotRow).where(TargetSnapshotRow.project_id == project_id)
                           .order_by(TargetSnapshotRow.id.desc()).limit(1)).first()
    if snap is None:
        raise NotFound("该项目尚未批复，没有可对照的绩效目标")
    return snap


def reviews_of(session: Session, project_id: int) -> list[ReviewRow]:
    """Every review of a project, oldest first (the caller has checked the user may see it)."""
    return list(session.scalars(select(ReviewRow).where(ReviewRow.project_id == project_id)
                                .order_by(ReviewRow.id)))
