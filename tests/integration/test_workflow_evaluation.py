"""Self-evaluation on SQLite and PostgreSQL: scored by the engine against the approved snapshot,
deviations explained before submission, locked after it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import update

from jixiao.domain.lifecycle import Action
from jixiao.services import workflow as wf
from jixiao.services.workflow_data import ActualIn, SelfEvaluationIn
from jixiao.services.workflow_evaluation import preview, save_self_evaluation, submit_self_evaluation
from jixiao.services.workflow_review import latest_snapshot, review
from jixiao.services.workflow_scope import Forbidden, Invalid
from jixiao.services.workflow_view import evaluation_of
from jixiao.storage.session import transaction
from jixiao.storage.workflow_models import WorkflowProjectRow
from tests.integration.workflow_helpers import declaration, make_people, review_form

ACTUALS = ["1260人次", "85%", "100%", "基本完成", "96%"]


@pytest.fixture
def evaluating(store):
    """A project approved and opened for self-evaluation: (people, project id, version, keys)."""
    people = make_people(store)
    ed, rv = people["editor"], people["reviewer"]
    s = wf.create_declaration(store, ed, declaration())
    s = wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交", s.version)
    s = wf.take_action(store, rv, s.project_id, Action.START_REVIEW, "开始", s.version)
    s = review(store, rv, s.project_id, s.version, review_form("优"))
    s = wf.take_action(store, ed, s.project_id, Action.START_SELF_EVALUATION, "开始自评", s.version)
    with store() as session:
        keys = [i["key"] for i in latest_snapshot(session, s.project_id).data["indicators"]]
    return people, s.project_id, s.version, keys


def form(keys, actual_total="3200000", reasons=None, problems=None) -> SelfEvaluationIn:
    reasons = reasons or {}
    return SelfEvaluationIn(actual_total=Decimal(actual_total), problems=problems, indicators=[
        ActualIn(key=k, actual=a, deviation_reason=reasons.get(n)) for n, (k, a) in enumerate(zip(keys, ACTUALS))])


def test_score_equals_the_hand_computed_one(store, evaluating):
    people, pid, version, keys = evaluating
    s = save_self_evaluation(store, people["editor"], pid, version, form(keys))
    with store() as session:
        ev = evaluation_of(session, pid)
    # execution 3,200,000 ÷ 3,398,400 = 94.16 % → 10 × 94.16 % = 9.42; indicators with given weights:
    # 1260 ≥ 1200 → 20; 85 % of ≥ 90 % → 15 × 85/90 = 14.17; 100 % → 15; 基本完成 → 30 × 70 % = 21;
    # 96 % ≥ 90 % → 10.  Total 89.59 → 良.
    assert (ev.score_total, ev.grade) == (Decimal("89.59"), "良")
    assert [i["score"] for i in ev.score["indicators"]] == ["20.00", "14.17", "15.00", "21.00", "10.00"]
    assert [i["key"] for i in ev.score["indicators"]] == keys
    assert ev.score["execution"]["rate"] == "94.16"
    assert ev.budget_adjusted == Decimal("3398400.00")  # the approved total with 上年结转
    assert s.version == version + 1
    with store() as session:
        assert wf.audit_trail(session, people["editor"], pid)[-1].after["grade"] == "良"
        shown = preview(latest_snapshot(session, pid).data, form(keys))  # what the form shows as one types
    assert shown == ev.score


def test_score_uses_the_snapshot_not_later_edits(store, evaluating):
    people, pid, version, keys = evaluating
    with transaction(store) as session:  # a later edit of the live row (weights all changed)
        row = session.get(WorkflowProjectRow, pid)
        edited = [dict(i, weight="5", target="≥9999人次") for i in row.indicators]
        session.execute(update(WorkflowProjectRow).where(WorkflowProjectRow.id == pid).values(indicators=edited))
    save_self_evaluation(store, people["editor"], pid, version, form(keys))
    with store() as session:
        assert evaluation_of(session, pid).score_total == Decimal("89.59")


def test_submission_needs_explained_deviations_then_locks(store, evaluating):
    people, pid, version, keys = evaluating
    ed, rv = people["editor"], people["reviewer"]
    s = save_self_evaluation(store, ed, pid, version, form(keys, actual_total="2900000"))
    with pytest.raises(Invalid) as info:
        submit_self_evaluation(store, ed, pid, s.version, "提交自评")
    problems = [p["problem"] for p in info.value.details]
    assert problems == ["“培训合格率”得分低于分值，需填写偏差原因分析及改进措施",
                        "“参训人员就业能力”得分低于分值，需填写偏差原因分析及改进措施",
                        "预算执行率 85.33% 低于 90%，请在“存在的问题”中说明原因"]
    fixed = form(keys, "2900000", {1: "部分学员考核未通过，下年加强辅导", 3: "就业形势影响，持续跟踪"},
                 problems="下半年部分培训班延期")
    s = save_self_evaluation(store, ed, pid, s.version, fixed)
    s = submit_self_evaluation(store, ed, pid, s.version, "提交自评")
    assert s.state == "evaluation_submitted"
    with pytest.raises(Forbidden):
        save_self_evaluation(store, ed, pid, s.version, fixed)
    s = wf.take_action(store, rv, pid, Action.ACCEPT_SELF_EVALUATION, "确认", s.version)
    assert s.state == "evaluated"


def test_self_evaluation_only_in_its_state_and_scope(store, evaluating):
    people, pid, version, keys = evaluating
    with pytest.raises(Forbidden):
        save_self_evaluation(store, people["reviewer"], pid, version, form(keys))
    with pytest.raises(wf.NotFound):
        save_self_evaluation(store, people["editor_b"], pid, version, form(keys))
    with pytest.raises(Invalid):
        save_self_evaluation(store, people["editor"], pid, version,
                             SelfEvaluationIn(indicators=[ActualIn(key="nope", actual="1")]))
