"""The yearly workflow's use cases: declare, save with a version check, step through the lifecycle,
soft delete — every write in one transaction and recorded in the audit trail.

Optimistic locking: every write is ``UPDATE workflow_projects … WHERE id = ? AND version = ?``; when
no row matches, someone else saved first and the caller gets :class:`Conflict` with the newer values
instead of overwriting them. Review, monitoring and self-evaluation live in their own modules and
use :func:`write_project` from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.beijing import beijing_text
from jixiao.domain.lifecycle import ACTION_LABELS, STATE_LABELS, Action, Role, State, editable_part, transition
from jixiao.storage.session import transaction
from jixiao.storage.workflow_models import AuditRow, WorkflowProjectRow

from .users import Principal
from .workflow_checks import check_declaration
from .workflow_data import DeclarationIn, declaration_of, declaration_values
from .workflow_guards import check_submission
from .workflow_scope import (Forbidden, Invalid, NotFound, WorkflowError, check_read, check_unit_for_write,
                             scope_clause)

# Steps that need a form of their own (review, monitoring report, self-evaluation checks).
FORM_ACTIONS = {Action.APPROVE: "审核表", Action.RETURN: "审核表", Action.MONITOR: "运行监控表",
                Action.SUBMIT_SELF_EVALUATION: "自评表"}


class Conflict(WorkflowError):
    """Someone saved the project first; ``current`` holds the newer values and ``version``."""

    status, code = 409, "conflict"

    def __init__(self, message: str, current: dict, version: int) -> None:
        super().__init__(message)
        self.current, self.version = current, version


class _Stale(Exception):
    """Internal: the conditional UPDATE matched no row."""


@dataclass(slots=True)
class Saved:
    """What a write returns: the project, its new version and state, and the checker's findings."""

    project_id: int
    version: int
    state: str
    findings: list


def _now() -> datetime:
    return datetime.now(timezone.utc)


def audit(session: Session, project: WorkflowProjectRow, user: Principal, action: str, *, version: int,
          comment: str | None = None, before: dict | None = None, after: dict | None = None,
          to_state: str | None = None) -> None:
    """Append one entry to the project's audit trail (same transaction as the change)."""
    session.add(AuditRow(project_id=project.id, at=_now(), actor_id=user.user_id, actor=user.username,
                         action=action, from_state=project.state, to_state=to_state or project.state,
                         version=version, comment=comment, before=before, after=after))


def write_project(session: Session, project: WorkflowProjectRow, expected: int, values: dict) -> int:
    """Apply ``values`` only if the stored version is still ``expected``; returns the new version."""
    if project.version != expected:
        raise _Stale
    new_version = expected + 1
    result = session.execute(
        update(WorkflowProjectRow)
        .where(WorkflowProjectRow.id == project.id, WorkflowProjectRow.version == expected)
        .values(**values, version=new_version)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise _Stale
    return new_version


def conflict(factory: sessionmaker[Session], user: Principal, project_id: int, expected: int) -> Conflict:
    """The Conflict to raise after a stale write: the newer values and who saved them."""
    with factory() as session:
        row = check_read(user, session.get(WorkflowProjectRow, project_id), project_id)
        last = session.scalars(select(AuditRow).where(AuditRow.project_id == project_id)
                               .order_by(AuditRow.id.desc()).limit(1)).first()
        who = f"{last.actor} 于 {beijing_text(last.at)}（北京时间）" if last else "他人"
        message = (f"保存失败：该项目已被 {who} 修改（您编辑的是第 {expected} 版，当前为第 {row.version} 版）。"
                   "下面是最新内容，请在其基础上重新修改后再保存。")
        current = declaration_of(row) | {"state": row.state}
        return Conflict(message, current, row.version)


def guarded(factory: sessionmaker[Session], user: Principal, project_id: int, expected: int,
            work: Callable[[Session], Saved]) -> Saved:
    """Run ``work`` in one transaction; a stale version becomes a Conflict with the newer values."""
    try:
        with transaction(factory) as session:
            return work(session)
    except _Stale:
        raise conflict(factory, user, project_id, expected) from None


def load_for_write(session: Session, user: Principal, project_id: int) -> WorkflowProjectRow:
    """The project if the user may see it and it is not deleted; viewers are refused here."""
    row = check_read(user, session.get(WorkflowProjectRow, project_id), project_id)
    if user.role == Role.VIEWER:
        raise Forbidden("只读用户不能修改数据")
    if row.deleted:
        raise Forbidden("项目已删除，不能修改")
    return row


def _check_declaration_editable(user: Principal, row: WorkflowProjectRow) -> None:
    if editable_part(row.state, user.role) != "declaration":
        label = STATE_LABELS.get(row.state, row.state)
        raise Forbidden(f"项目处于“{label}”状态，申报内容已锁定，不能修改")


def create_declaration(factory: sessionmaker[Session], user: Principal, decl: DeclarationIn, *,
                       origin: str = "new", origin_project_id: int | None = None,
                       origin_workflow_id: int | None = None, comment: str | None = None) -> Saved:
    """Start a project in draft for one of the user's units; the checker runs at once."""
    if user.role not in (Role.UNIT_EDITOR, Role.ADMIN):
        raise Forbidden("只有单位填报人或管理员可以申报项目")
    check_unit_for_write(user, decl.unit, decl.department)
    values = declaration_values(decl)
    findings = check_declaration(values)
    with transaction(factory) as session:
        row = WorkflowProjectRow(**values, findings=findings, state=State.DRAFT, version=1, deleted=False,
                                 origin=origin, origin_project_id=origin_project_id,
                                 origin_workflow_id=origin_workflow_id, created_by=user.user_id,
                                 updated_by=user.user_id, created_at=_now(), updated_at=_now())
        session.add(row)
        session.flush()
        audit(session, row, user, "create", version=1, comment=comment or "新建申报", after=declaration_of(row))
        return Saved(row.id, 1, row.state, findings)


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    changed = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in changed}, {k: after[k] for k in changed}


