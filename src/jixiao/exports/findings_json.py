"""The ``findings`` section of the JSON export: every stored checker finding."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jixiao.services.checks import finding_json, stored_findings


def section(session: Session, docs: dict) -> list[dict]:
    """Stored findings in the shape of ``jixiao check --format json`` (empty before the first run)."""
    return [finding_json(row) for row in stored_findings(session)]
