"""Bulk inserts for ingest: executemany through Core, ids back in order where needed."""

from __future__ import annotations

from sqlalchemy.orm import Session


def bulk_insert(session: Session, model, rows: list[dict]) -> None:
    """executemany through Core: the ORM's per-row bookkeeping costs more than the insert itself."""
    if rows:
        session.connection().execute(model.__table__.insert(), rows)


def bulk_insert_ids(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows and return their ids in the order given (RETURNING, batched)."""
    if not rows:
        return []
    table = model.__table__
    stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    return list(session.connection().execute(stmt, rows).scalars())
