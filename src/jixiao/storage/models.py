"""Core tables: documents and what was read from them. Other areas add their own modules.

Money is stored in canonical yuan as integer fen (``Hundredths``); the document's own unit is kept
in ``money_unit``. Every row that came from a file keeps its source columns.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import Hundredths


class Base(DeclarativeBase):
    """Metadata shared by every table module."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


class SourceColumns:
    """Where a row came from inside its document's file."""

    src_line: Mapped[int | None] = mapped_column(Integer)
    src_sheet: Mapped[str | None] = mapped_column(String(100))
    src_cell: Mapped[str | None] = mapped_column(String(20))
    src_page: Mapped[int | None] = mapped_column(Integer)  # PDF page, 1-based
    src_box: Mapped[str | None] = mapped_column(String(80))  # "x0,top,x1,bottom" in points on the page


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    file: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    department: Mapped[str | None] = mapped_column(String(200))
    money_unit: Mapped[str] = mapped_column(String(10))
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    project_count: Mapped[int] = mapped_column(Integer, default=0)
    indicator_count: Mapped[int] = mapped_column(Integer, default=0)
    extras: Mapped[dict | None] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # the account that uploaded the file on the web (None: read by the command line)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)


class DocumentFileRow(Base):
    """The original bytes, so every source reference can be shown to a reviewer."""

    __tablename__ = "document_files"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class UnitRow(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))


class ProjectRow(SourceColumns, Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="project")
    seq: Mapped[str | None] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(60), index=True)
    # Indexed through ix_projects_search (name, unit, code) and ix_projects_unit_name (unit, name).
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    money_unit: Mapped[str] = mapped_column(String(10))
    budget_total: Mapped[object | None] = mapped_column(Hundredths)
    actual_total: Mapped[object | None] = mapped_column(Hundredths)
    budget_initial_total: Mapped[object | None] = mapped_column(Hundredths)
    money: Mapped[dict | None] = mapped_column(JSON)
    execution_rate: Mapped[object | None] = mapped_column(Hundredths)
    status: Mapped[str | None] = mapped_column(String(20))
    status_text: Mapped[str | None] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(Text)
    goal_long_term: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    rectification: Mapped[str | None] = mapped_column(Text)
    stated_scores: Mapped[dict | None] = mapped_column(JSON)
    not_applicable: Mapped[list | None] = mapped_column(JSON)
    details: Mapped[dict | None] = mapped_column(JSON)


class IndicatorRow(SourceColumns, Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    level1: Mapped[str | None] = mapped_column(String(30))
    level2: Mapped[str | None] = mapped_column(String(30))
    level1_text: Mapped[str | None] = mapped_column(String(100))
    level2_text: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    target_text: Mapped[str | None] = mapped_column(Text)
    target_op: Mapped[str | None] = mapped_column(String(4))
    target_value: Mapped[str | None] = mapped_column(String(40))
    target_value_high: Mapped[str | None] = mapped_column(String(40))
    target_unit: Mapped[str | None] = mapped_column(String(20))
    actual_text: Mapped[str | None] = mapped_column(Text)
    actual_op: Mapped[str | None] = mapped_column(String(4))
    actual_value: Mapped[str | None] = mapped_column(String(40))
    actual_unit: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[object | None] = mapped_column(Hundredths)
    score: Mapped[object | None] = mapped_column(Hundredths)
    deviation_reason: Mapped[str | None] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    source_of_value: Mapped[str | None] = mapped_column(Text)


class StatedTotalRow(SourceColumns, Base):
    __tablename__ = "stated_totals"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))
    unit: Mapped[str | None] = mapped_column(String(200))
    budget_total: Mapped[object | None] = mapped_column(Hundredths)
    actual_total: Mapped[object | None] = mapped_column(Hundredths)
    money: Mapped[dict | None] = mapped_column(JSON)
    execution_rate: Mapped[object | None] = mapped_column(Hundredths)
    covers: Mapped[list | None] = mapped_column(JSON)


class ParseWarningRow(SourceColumns, Base):
    __tablename__ = "parse_warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)


Index("ix_projects_unit_name", ProjectRow.unit, ProjectRow.name)
