"""What the checker looks at: documents with their projects, stated totals and extras."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.domain.model import Document

from .settings import CheckSettings


@dataclass(slots=True)
class CheckContext:
    """Documents to check plus run-wide state; rules read it, never change the documents.

    ``document_ids`` maps ``id(doc)`` to the stored id (absent for documents not from a store);
    ``audit_flags`` are the scoring engine's review flags, handed in by the services layer;
    ``cache`` lets rules of one family share work done once per run (e.g. cross-document matches).
    """

    documents: list[Document]
    settings: CheckSettings = field(default_factory=CheckSettings)
    document_ids: dict[int, int] = field(default_factory=dict)
    audit_flags: list = field(default_factory=list)
    cache: dict = field(default_factory=dict)

    def document_id(self, doc: Document | None) -> int | None:
        """The stored id of a document, or None."""
        return None if doc is None else self.document_ids.get(id(doc))

    def shared(self, key: str, build):
        """A value computed once per run by ``build()`` and shared by the rules that need it."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]
