"""Who may see and change which declared project: role plus unit scope, enforced on the server.

Scope entries are unit names compared by ``unit_scope.unit_matches`` (the same name, nothing
guessed). For a reviewer or viewer an entry also matches a department name, so a reviewer of a
whole department is given that department; a unit editor's entries match only the project's own
unit (a department it names in a form grants nothing). An empty scope means every unit for
administrators, viewers and reviewers, but *nothing* for a unit editor.
"""

from __future__ import annotations

from sqlalchemy import false, func, or_, true

from jixiao.domain.lifecycle import Role
from jixiao.storage.workflow_models import WorkflowProjectRow

from .unit_scope import unit_key, unit_matches
from .users import Principal


class WorkflowError(Exception):
    """A refused workflow request; ``status`` is the HTTP answer the web layer gives."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, details: list | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFound(WorkflowError):
    """Unknown, deleted, or outside the user's scope (not told apart, so nothing leaks)."""

    status, code = 404, "not_found"


class Forbidden(WorkflowError):
    """Visible to the user but not theirs to change."""

    status, code = 403, "forbidden"


class Invalid(WorkflowError):
    """Input that cannot be saved as it is; ``details`` names the fields."""

    status, code = 422, "invalid"


def in_scope(user: Principal, unit: str | None, department: str | None) -> bool:
    """True when the project of ``unit``/``department`` lies inside the user's scope."""
    if user.role == Role.ADMIN:
        return True
    if not user.units:
        return user.role != Role.UNIT_EDITOR
    if any(unit_matches(e, unit) for e in user.units):
        return True
    return user.role != Role.UNIT_EDITOR and any(unit_matches(e, department) for e in user.units)


def scope_clause(user: Principal):
    """The same rule as :func:`in_scope`, as a SQL condition on ``workflow_projects``."""
    if user.role == Role.ADMIN:
        return true()
    if not user.units:
        return false() if user.role == Role.UNIT_EDITOR else true()
    keys = [unit_key(u) for u in user.units]
    # the names as stored, compared in the same form as unit_matches (no spaces; stored names are
    # written by the declaration form, already half-width)
    unit = func.replace(WorkflowProjectRow.unit, " ", "").in_(keys)
    if user.role == Role.UNIT_EDITOR:
        return unit
    return or_(unit, func.replace(WorkflowProjectRow.department, " ", "").in_(keys))


def check_read(user: Principal, row: WorkflowProjectRow | None, project_id: int) -> WorkflowProjectRow:
    """The row if the user may see it; NotFound otherwise (deleted rows only for administrators)."""
    if row is None or not in_scope(user, row.unit, row.department) or (row.deleted and user.role != Role.ADMIN):
        raise NotFound(f"找不到申报项目 {project_id}")
    return row


def check_role(user: Principal, roles: set[str], what: str) -> None:
    """Forbidden unless the user's role is one of ``roles``."""
    if user.role not in roles:
        raise Forbidden(f"您的角色不能{what}")


def check_unit_for_write(user: Principal, unit: str, department: str | None) -> None:
    """A unit editor may only create projects for its own units."""
    if user.role == Role.VIEWER:
        raise Forbidden("只读用户不能修改数据")
    if not in_scope(user, unit, department):
        raise Forbidden(f"您不能为单位“{unit}”申报项目")
