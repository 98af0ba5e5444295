"""What other areas add to the store (findings, scores, budget lines), as the web app reads it.

Kept in one place so the pages and the API read them one way. Findings come from the checker
(``jixiao check``, ``services.checks``), scores from the scoring engine (``jixiao score``,
``services.scoring``); each run replaces the previous one, so there is at most one score per project.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jixiao.domain.labels import without_gloss
from jixiao.exports.scores_json import score_json
from jixiao.scoring.grades import GRADES
from jixiao.services.checks import finding_counts as _finding_counts
from jixiao.services.checks import finding_json
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import ProjectRow
from jixiao.storage.score_models import IndicatorScoreRow, ProjectScoreRow, ScoreRunRow


@lru_cache(maxsize=1)
def rule_names() -> dict[str, str]:
    """Rule code → what it finds, in Chinese (the first line of the rule's documentation)."""
    from jixiao.checks.registry import all_rules

    return {r.code: without_gloss(r.summary) for r in all_rules()}


def version_columns() -> tuple:
    """What changes when findings or scores are rewritten (part of the cache version), as scalar
    subqueries, so that the whole version is one statement."""
    # The newest finding row by primary key: instant even with half a million findings.
    newest = select(FindingRow).order_by(FindingRow.id.desc()).limit(1).subquery()
    return (select(newest.c.id).scalar_subquery(), select(newest.c.created_at).scalar_subquery(),
            select(func.max(ScoreRunRow.id)).scalar_subquery(), select(func.max(ScoreRunRow.scored_at)).scalar_subquery())


def filter_projects(stmt, grade: str | None = None, has_errors: bool | None = None, project_id=ProjectRow.id):
    """Narrow a project SELECT by score grade and by having error findings (``project_id``: the
    column holding the project's id in ``stmt``)."""
    if has_errors is not None:
        # EXISTS per project (by the project_id index) lets a page stop after its rows; an IN list
        # would first gather every project with an error.
        error = (select(FindingRow.id).where(FindingRow.project_id == project_id, FindingRow.severity == "error")
                 .exists())
        stmt = stmt.where(error if has_errors else ~error)
    if grade is not None:
        stmt = stmt.where(project_id.in_(select(ProjectScoreRow.project_id).where(ProjectScoreRow.grade == grade)))
    return stmt


def join_scores(stmt):
    """Projects with their score (only scored projects)."""
    return stmt.join(ProjectScoreRow, ProjectScoreRow.project_id == ProjectRow.id)


def where_grade(stmt, grade: str | None):
    """A joined project-and-score SELECT narrowed to one grade."""
    return stmt if grade is None else stmt.where(ProjectScoreRow.grade == grade)


def score_order(desc: bool) -> tuple:
    """Order by total, ties by project: the order of the (total, project_id) index, so no sort."""
    if desc:
        return ProjectScoreRow.total.desc(), ProjectScoreRow.project_id.desc()
    return ProjectScoreRow.total, ProjectScoreRow.project_id


def without_score(stmt):
    """Narrow a project SELECT to projects the last scoring run did not score."""
    return stmt.where(~select(ProjectScoreRow.id).where(ProjectScoreRow.project_id == ProjectRow.id).exists())


def grade_choices() -> list[str]:
    """Grades offered by the grade filter."""
    return list(GRADES)


def available() -> dict[str, bool]:
    """Which of the other areas' data the app can show."""
    return {"findings": True, "scores": True, "budget": True}


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
    """Number of scored projects per grade, in grade order (empty before ``jixiao score``)."""
    counts = dict(session.execute(select(ProjectScoreRow.grade, func.count()).group_by(ProjectScoreRow.grade)).all())
    return {g: counts[g] for g in GRADES if counts.get(g)}


def worst_projects(session: Session, limit: int = 10) -> list[tuple[dict, dict]]:
    """Lowest-scored projects as (project facts, score summary)."""
    stmt = (select(ProjectScoreRow.project_id, ProjectScoreRow.project_name, ProjectScoreRow.unit,
                   ProjectScoreRow.total, ProjectScoreRow.grade)
            .order_by(ProjectScoreRow.total, ProjectScoreRow.project_id).limit(limit))
    return [({"id": pid, "name": name, "unit": unit}, {"total": total, "grade": grade})
            for pid, name, unit, total, grade in session.execute(stmt)]


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


def scores_for(session: Session, project_ids: list[int]) -> dict[int, dict]:
    """Score summary (total, grade) for each project id."""
    if not project_ids:
        return {}
    stmt = (select(ProjectScoreRow.project_id, ProjectScoreRow.total, ProjectScoreRow.grade)
            .where(ProjectScoreRow.project_id.in_(project_ids)))
    return {pid: {"total": total, "grade": grade} for pid, total, grade in session.execute(stmt)}


def project_findings(session: Session, project_id: int) -> list[dict]:
    """A project's findings in export shape, the worst first."""
    rank = {"error": 0, "warning": 1, "info": 2}
    rows = session.scalars(select(FindingRow).where(FindingRow.project_id == project_id).order_by(FindingRow.id))
    return sorted((finding_json(r) for r in rows), key=lambda f: rank.get(f["severity"], 3))


def project_score(session: Session, project_id: int) -> dict | None:
    """A project's score in export shape (``scores`` section), or None when it was not scored."""
    row = session.scalar(select(ProjectScoreRow).where(ProjectScoreRow.project_id == project_id)
                         .order_by(ProjectScoreRow.id.desc()).limit(1))
    if row is None:
        return None
    inds = session.scalars(select(IndicatorScoreRow).where(IndicatorScoreRow.project_score_id == row.id)
                           .order_by(IndicatorScoreRow.position))
    return score_json(row, list(inds))
