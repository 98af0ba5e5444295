"""Everything about one declared project that its page and the API show, read in one session."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.domain.lifecycle import ACTION_LABELS, STATE_LABELS, allowed_actions, editable_part
from jixiao.storage.workflow_models import SelfEvaluationRow, TargetSnapshotRow, WorkflowProjectRow

from .users import Principal
from .workflow import FORM_ACTIONS, audit_trail, get_project
from .workflow_data import declaration_of
from .workflow_monitoring import reports_of
from .workflow_review import reviews_of


def snapshot_of(session: Session, project_id: int) -> TargetSnapshotRow | None:
    """The latest approved snapshot, or None before the first approval."""
    return session.scalars(select(TargetSnapshotRow).where(TargetSnapshotRow.project_id == project_id)
                           .order_by(TargetSnapshotRow.id.desc()).limit(1)).first()


def evaluation_of(session: Session, project_id: int) -> SelfEvaluationRow | None:
    """The project's self-evaluation, if one was saved."""
    return session.scalars(select(SelfEvaluationRow).where(SelfEvaluationRow.project_id == project_id)).first()


def project_view(session: Session, user: Principal, project_id: int) -> dict:
    """The project with its state, what the user may do now, reviews, reports, evaluation and trail."""
    row = get_project(session, user, project_id)
    actions = allowed_actions(row.state, user.role) if not row.deleted else []
    return {
        "row": row, "state_label": STATE_LABELS.get(row.state, row.state),
        "plain_actions": [(a.value, ACTION_LABELS[a]) for a in actions if a not in FORM_ACTIONS],
        "form_actions": {a.value for a in actions if a in FORM_ACTIONS},
        "editable": None if row.deleted else editable_part(row.state, user.role),
        "snapshot": snapshot_of(session, project_id), "reviews": reviews_of(session, project_id),
        "reports": reports_of(session, project_id), "evaluation": evaluation_of(session, project_id),
        "trail": audit_trail(session, user, project_id),
    }


def project_json(row: WorkflowProjectRow) -> dict:
    """The API shape of a declared project: the declaration plus state, version and findings."""
    return {"id": row.id, **declaration_of(row), "state": row.state, "version": row.version,
            "deleted": row.deleted, "origin": row.origin, "findings": row.findings or [],
            "updated_at": row.updated_at.isoformat() if row.updated_at else None}


def audit_json(entries) -> list[dict]:
    """The API shape of an audit trail."""
    return [{"at": a.at.isoformat(), "actor": a.actor, "action": a.action, "from_state": a.from_state,
             "to_state": a.to_state, "version": a.version, "comment": a.comment, "before": a.before,
             "after": a.after} for a in entries]
