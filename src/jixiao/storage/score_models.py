"""Score tables: one run (with the settings used), per-project scores, per-indicator scores.

Scoring the store replaces every earlier run in one transaction, so these tables always hold one
consistent set of scores together with the settings that produced them.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base
from .types import Hundredths


def _now() -> datetime:
    return datetime.now(timezone.utc)


class ScoreRunRow(Base):
    """One scoring of the store: when, under which settings, how many projects."""

    __tablename__ = "score_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    settings_name: Mapped[str] = mapped_column(String(100))
    settings: Mapped[dict] = mapped_column(JSON)
    project_count: Mapped[int] = mapped_column(Integer, default=0)
    scored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ProjectScoreRow(Base):
    """A project's execution part, total, grade, explanations and flags."""

    __tablename__ = "project_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("score_runs.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str | None] = mapped_column(String(200), index=True)
    project_name: Mapped[str] = mapped_column(String(500))
    execution_rate: Mapped[object | None] = mapped_column(Hundredths)
    execution_weight: Mapped[object] = mapped_column(Hundredths)
    execution_score: Mapped[object] = mapped_column(Hundredths)
    execution_explanation: Mapped[str] = mapped_column(Text)
    weights_explanation: Mapped[str] = mapped_column(Text)
    total: Mapped[object] = mapped_column(Hundredths)
    total_explanation: Mapped[str] = mapped_column(Text)
    grade: Mapped[str] = mapped_column(String(4), index=True)
    grade_explanation: Mapped[str] = mapped_column(Text)
    flags: Mapped[list | None] = mapped_column(JSON)


class IndicatorScoreRow(Base):
    """One indicator's weight, score, method and explanation."""

    __tablename__ = "indicator_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_score_id: Mapped[int] = mapped_column(ForeignKey("project_scores.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    level1: Mapped[str | None] = mapped_column(String(30))
    level2: Mapped[str | None] = mapped_column(String(30))
    weight: Mapped[object] = mapped_column(Hundredths)
    score: Mapped[object] = mapped_column(Hundredths)
    method: Mapped[str] = mapped_column(String(20))
    completion_text: Mapped[str | None] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
