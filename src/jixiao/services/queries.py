"""Read-side use cases: projects with filters, documents, whole-store dumps."""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Iterator
from functools import lru_cache

from sqlalchemy import bindparam, func, inspect, or_, select
from sqlalchemy.orm import Session

from jixiao.storage.models import (
    DocumentRow,
    IndicatorRow,
    ParseWarningRow,
    ProjectRow,
    StatedTotalRow,
)


@lru_cache(maxsize=64)
def record_type(keys: tuple[str, ...]):
    """A named tuple type for rows of these columns: read like the ORM objects (``row.name``) but
    built and read several times faster, for pages and exports that only read."""
    return namedtuple("Record", keys)


def records(session: Session, stmt, params=None) -> list:
    """The rows of a Core SELECT of columns as named tuples (see ``record_type``).

    Run on the session's connection: a SELECT of columns needs none of the ORM's result handling,
    which costs about as much as the query itself on a page of indicators.
    """
    result = session.connection().execute(stmt, params)
    make = record_type(tuple(result.keys()))._make
    return list(map(make, result.all()))  # one fetchall, not a fetchone per row


def _columns(model) -> tuple:
    return tuple(getattr(model, a.key) for a in inspect(model).column_attrs)


# Every column of an indicator; every column of a project but its id (selected first by pages).
INDICATOR_COLUMNS = _columns(IndicatorRow)
PROJECT_FIELDS = tuple(c for c in _columns(ProjectRow) if c.key != "id")


def project_query(unit: str | None = None, name: str | None = None, year: int | None = None,
                  kind: str | None = None, document_id: int | None = None, search: str | None = None):
    """A SELECT of projects with the usual filters (substring match for unit, name, search)."""
    q = select(ProjectRow)
    if unit:
        q = q.where(ProjectRow.unit.contains(unit))
    if name:
        q = q.where(ProjectRow.name.contains(name))
    if search:
        q = q.where(or_(ProjectRow.name.contains(search), ProjectRow.unit.contains(search),
                        ProjectRow.code.contains(search)))
    if year:
        q = q.where(ProjectRow.year == year)
    if kind:
        q = q.where(ProjectRow.kind == kind)
    if document_id:
        q = q.where(ProjectRow.document_id == document_id)
    return q.order_by(ProjectRow.id)


def list_projects(session: Session, **filters) -> list[ProjectRow]:
    """Projects matching the filters, in storage order."""
    return list(session.scalars(project_query(**filters)))


def documents(session: Session) -> dict[int, DocumentRow]:
    """Every document by id."""
    return {d.id: d for d in session.scalars(select(DocumentRow).order_by(DocumentRow.id))}


def indicators_by_project(session: Session, project_ids: list[int] | None = None) -> dict[int, list[IndicatorRow]]:
    """Indicators grouped by project, in form order (read-only records with the model's attributes)."""
    if project_ids is None:
        rows = records(session, _ALL_INDICATORS)
    elif not project_ids:
        return {}
    else:
        rows = records(session, _INDICATORS_OF, {"ids": list(project_ids)})
    out: dict[int, list[IndicatorRow]] = defaultdict(list)
    for ind in rows:
        out[ind.project_id].append(ind)
    return out


# Built once: the statement and its cache key are the same on every call.
_ALL_INDICATORS = select(*INDICATOR_COLUMNS).order_by(IndicatorRow.project_id, IndicatorRow.position)
_INDICATORS_OF = _ALL_INDICATORS.where(IndicatorRow.project_id.in_(bindparam("ids", expanding=True)))


def iter_projects_with_indicators(session: Session, batch: int = 2000, **filters) -> Iterator[tuple[ProjectRow, list[IndicatorRow]]]:
    """Projects and their indicators in batches, so memory stays flat on large stores."""
    ids = list(session.scalars(project_query(**filters).with_only_columns(ProjectRow.id)))
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        projects = session.scalars(select(ProjectRow).where(ProjectRow.id.in_(chunk)).order_by(ProjectRow.id))
        inds = indicators_by_project(session, chunk)
        for p in projects:
            yield p, inds.get(p.id, [])


def stated_totals(session: Session) -> list[StatedTotalRow]:
    """Every stated subtotal/total row."""
    return list(session.scalars(select(StatedTotalRow).order_by(StatedTotalRow.id)))


def parse_warnings(session: Session, document_id: int | None = None) -> list[ParseWarningRow]:
    """What the readers could not take in, per document."""
    q = select(ParseWarningRow).order_by(ParseWarningRow.id)
    if document_id:
        q = q.where(ParseWarningRow.document_id == document_id)
    return list(session.scalars(q))


def counts(session: Session) -> dict[str, int]:
    """Headline counts of the store."""
    return {
        "documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
        "projects": session.scalar(select(func.count()).select_from(ProjectRow)) or 0,
        "indicators": session.scalar(select(func.count()).select_from(IndicatorRow)) or 0,
    }
