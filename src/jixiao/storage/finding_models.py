"""Stored checker findings (one row per finding; a checker run replaces them all at once)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SourceColumns, _now


class FindingRow(SourceColumns, Base):
    """What a rule found, where (document, project, source line) and what was expected."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # Indexed by ix_findings_project_severity below.
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(8), index=True)
    rule: Mapped[str] = mapped_column(String(80))
    severity: Mapped[str] = mapped_column(String(10), index=True)
    message: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    document: Mapped[str | None] = mapped_column(String(500))
    project: Mapped[str | None] = mapped_column(String(500))
    src_file: Mapped[str | None] = mapped_column(String(500))
    expected: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[str | None] = mapped_column(Text)
    related: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


# A project's findings by severity from the index alone: the "has errors" filter probes it once per
# project it walks, and the project table counts each page's findings per severity with it.
Index("ix_findings_project_severity", FindingRow.project_id, FindingRow.severity)
