"""Score every self-evaluated project in the store and keep the scores with the settings used.

A run replaces every earlier score in one transaction: readers of the store (web app, export)
never see half a run. Also hands the engine's audit flags to the checker, so the form's own
broken figures become findings too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.model import DocumentKind
from jixiao.scoring.engine import score_project
from jixiao.scoring.grades import GRADES
from jixiao.scoring.result import ProjectScore
from jixiao.scoring.settings import NATIONAL, ScoringSettings
from jixiao.storage.loaders import project_from_row
from jixiao.storage.score_models import IndicatorScoreRow, ProjectScoreRow, ScoreRunRow
from jixiao.storage.session import transaction

from . import queries

SELF_EVALUATION_KINDS = (DocumentKind.SELF_EVALUATION_TABLE.value, DocumentKind.SELF_EVALUATION_FORM.value)
_BATCH = 1000


@dataclass(slots=True)
class UnitSummary:
    """Per unit: how many projects were scored, their mean total and how many got each grade."""

    unit: str
    count: int = 0
    score_sum: Decimal = Decimal(0)
    grades: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GRADES, 0))

    @property
    def mean(self) -> Decimal:
        """Mean total, two decimals."""
        return (self.score_sum / self.count).quantize(Decimal("0.01")) if self.count else Decimal(0)

    def to_dict(self) -> dict:
        """JSON shape ``{unit, count, mean, grades}``."""
        return {"unit": self.unit, "count": self.count, "mean": f"{self.mean:.2f}", "grades": dict(self.grades)}


@dataclass(slots=True)
class ScoreRun:
    """What a scoring of the store did."""

    run_id: int
    settings_name: str
    projects: int
    flags: int
    units: list[UnitSummary]

    def to_dict(self) -> dict:
        """JSON shape of the summary printed by ``jixiao score``."""
        return {"run_id": self.run_id, "settings": self.settings_name, "projects": self.projects,
                "flags": self.flags, "units": [u.to_dict() for u in self.units]}


def project_score_values(run_id: int, project_id: int, document_id: int, s: ProjectScore) -> dict:
    """Row values of one project's score."""
    ex = s.execution
    return {
        "run_id": run_id, "project_id": project_id, "document_id": document_id, "unit": s.unit,
        "project_name": s.project, "execution_rate": ex.rate, "execution_weight": ex.weight,
        "execution_score": ex.score, "execution_explanation": ex.explanation,
        "weights_explanation": s.weights_explanation, "total": s.total,
        "total_explanation": s.total_explanation, "grade": s.grade, "grade_explanation": s.grade_explanation,
        "flags": [f.to_dict() for f in s.flags],
    }


def _save(session: Session, run_id: int, batch: list) -> None:
    ids = session.scalars(
        insert(ProjectScoreRow).returning(ProjectScoreRow.id, sort_by_parameter_order=True),
        [project_score_values(run_id, p.id, p.document_id, s) for p, _, s in batch]).all()
    rows = []
    for score_id, (_, inds, s) in zip(ids, batch):
        for r in s.indicators:
            rows.append({"project_score_id": score_id, "position": r.position,
                         "indicator_id": inds[r.position].id if r.position < len(inds) else None,
                         "name": r.name, "level1": r.level1, "level2": r.level2, "weight": r.weight,
                         "score": r.score, "method": r.method, "completion_text": r.completion_text,
                         "explanation": r.explanation})
    if rows:
        session.execute(insert(IndicatorScoreRow), rows)


def clear_scores(session: Session) -> None:
    """Delete every stored score (caller owns the transaction)."""
    for table in (IndicatorScoreRow, ProjectScoreRow, ScoreRunRow):
        session.execute(delete(table))


def iter_self_evaluated(session: Session):
    """(project row, indicator rows, domain Project) of every self-evaluated project."""
    for doc_id, doc in queries.documents(session).items():
        if doc.kind not in SELF_EVALUATION_KINDS:
            continue
        for p, inds in queries.iter_projects_with_indicators(session, document_id=doc_id):
            yield p, inds, project_from_row(p, inds, doc.file)


def score_store(factory: sessionmaker[Session], settings: ScoringSettings = NATIONAL) -> ScoreRun:
    """Score every self-evaluated project, replacing earlier scores in one transaction."""
    units: dict[str, UnitSummary] = {}
    n = flags = 0
    with transaction(factory) as session:
        clear_scores(session)
        run = ScoreRunRow(settings_name=settings.name, settings=settings.to_dict(), project_count=0)
        session.add(run)
        session.flush()
        batch: list = []
        for p, inds, project in iter_self_evaluated(session):
            s = score_project(project, settings)
            batch.append((p, inds, s))
            u = units.setdefault(p.unit or "（未注明单位）", UnitSummary(p.unit or "（未注明单位）"))
            u.count, u.score_sum = u.count + 1, u.score_sum + s.total
            u.grades[s.grade] += 1
            n, flags = n + 1, flags + len(s.flags)
            if len(batch) >= _BATCH:
                _save(session, run.id, batch)
                batch = []
        if batch:
            _save(session, run.id, batch)
        run.project_count = n
    return ScoreRun(run.id, settings.name, n, flags, list(units.values()))


# Flags the checker already reports with its own rules (R001 rate, R002 overspend, R003 low rate).
_CHECKER_HAS = {"rate_mismatch", "execution_over_100", "execution_reason_missing", "execution_not_computable"}
_SEVERITY = {"error": "error", "warning": "warning", "note": "info"}


def audit_context_hook(session: Session, ctx) -> None:
    """Checker context hook: the engine's audit flags of every ingested single-project form.

    Wide tables state no scores, so only 项目支出绩效自评表 documents are audited here."""
    for doc in ctx.documents:
        if doc.kind != DocumentKind.SELF_EVALUATION_FORM.value:
            continue
        for project in doc.projects:
            for f in score_project(project).flags:
                if f.code not in _CHECKER_HAS:
                    ctx.audit_flags.append({"document": doc, "project": project, "code": f.code,
                                            "severity": _SEVERITY[f.severity], "subject": f.subject,
                                            "message": f.message})


def register_checker_hook(hooks: list[Callable]) -> None:
    """Add the audit hook to the checker's context hooks once."""
    if audit_context_hook not in hooks:
        hooks.append(audit_context_hook)


def stored_runs(session: Session) -> list[ScoreRunRow]:
    """The stored scoring run (at most one: each run replaces the last)."""
    return list(session.scalars(select(ScoreRunRow).order_by(ScoreRunRow.id)))


def iter_stored_scores(session: Session, batch: int = 2000):
    """(project score row, its indicator score rows) in project order, in batches."""
    ids = list(session.scalars(select(ProjectScoreRow.id).order_by(ProjectScoreRow.project_id)))
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        inds: dict[int, list[IndicatorScoreRow]] = {}
        for r in session.scalars(select(IndicatorScoreRow).where(IndicatorScoreRow.project_score_id.in_(chunk))
                                 .order_by(IndicatorScoreRow.project_score_id, IndicatorScoreRow.position)):
            inds.setdefault(r.project_score_id, []).append(r)
        rows = session.scalars(select(ProjectScoreRow).where(ProjectScoreRow.id.in_(chunk))
                               .order_by(ProjectScoreRow.project_id))
        for row in rows:
            yield row, inds.get(row.id, [])
