"""What other areas add to the store (findings, scores, budget lines), as the web app reads it.

Kept in one place so the pages and the API stay the same whichever of those areas has landed.
"""

from __future__ import annotations


def filter_projects(stmt, grade: str | None = None, has_errors: bool | None = None):
    """Narrow a project SELECT by score grade and by having error findings."""
    return stmt


def score_sort_column():
    """The column to sort projects by score, or None before scores exist."""
    return None


def join_for_sort(stmt, sort: str):
    """Add the join a sort needs (scores for ``score``)."""
    return stmt


def grade_choices() -> list[str]:
    """Grades offered by the grade filter."""
    return ["优", "良", "中", "差"]


def available() -> dict[str, bool]:
    """Which of the other areas' data the store has (pages hide what is not there yet)."""
    return {"findings": False, "scores": False, "budget": False}


def findings_by_severity(session) -> dict[str, int]:
    """Number of findings per severity."""
    return {}


def frequent_findings(session, limit: int = 10) -> list[dict]:
    """The most frequent finding codes with their title and count."""
    return []


def grade_distribution(session) -> dict[str, int]:
    """Number of scored projects per grade."""
    return {}


def worst_projects(session, limit: int = 10) -> list:
    """Lowest-scored projects as (project row, score dict)."""
    return []


def finding_counts(session, project_ids: list[int]) -> dict[int, dict[str, int]]:
    """Findings per severity for each project id."""
    return {}


def document_finding_counts(session, document_ids: list[int]) -> dict[int, int]:
    """Number of findings for each document id."""
    return {}


def scores_for(session, project_ids: list[int]) -> dict[int, dict]:
    """Score summary (total, grade) for each project id."""
    return {}


def project_findings(session, project_id: int) -> list[dict]:
    """A project's findings in export shape."""
    return []


def project_score(session, project_id: int) -> dict | None:
    """A project's score in export shape, or None."""
    return None
