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



def stored_originals(session: Session, files: set[str] | None = None) -> dict[str, bytes]:
    """The original bytes of the stored PDF documents, by file name (all, or those named)."""
    out: dict[str, bytes] = {}
    for doc in session.query(DocumentRow).order_by(DocumentRow.id):
        if files is not None and doc.file not in files:
            continue
        data = session.get(DocumentFileRow, doc.id)
        if data is not None and data.data[:5] == b"%PDF-":
            out[doc.file] = data.data
    return out


__all__ = ["explain_path", "explain_stored", "stored_originals"]
