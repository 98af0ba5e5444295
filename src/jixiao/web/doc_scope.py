"""Whole documents under the scope rule (``services.unit_scope.readable_documents``): the document
list, a document's source and explanation, the department budgets and their rows, upload jobs.

``DocScope`` is the tuple of readable document ids, or None for every document; every route that
shows a stored document or what was read from it takes it from ``page_docs`` / ``api_docs``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from jixiao.services.unit_scope import is_restricted, readable_documents
from jixiao.services.users import Principal
from jixiao.storage.job_models import IngestJobRow
from jixiao.storage.models import DocumentRow

from .cache import cached
from .deps import ApiUser, DbSession, PageUser
from .errors import not_found

DocScope = tuple[int, ...] | None


def _docs(session: Session, user: Principal) -> DocScope:
    return cached(session, ("doc_scope", user.user_id, user.role, user.units),
                  lambda: readable_documents(session, user))


async def page_docs(session: DbSession, user: PageUser) -> DocScope:
    """The documents the signed-in user may read (None: all)."""
    return _docs(session, user)


async def api_docs(session: DbSession, user: ApiUser) -> DocScope:
    """The documents the token's user may read (None: all)."""
    return _docs(session, user)


PageDocs = Annotated[DocScope, Depends(page_docs)]
ApiDocs = Annotated[DocScope, Depends(api_docs)]


def within(stmt, column, docs: DocScope):
    """Keep the rows of readable documents."""
    return stmt if docs is None else stmt.where(column.in_(docs))


def check_document(session: Session, document_id: int | None, docs: DocScope) -> DocumentRow:
    """The document if it exists and may be read; 404 otherwise (the two are not told apart)."""
    doc = session.get(DocumentRow, document_id) if document_id is not None else None
    if doc is None or (docs is not None and doc.id not in docs):
        raise not_found("文档", document_id)
    return doc


def job_visible(job: IngestJobRow | None, user: Principal) -> bool:
    """A unit editor follows only its own uploads; everyone else every upload."""
    return job is not None and (not is_restricted(user) or job.uploaded_by == user.user_id)
