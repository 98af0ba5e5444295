"""Explain a read: of a file on disk, or of a stored document from its original bytes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from jixiao.ingest.explain import Explanation, explain
from jixiao.storage.models import DocumentFileRow, DocumentRow


def explain_path(path: Path) -> Explanation:
    """How ``jixiao ingest`` reads the file at ``path``."""
    return explain(path.read_bytes(), path.name)


def explain_stored(session: Session, document_id: int) -> Explanation | None:
    """How the stored document's original bytes read (None when there is no such document)."""
    doc = session.get(DocumentRow, document_id)
    data = session.get(DocumentFileRow, document_id)
    if doc is None or data is None:
        return None
    return explain(data.data, doc.file)


__all__ = ["explain_path", "explain_stored"]
