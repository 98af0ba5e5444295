"""What other areas add to the store (findings, scores, budget lines), as the web app reads it.

Kept in one place so the pages and the API stay the same whichever of those areas has landed.
Findings come from the checker (``jixiao check``), stored by ``services.checks``.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.services.checks import finding_counts as _finding_counts
from jixiao.services.checks import finding_json
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import ProjectRow


@lru_cache(maxsize=1)
def rule_names() -> dict[str, str]:
    """Rule code → what it finds, in Chinese (the first line of the rule's documentation)."""
    from jixiao.checks.registry import all_rules

    return {r.code: r.summary for r in all_rules()}


def version_parts(session: Session) -> tuple:
    """What changes when findings or scores are rewritten (part of the cache version)."""
    return tuple(session.execute(select(func.count(), func.max(FindingRow.created_at)).select_from(FindingRow)).one())


def filter_projects(stmt, grade: str | None = None, has_errors: bool | None = None):
    """Narrow a project SELECT by score grade and by having error findings."""
    if has_errors is not None:
        with_errors = select(FindingRow.project_id).where(FindingRow.severity == "error",
                                                          FindingRow.project_id.is_not(None))
        stmt = stmt.where(ProjectRow.id.in_(with_errors) if has_errors else ProjectRow.id.not_in(with_errors))
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
    """Which of the other areas' data the app can show (pages hide what is not there yet)."""
    return {"findings": True, "scores": False, "budget": True}


def findings_by_severity(session: Session) -> dict[str, int]:
    """Number of findings per severity."""
    return _finding_counts(session)


def frequent_findings(session: Session, limit: int = 10) -> list[dict]:
    """The most frequent finding codes with their rule name and count."""
    n = func.count().label("n")
    rows = session.execute(select(FindingRow.code, FindingRow.severity, n).group_by(FindingRow.code, FindingRow.severity)
                           .order_by(n.desc(), FindingRow.code).limit(limit))
    names = rule_names()
    return [{"code": c, "severity": s, "title": names.get(c, ""), "count": k} for c, s, k in rows]


def grade_distribution(session: Session) -> dict[str, int]:
    """Number of scored projects per grade."""
    return {}


def worst_projects(session: Session, limit: int = 10) -> list:
    """Lowest-scored projects as (project row, score dict)."""
    return []


def finding_counts(session: Session, project_ids: list[int]) -> dict[int, dict[str, int]]:
    """Findings per severity for each project id."""
    if not project_ids:
        return {}
    out: dict[int, dict[str, int]] = {}
    stmt = (select(FindingRow.project_id, FindingRow.severity, func.count())
            .where(FindingRow.project_id.in_(project_ids)).group_by(FindingRow.project_id, FindingRow.severity))
    for pid, sev, n in session.execute(stmt):
        out.setdefault(pid, {})[sev] = n
    return out


def document_finding_counts(session: Session, document_ids: list[int]) -> dict[int, int]:
    """Number of findings for each document id."""
    if not document_ids:
        return {}
    stmt = (select(FindingRow.document_id, func.count()).where(FindingRow.document_id.in_(document_ids))
            .group_by(FindingRow.document_id))
    return dict(session.execute(stmt).all())


def scores_for(session: Session, project_ids: list[int]) -> dict[int, dict]:
    """Score summary (total, grade) for each project id."""
    return {}


def project_findings(session: Session, project_id: int) -> list[dict]:
    """A project's findings in export shape, the worst first."""
    rank = {"error": 0, "warning": 1, "info": 2}
    rows = session.scalars(select(FindingRow).where(FindingRow.project_id == project_id).order_by(FindingRow.id))
    return sorted((finding_json(r) for r in rows), key=lambda f: rank.get(f["severity"], 3))


def project_score(session: Session, project_id: int) -> dict | None:
    """A project's score in export shape, or None."""
    return None
