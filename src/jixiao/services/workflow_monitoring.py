"""绩效运行监控: spending and target progress as of a month, with the progress light (rules.md §5).

One report per project and as-of month (saving again replaces it; the audit trail keeps both).
Progress is measured against the approved snapshot.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.lifecycle import Action
from jixiao.domain.numbers import fmt
from jixiao.domain.targets import parse_target
from jixiao.scoring.monitoring import indicator_progress, spending_progress
from jixiao.scoring.settings import NATIONAL, ScoringSettings
from jixiao.storage.workflow_models import MonitoringReportRow

from .users import Principal
from .workflow import Saved, guarded, load_for_write, step
from .workflow_data import MonitoringIn
from .workflow_review import latest_snapshot
from .workflow_scope import Invalid


def deviation_problems(form: MonitoringIn, keys: dict[str, str]) -> list[dict]:
    """Rows that cannot be saved: unknown indicators, and deviations without reason or measure."""
    problems = []
    for p in form.indicators:
        name = keys.get(p.key)
        if name is None:
            problems.append({"field": f"indicator:{p.key}", "problem": "不是已批复的绩效指标"})
        elif p.possibility != "确定能" and not (p.reasons and (p.measure or "").strip()):
            problems.append({"field": f"indicator:{p.key}",
                             "problem": f"“{name}”完成目标可能性为“{p.possibility}”，需选择偏差原因并填写整改措施"})
    return problems


def money_progress(snapshot: dict, spent: Decimal | None, month: int, settings: ScoringSettings) -> dict:
    """Approved full-year budget, 1–X月 execution rate, time ratio, light and explanation."""
    total = (snapshot.get("money") or {}).get("total")
    budget = Decimal(total) if total not in (None, "") else None
    p = spending_progress(budget, spent, month, settings)
    return {"budget": budget, "rate": p.progress, "ratio": p.ratio, "light": p.light, "explanation": p.explanation}


def _indicator_rows(form: MonitoringIn, snapshot: dict, month: int, settings: ScoringSettings) -> list[dict]:
    targets = {i["key"]: i.get("target") or "" for i in snapshot.get("indicators") or []}
    rows = []
    for p in form.indicators:
        progress = indicator_progress(parse_target(targets.get(p.key)), parse_target(p.progress), month, settings)
        rows.append({**p.model_dump(mode="json"), "light": progress.light, "explanation": progress.explanation})
    return rows


def save_monitoring(factory: sessionmaker[Session], user: Principal, project_id: int, version: int,
                    form: MonitoringIn, comment: str | None, settings: ScoringSettings = NATIONAL) -> Saved:
    """Record the monitoring report of one month and move the project to 运行监控中."""
    month = form.as_of_month or settings.monitoring_month

    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        snap = latest_snapshot(session, project_id)
        keys = {i["key"]: i["name"] for i in snap.data.get("indicators") or []}
        problems = deviation_problems(form, keys)
        if problems:
            raise Invalid("监控表有需要补充的内容", problems)
        progress = money_progress(snap.data, form.spent_to_date, month, settings)
        values = _report_values(form, month, progress, snap.id, _indicator_rows(form, snap.data, month, settings))
        saved = step(session, user, row, Action.MONITOR, comment, version,
                     {"monitoring": _json(values)})
        _upsert(session, user, project_id, month, values)
        return saved

    return guarded(factory, user, project_id, version, work)


def _report_values(form: MonitoringIn, month: int, progress: dict, snapshot_id: int, rows: list[dict]) -> dict:
    needs = any(p.possibility != "确定能" for p in form.indicators) or progress["light"] == "red"
    return {"snapshot_id": snapshot_id, "as_of_month": month, "budget_total": progress["budget"],
            "spent_to_date": form.spent_to_date, "expected_year_end": form.expected_year_end,
            "execution_rate": progress["rate"], "light": progress["light"], "indicators": rows,
            "correction_needed": needs, "correction_measures": form.correction_measures}


def _json(values: dict) -> dict:
    return {k: fmt(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def _upsert(session: Session, user: Principal, project_id: int, month: int, values: dict) -> None:
    now = datetime.now(timezone.utc)
    report = session.scalars(select(MonitoringReportRow).where(
        MonitoringReportRow.project_id == project_id, MonitoringReportRow.as_of_month == month)).first()
    if report is None:
        report = MonitoringReportRow(project_id=project_id, created_by=user.user_id, created_at=now)
        session.add(report)
    for k, v in values.items():
        setattr(report, k, v)
    report.updated_at = now


def reports_of(session: Session, project_id: int) -> list[MonitoringReportRow]:
    """A project's monitoring reports by month (the caller has checked the user may see it)."""
    return list(session.scalars(select(MonitoringReportRow).where(MonitoringReportRow.project_id == project_id)
                                .order_by(MonitoringReportRow.as_of_month)))
