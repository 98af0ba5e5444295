"""The ``scores`` and ``score_runs`` sections of the JSON export (docs/selfeval-schema.md)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from jixiao.services.scoring import iter_stored_scores, stored_runs


def _d(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def score_json(row, indicators: list) -> dict:
    """One stored project score in export shape (the shape of ``jixiao score --format json``)."""
    return {
        "project_id": row.project_id, "document_id": row.document_id, "run_id": row.run_id,
        "unit": row.unit, "project": row.project_name,
        "execution": {"rate": _d(row.execution_rate), "weight": _d(row.execution_weight),
                      "score": _d(row.execution_score), "explanation": row.execution_explanation},
        "indicators": [{"indicator_id": i.indicator_id, "position": i.position, "name": i.name,
                        "level1": i.level1, "level2": i.level2, "weight": _d(i.weight), "score": _d(i.score),
                        "method": i.method, "completion_text": i.completion_text, "explanation": i.explanation}
                       for i in indicators],
        "weights": row.weights_explanation,
        "total": _d(row.total), "total_explanation": row.total_explanation,
        "grade": row.grade, "grade_explanation": row.grade_explanation, "flags": row.flags or [],
    }


def section(session: Session, docs: dict) -> list[dict]:
    """Every stored project score (empty before the first ``jixiao score``)."""
    return [score_json(row, inds) for row, inds in iter_stored_scores(session)]


def runs_section(session: Session, docs: dict) -> list[dict]:
    """The scoring run with the full settings it used."""
    return [{"id": r.id, "settings_name": r.settings_name, "settings": r.settings,
             "projects": r.project_count, "scored_at": r.scored_at.isoformat() if r.scored_at else None}
            for r in stored_runs(session)]


def register(sections: dict) -> None:
    """Add the score sections to the export."""
    sections["scores"] = section
    sections["score_runs"] = runs_section
