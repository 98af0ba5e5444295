"""The project search index (SQLite FTS5 trigram over name, code and unit; migrations 0007, 0009).

New projects are indexed in one statement after an ingest run, not row by row as they are stored:
FTS5 writes a segment per transaction, and one small segment per file (then merging them) cost
~70 µs per project (0.35-0.45 s of CPU to store 5,550 projects, measured); one catch-up at
the end costs next to nothing. Until the catch-up has run, searches scan the table instead
(``can_search``), so they are never incomplete.
Updates and deletes of projects still reach the index through triggers.
"""

from __future__ import annotations

from sqlalchemy import Integer, column, text
from sqlalchemy.orm import Session, sessionmaker

# The highest indexed rowid: from the index's own size table (a SELECT on the index itself reads
# the projects table, whose rows it indexes).
_INDEXED_UP_TO = "coalesce((SELECT max(id) FROM projects_search_docsize), 0)"
_CATCH_UP = text("INSERT INTO projects_search(rowid, name, code, unit) SELECT id, name, code, unit "
                 f"FROM projects WHERE id > {_INDEXED_UP_TO}")
_CURRENT = text(f"SELECT {_INDEXED_UP_TO} >= coalesce((SELECT max(id) FROM projects), 0)")
_MATCHING = text("SELECT rowid FROM projects_search WHERE projects_search MATCH :phrase").columns(
    column("rowid", Integer))
MIN_LENGTH = 3  # a trigram index answers substrings of three characters or more


def has_index(session: Session) -> bool:
    """Only SQLite stores have the trigram index (PostgreSQL searches with LIKE)."""
    return session.bind.dialect.name == "sqlite"


def catch_up(factory: sessionmaker[Session]) -> None:
    """Index every project stored since the last catch-up (one transaction; nothing to do elsewhere)."""
    with factory() as session:
        if has_index(session):
            with session.begin():
                session.execute(_CATCH_UP)


def is_current(session: Session) -> bool:
    """True when the index covers every stored project."""
    return has_index(session) and bool(session.scalar(_CURRENT))


def can_search(session: Session, q: str) -> bool:
    """True when the index can answer a search for ``q`` completely."""
    return len(q) >= MIN_LENGTH and is_current(session)


def matching_ids(q: str):
    """A SELECT of the ids of projects whose name, code or unit contains ``q`` (see ``can_search``)."""
    return _MATCHING.bindparams(phrase='"' + q.replace('"', '""') + '"')
