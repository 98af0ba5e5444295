"""Bulk inserts for ingest: executemany through Core, ids back in order where needed.

A plain ``bulk_insert`` skips SQLAlchemy's per-row parameter assembly (a dict per row and a
processor call per value, the largest cost of storing a document) but not its types: the
statement is compiled by SQLAlchemy for the connection's dialect, and each column's own bind
processor (``Hundredths``, JSON, Boolean …) converts its values, a column at a time.
"""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Boolean, Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .guards import check_columns, check_rows

# (dialect, paramstyle, table, column keys) → (SQL, bind names in parameter order, processor per
# name, positional). A handful of tables, each always written with the same keys: a small, fixed set.
_PREPARED: dict[tuple[str, str, str, tuple[str, ...]], tuple | None] = {}


def _prepare(conn: Connection, table: Table, keys: tuple[str, ...]) -> tuple | None:
    """The compiled INSERT for these keys, or None when SQLAlchemy would add values of its own."""
    cache_key = (conn.dialect.name, conn.dialect.paramstyle, table.name, keys)
    if cache_key in _PREPARED:
        return _PREPARED[cache_key]
    dialect = conn.dialect
    compiled = table.insert().compile(dialect=dialect, column_keys=list(keys))
    names = list(compiled.positiontup) if compiled.positional else list(keys)
    prepared = None
    # only the given values are bound (no Python-side defaults, no renamed parameters)
    if set(compiled.binds) == set(keys) and len(names) == len(keys) and not compiled.escaped_bind_names:
        procs = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
        # a processor that keeps None as None (money, flags; not JSON, which stores null) need
        # not be called for the many empty values (weights, scores, initial budgets …)
        keeps_none = [proc is not None and proc(None) is None for proc in procs]
        few_values = [isinstance(table.c[name].type, Boolean) for name in names]
        prepared = (str(compiled), names, list(zip(procs, keeps_none, few_values)), compiled.positional)
    _PREPARED[cache_key] = prepared
    return prepared


def _converted(columns: list, procs: list) -> list:
    """Each column's values through its type's processor (a flag column: once per distinct value)."""
    out = []
    for values, (proc, keeps_none, few_values) in zip(columns, procs):
        if proc is None:
            out.append(values)
        elif few_values:  # True / False / None: the processor is pure, so ask it once for each
            table = {v: proc(v) for v in set(values)}
            out.append([table[v] for v in values])
        elif keeps_none:
            out.append([None if v is None else proc(v) for v in values])
        else:
            out.append(list(map(proc, values)))
    return out


def _execute(conn: Connection, table: Table, keys: tuple[str, ...], columns: dict[str, list] | None,
             rows: list) -> None:
    """executemany of ``rows`` (dicts, or tuples in ``keys`` order given as ``columns``)."""
    if columns is None:
        check_rows(table, rows)
    else:
        check_columns(table, columns)
    prepared = _prepare(conn, table, keys)
    if prepared is None:
        conn.execute(table.insert(), rows if columns is None else [dict(zip(keys, r)) for r in rows])
        return
    sql, names, procs, positional = prepared
    if columns is None:
        values = [list(map(itemgetter(name), rows)) for name in names]
    else:
        values = [columns[name] for name in names]
    values = _converted(values, procs)
    conn.exec_driver_sql(sql, list(zip(*values)) if positional else [dict(zip(names, v)) for v in zip(*values)])


def bulk_insert(session: Session, model, rows: list[dict]) -> None:
    """executemany of rows that all have the same keys (the ORM's per-row bookkeeping costs more
    than the insert itself)."""
    if rows:
        _execute(session.connection(), model.__table__, tuple(rows[0]), None, rows)


def bulk_insert_tuples(session: Session, model, keys: tuple[str, ...], rows: list[tuple]) -> None:
    """executemany of rows given as tuples in ``keys`` order: no dict per row for the many rows
    of a document (indicators, budget lines)."""
    if rows:
        _execute(session.connection(), model.__table__, keys, dict(zip(keys, map(list, zip(*rows)))), rows)


def bulk_insert_ids(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows and return their ids in the order given.

    PostgreSQL: RETURNING, batched. SQLite would insert such rows one statement each (it does not
    promise RETURNING order), so they go in as one executemany and their ids are read back: the
    transaction has written already (the document row), so SQLite's write lock is held and the new
    rows are exactly those above the previous largest id, numbered in the order inserted.
    """
    if not rows:
        return []
    conn = session.connection()
    table = model.__table__
    prepared = _prepare(conn, table, tuple(rows[0])) if conn.dialect.name == "sqlite" else None
    if prepared is None:
        stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(stmt, rows).scalars())
    before = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table.name}").scalar()
    _execute(conn, table, tuple(rows[0]), None, rows)
    ids = list(conn.exec_driver_sql(f"SELECT id FROM {table.name} WHERE id > ? ORDER BY id", (before,)).scalars())
    if len(ids) != len(rows):
        raise RuntimeError(f"{table.name}: {len(ids)} new rows for {len(rows)} inserted (another writer?)")
    return ids
