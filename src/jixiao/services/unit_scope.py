"""The one scope rule: which units a user's data may come from, for every page and API route.

A unit editor reads and writes only the units its account names, and a name matches only the
same name: ``职业训练中心`` is not ``训练中心``,
``中心`` or ``深圳市福田区职业训练中心``. An editor whose documents write its unit in two forms is
given both (``jixiao user add --unit 职业训练中心 --unit 龙岗区职业训练中心``). Administrators,
reviewers and viewers read every unit; a unit editor with no units sees nothing.

Documents: an editor reads a stored document it uploaded itself, or one whose every named unit
(its units, projects and budget rows) is one of its own; a document naming no unit (a department
statement) or any other unit is not its to read. The same rule decides what it may upload.
"""

from __future__ import annotations

from sqlalchemy import distinct, select, union
from sqlalchemy.orm import Session

from jixiao.domain.lifecycle import Role
from jixiao.domain.text import compact
from jixiao.storage.budget_models import BudgetLineRow, ProcurementLineRow, StaffingRow, StatedFigureRow, ThreePublicLineRow
from jixiao.storage.models import DocumentRow, ProjectRow, UnitRow

from .users import Principal

# Every stored table that names the unit a row belongs to, by document.
_UNIT_COLUMNS = ((UnitRow.document_id, UnitRow.name), (ProjectRow.document_id, ProjectRow.unit),
                 (BudgetLineRow.document_id, BudgetLineRow.unit),
                 (ProcurementLineRow.document_id, ProcurementLineRow.unit),
                 (ThreePublicLineRow.document_id, ThreePublicLineRow.unit),
                 (StaffingRow.document_id, StaffingRow.unit), (StatedFigureRow.document_id, StatedFigureRow.unit))


def unit_key(name: str | None) -> str:
    """The form in which two unit names are compared."""
    return compact(name or "").strip()


def unit_matches(entry: str, unit: str | None) -> bool:
    """True when a scope entry and a unit name are the same name (nothing is guessed)."""
    key = unit_key(entry)
    return bool(key) and key == unit_key(unit)


def is_restricted(user: Principal) -> bool:
    """Only unit editors are limited to their units."""
    return user.role == Role.UNIT_EDITOR


def may_read_unit(user: Principal, unit: str | None) -> bool:
    """True when the user may see data of ``unit``."""
    return not is_restricted(user) or any(unit_matches(e, unit) for e in user.units)


def readable_units(session: Session, user: Principal) -> tuple[str, ...] | None:
    """The stored unit names the user may read, for an ``IN`` filter; None means every unit."""
    if not is_restricted(user):
        return None
    if not user.units:
        return ()
    names = session.scalars(select(distinct(ProjectRow.unit)).where(ProjectRow.unit.is_not(None)))
    return tuple(sorted(u for u in names if may_read_unit(user, u)))


def readable_documents(session: Session, user: Principal) -> tuple[int, ...] | None:
    """Ids of the stored documents the user may read; None means every document."""
    if not is_restricted(user):
        return None
    named = union(*(select(doc.label("d"), unit.label("u")).where(unit.is_not(None)) for doc, unit in _UNIT_COLUMNS))
    units: dict[int, set[str]] = {}
    for doc_id, unit in session.execute(select(named.c.d, named.c.u)):
        units.setdefault(doc_id, set()).add(unit)
    own = set(session.scalars(select(DocumentRow.id).where(DocumentRow.uploaded_by == user.user_id)))
    ok = {d for d, names in units.items() if names and all(may_read_unit(user, u) for u in names)}
    return tuple(sorted(own | ok))


def foreign_units(user: Principal, names) -> list[str]:
    """The names among ``names`` the user may not write (all of them for a viewer)."""
    return [n for n in dict.fromkeys(names) if n and not may_read_unit(user, n)]


def document_units(doc) -> list[str]:
    """Every unit a parsed document names: its projects' units and the units of its budget rows."""
    names = list(doc.units)
    for rows in (doc.extras or {}).values():
        if isinstance(rows, list):
            names += [u for u in (getattr(r, "unit", None) for r in rows) if isinstance(u, str) and u]
    return names


def upload_refusal(user: Principal | None, doc) -> str | None:
    """Why the user may not store ``doc`` (a unit editor: only documents of its own units), else None."""
    if user is None or not is_restricted(user):
        return None
    names = document_units(doc)
    if not names:
        return "文件中没有写明单位，单位填报人只能上传本单位的文件"
    other = foreign_units(user, names)
    if other:
        shown = "、".join(other[:3]) + ("等" if len(other) > 3 else "")
        return f"文件中有其他单位（{shown}）的数据，单位填报人只能上传本单位的文件"
    return None


__all__ = ["document_units", "foreign_units", "is_restricted", "may_read_unit", "readable_documents",
           "readable_units", "unit_key", "unit_matches", "upload_refusal"]
