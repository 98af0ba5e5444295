"""Answers that only change when documents are ingested, cached per store version.

The version is the newest document id and the document count (both from an index, so cheap to
ask) plus what marks a new checker or scoring run; anything computed over all projects is
recomputed only when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from threading import Lock
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.storage.models import DocumentRow

T = TypeVar("T")
_values: dict[tuple, tuple[tuple, object]] = {}
_lock = Lock()
_MAX = 512


@lru_cache(maxsize=1)
def _version_statement():
    from . import extras

    return select(select(func.max(DocumentRow.id)).scalar_subquery(),
                  select(func.count()).select_from(DocumentRow).scalar_subquery(), *extras.version_columns())


def store_version(session: Session) -> tuple:
    """Changes whenever a document is added or removed, or findings or scores are rewritten (one
    statement: it runs on every request that reads a cached answer)."""
    return tuple(session.execute(_version_statement()).one())


def cached(session: Session, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per store version (and database), then from memory; values must be plain data."""
    key = (str(session.bind.url), *key)
    version = session.info.get("store_version")
    if version is None:  # asked once per request (session), however many answers it reads
        version = session.info["store_version"] = store_version(session)
    with _lock:
        hit = _values.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]  # type: ignore[return-value]
    value = compute()
    with _lock:
        if len(_values) >= _MAX:
            _values.clear()
        _values[key] = (version, value)
    return value