def save_declaration(factory: sessionmaker[Session], user: Principal, project_id: int, version: int,
                     decl: DeclarationIn, comment: str | None = None) -> Saved:
    """Save a draft declaration if nobody saved since ``version``; the checker runs on every save."""
    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        _check_declaration_editable(user, row)
        check_unit_for_write(user, decl.unit, decl.department)
        values = declaration_values(decl, row.indicators)
        findings = check_declaration(values)
        before, after = _diff(declaration_of(row), values)
        new_version = write_project(session, row, version, {**values, "findings": findings,
                                                           "updated_at": _now(), "updated_by": user.user_id})
        audit(session, row, user, "save_declaration", version=new_version, comment=comment,
              before=before, after=after)
        return Saved(project_id, new_version, row.state, findings)

    return guarded(factory, user, project_id, version, work)


def step(session: Session, user: Principal, row: WorkflowProjectRow, action: Action, comment: str | None,
         version: int, recorded: dict | None = None) -> Saved:
    """Take one lifecycle step on a loaded row (inside the caller's transaction), with its audit entry;
    ``recorded`` (a review, a report) is kept in the entry's ``after`` beside the new state."""
    target = transition(row.state, action, user.role, comment)
    new_version = write_project(session, row, version, {"state": target, "updated_at": _now(),
                                                        "updated_by": user.user_id})
    audit(session, row, user, action.value, version=new_version, comment=comment,
          before={"state": row.state}, after={"state": target.value, **(recorded or {})}, to_state=target)
    return Saved(row.id, new_version, target, row.findings or [])


def take_action(factory: sessionmaker[Session], user: Principal, project_id: int, action: Action | str,
                comment: str | None, version: int) -> Saved:
    """A plain lifecycle step (submit, withdraw, start review, revise, start self-evaluation, …)."""
    try:
        act = Action(action)
    except ValueError:
        raise Invalid("没有这个流程操作", [{"field": "action", "problem": "未知的操作"}]) from None
    if act in FORM_ACTIONS:
        raise Forbidden(f"“{ACTION_LABELS[act]}”请通过{FORM_ACTIONS[act]}办理")

    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        if act is Action.SUBMIT:
            check_submission(row.indicators, row.basis)
        return step(session, user, row, act, comment, version)

    return guarded(factory, user, project_id, version, work)


def soft_delete(factory: sessionmaker[Session], user: Principal, project_id: int, comment: str | None,
                version: int, restore: bool = False) -> Saved:
    """Mark a project deleted (or restore it) — never removed; the audit trail keeps the reason."""
    if not (comment or "").strip():
        raise WorkflowError("删除或恢复需要填写说明")

    def work(session: Session) -> Saved:
        row = check_read(user, session.get(WorkflowProjectRow, project_id), project_id)
        if user.role != Role.ADMIN and (restore or user.role != Role.UNIT_EDITOR or row.state != State.DRAFT):
            raise Forbidden("只有管理员可以恢复项目；单位填报人只能删除草稿")
        if row.deleted == (not restore):
            raise WorkflowError("项目已是该状态")
        new_version = write_project(session, row, version, {"deleted": not restore,
                                                           "deleted_at": None if restore else _now()})
        audit(session, row, user, "restore" if restore else "delete", version=new_version, comment=comment,
              before={"deleted": row.deleted}, after={"deleted": not restore})
        return Saved(project_id, new_version, row.state, row.findings or [])

    return guarded(factory, user, project_id, version, work)


def get_project(session: Session, user: Principal, project_id: int) -> WorkflowProjectRow:
    """One declared project the user may see (NotFound otherwise)."""
    return check_read(user, session.get(WorkflowProjectRow, project_id), project_id)


def list_projects(session: Session, user: Principal, *, year: int | None = None, state: str | None = None,
                  unit: str | None = None, include_deleted: bool = False) -> list[WorkflowProjectRow]:
    """The declared projects in the user's scope, newest year first."""
    q = select(WorkflowProjectRow).where(scope_clause(user))
    if not (include_deleted and user.role == Role.ADMIN):
        q = q.where(WorkflowProjectRow.deleted.is_(False))
    if year is not None:
        q = q.where(WorkflowProjectRow.year == year)
    if state:
        q = q.where(WorkflowProjectRow.state == state)
    if unit:
        q = q.where(WorkflowProjectRow.unit.contains(unit))
    return list(session.scalars(q.order_by(WorkflowProjectRow.year.desc(), WorkflowProjectRow.unit,
                                           WorkflowProjectRow.id)))


def audit_trail(session: Session, user: Principal, project_id: int) -> list[AuditRow]:
    """The project's audit entries in order (for its page and the CSV/xlsx export)."""
    get_project(session, user, project_id)
    return list(session.scalars(select(AuditRow).where(AuditRow.project_id == project_id)
                                .order_by(AuditRow.id)))


def count_by_state(session: Session, user: Principal) -> dict[str, int]:
    """How many projects in the user's scope stand in each state (for the workflow home page)."""
    q = (select(WorkflowProjectRow.state, func.count()).where(scope_clause(user))
         .where(WorkflowProjectRow.deleted.is_(False)).group_by(WorkflowProjectRow.state))
    return dict(session.execute(q).all())
