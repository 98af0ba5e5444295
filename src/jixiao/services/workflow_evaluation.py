"""绩效自评: actual money and values against the approved snapshot, scored by the engine.

The score is always computed from the snapshot taken at approval (rules.md §1), never from later
edits. ``preview`` is pure, so the form can show the score as the user types; saving stores the same
numbers; submitting checks that deviations are explained and locks the evaluation for review.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.lifecycle import STATE_LABELS, Action, editable_part
from jixiao.domain.numbers import fmt
from jixiao.scoring.pairing import Item, quantities
from jixiao.scoring.engine import score_project
from jixiao.scoring.settings import NATIONAL, ScoringSettings
from jixiao.storage.workflow_models import SelfEvaluationRow

from .users import Principal
from .workflow import Saved, audit, guarded, load_for_write, step, write_project
from .workflow_data import SelfEvaluationIn, to_project
from .workflow_review import latest_snapshot
from .workflow_scope import Forbidden, Invalid
from .workflow_view import evaluation_of

EVALUATION_FIELDS = ("budget_adjusted", "actual_total", "goal_actual", "indicators", "problems", "rectification")


def actuals_of(form: SelfEvaluationIn, snapshot: dict) -> dict:
    """The form as JSON values; the full-year budget defaults to the approved total."""
    data = form.model_dump(mode="json")
    if data.get("budget_adjusted") is None:
        data["budget_adjusted"] = (snapshot.get("money") or {}).get("total")
    return data


def preview(snapshot: dict, form: SelfEvaluationIn, settings: ScoringSettings = NATIONAL) -> dict:
    """The engine's score of the snapshot with these actuals (JSON, each indicator with its key)."""
    result = score_project(to_project(snapshot, actuals_of(form, snapshot)), settings)
    data = result.to_dict()
    keys = [i.get("key") for i in snapshot.get("indicators") or []]
    for item, score in zip(data["indicators"], result.indicators):
        item["key"] = keys[score.position] if score.position < len(keys) else None
    return data


def _check_keys(form: SelfEvaluationIn, snapshot: dict) -> None:
    keys = {i["key"] for i in snapshot.get("indicators") or []}
    unknown = [a.key for a in form.indicators if a.key not in keys]
    if unknown:
        raise Invalid("自评表中有不属于已批复目标的指标",
                      [{"field": f"indicator:{k}", "problem": "不是已批复的绩效指标"} for k in unknown])


def _values(form: SelfEvaluationIn, snapshot: dict, score: dict) -> dict:
    data = actuals_of(form, snapshot)
    return {**{k: data.get(k) for k in EVALUATION_FIELDS},
            "budget_adjusted": _dec(data.get("budget_adjusted")), "actual_total": _dec(data.get("actual_total")),
            "score_total": _dec(score["total"]), "grade": score["grade"], "score": score}


def _dec(v) -> Decimal | None:
    return None if v in (None, "") else Decimal(str(v))


def _as_json(row: SelfEvaluationRow | None) -> dict:
    if row is None:
        return {}
    return {k: (fmt(v) if isinstance(v, Decimal) else v) for k, v in
            ((k, getattr(row, k)) for k in (*EVALUATION_FIELDS, "score_total", "grade"))}


def save_self_evaluation(factory: sessionmaker[Session], user: Principal, project_id: int, version: int,
                         form: SelfEvaluationIn, comment: str | None = None,
                         settings: ScoringSettings = NATIONAL) -> Saved:
    """Save the self-evaluation (score from the engine against the snapshot) with a version check."""
    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        if editable_part(row.state, user.role) != "self_evaluation":
            label = STATE_LABELS.get(row.state, row.state)
            raise Forbidden(f"项目处于“{label}”状态，不能填写自评表")
        snap = latest_snapshot(session, project_id)
        _check_keys(form, snap.data)
        values = _values(form, snap.data, preview(snap.data, form, settings))
        new_version = write_project(session, row, version, {"updated_at": datetime.now(timezone.utc),
                                                           "updated_by": user.user_id})
        ev = evaluation_of(session, project_id)
        before = _as_json(ev)
        if ev is None:
            ev = SelfEvaluationRow(project_id=project_id, created_by=user.user_id,
                                   created_at=datetime.now(timezone.utc))
            session.add(ev)
        for k, v in {**values, "snapshot_id": snap.id, "updated_at": datetime.now(timezone.utc)}.items():
            setattr(ev, k, v)
        after = _as_json(ev)
        changed = [k for k in after if before.get(k) != after[k]]
        audit(session, row, user, "save_self_evaluation", version=new_version, comment=comment,
              before={k: before.get(k) for k in changed}, after={k: after[k] for k in changed})
        return Saved(project_id, new_version, row.state, [])

    return guarded(factory, user, project_id, version, work)


def number_expected(target: str | None, actual: str | None) -> bool:
    """True when a numeric target (≥90%, 1200人次) is answered by words alone (完成, 已完成)."""
    if not target or not actual:
        return False
    return bool(quantities(Item(None, target), 0)) and not quantities(Item(None, actual), 0)


def missing_explanations(ev: SelfEvaluationRow, snapshot: dict, settings: ScoringSettings) -> list[dict]:
    """What must be filled in before submission: actual values, and reasons for every deviation."""
    actual = {a["key"]: a for a in ev.indicators or []}
    scores = {s.get("key"): s for s in (ev.score or {}).get("indicators", [])}
    problems = []
    for ind in snapshot.get("indicators") or []:
        a, s = actual.get(ind["key"], {}), scores.get(ind["key"], {})
        if not (a.get("actual") or "").strip():
            problems.append({"field": f"indicator:{ind['key']}", "problem": f"“{ind['name']}”没有填写实际完成值"})
        elif number_expected(ind.get("target"), a.get("actual")):
            problems.append({"field": f"indicator:{ind['key']}",
                             "problem": f"“{ind['name']}”的目标“{ind.get('target')}”是一个数，实际完成值"
                                        f"“{a['actual']}”没有数：请填写实际完成的数值"})
        elif s and Decimal(s["score"]) < Decimal(s["weight"]) and not (a.get("deviation_reason") or "").strip():
            problems.append({"field": f"indicator:{ind['key']}",
                             "problem": f"“{ind['name']}”得分低于分值，需填写偏差原因分析及改进措施"})
    rate = (ev.score or {}).get("execution", {}).get("rate")
    limit = settings.reason_below_rate
    if ev.actual_total is None:
        problems.append({"field": "actual_total", "problem": "没有填写全年执行数"})
    elif limit is not None and rate is not None and Decimal(rate) < limit and not (ev.problems or "").strip():
        problems.append({"field": "problems", "problem": f"预算执行率 {rate}% 低于 {limit}%，请在“存在的问题”中说明原因"})
    return problems


def submit_self_evaluation(factory: sessionmaker[Session], user: Principal, project_id: int, version: int,
                           comment: str | None, settings: ScoringSettings = NATIONAL) -> Saved:
    """Submit the saved self-evaluation for review; it is locked from then on."""
    def work(session: Session) -> Saved:
        row = load_for_write(session, user, project_id)
        ev = evaluation_of(session, project_id)
        if ev is None:
            raise Invalid("请先填写并保存自评表")
        problems = missing_explanations(ev, latest_snapshot(session, project_id).data, settings)
        if problems:
            raise Invalid("自评表还有需要补充的内容", problems)
        recorded = {"self_evaluation": {"total": fmt(ev.score_total), "grade": ev.grade}}
        return step(session, user, row, Action.SUBMIT_SELF_EVALUATION, comment, version, recorded)

    return guarded(factory, user, project_id, version, work)
