"""The workflow services on SQLite and PostgreSQL: declare, save with version check, review with
snapshot, monitoring with lights, scope, soft delete and the audit trail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from tests.integration.workflow_helpers import UNIT_A, UNIT_B, declaration, make_people, review_form

from jixiao.domain.lifecycle import Action, TransitionError
from jixiao.services import workflow as wf
from jixiao.services.workflow_data import MonitoringIn, ProgressIn
from jixiao.services.workflow_monitoring import reports_of, save_monitoring
from jixiao.services.workflow_review import latest_snapshot, review, reviews_of
from jixiao.services.workflow_scope import Forbidden, Invalid, NotFound
from jixiao.storage.workflow_models import AuditRow, WorkflowProjectRow


@pytest.fixture
def people(store):
    return make_people(store)


def _approved(store, people):
    """A project declared by the editor and approved (优) by the reviewer; returns (id, version)."""
    ed, rv = people["editor"], people["reviewer"]
    s = wf.create_declaration(store, ed, declaration())
    s = wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交审核", s.version)
    s = wf.take_action(store, rv, s.project_id, Action.START_REVIEW, "开始审核", s.version)
    s = review(store, rv, s.project_id, s.version, review_form("优", "目标明确，同意"))
    return s.project_id, s.version


def test_declare_creates_a_draft_with_money_in_yuan_and_keyed_indicators(store, people):
    saved = wf.create_declaration(store, people["editor"], declaration())
    assert (saved.version, saved.state) == (1, "draft")
    with store() as session:
        row = wf.get_project(session, people["editor"], saved.project_id)
        assert row.money == {"general_public": "3298400.00", "carried_over": "100000.00", "total": "3398400.00"}
        assert [i["level1"] for i in row.indicators] == ["output", "output", "output", "outcome", "satisfaction"]
        assert len({i["key"] for i in row.indicators}) == 5
        trail = wf.audit_trail(session, people["editor"], saved.project_id)
        assert [(a.action, a.actor, a.version) for a in trail] == [("create", "editor", 1)]
        assert trail[0].after["name"] == "职业技能提升培训补贴"


def test_only_editors_of_the_unit_and_admins_declare(store, people):
    for who in ("editor_b", "viewer", "reviewer", "unscoped_editor"):
        with pytest.raises(Forbidden):
            wf.create_declaration(store, people[who], declaration(unit=UNIT_A))
    assert wf.create_declaration(store, people["admin"], declaration(unit=UNIT_A)).version == 1


def test_second_of_two_saves_from_the_same_version_is_refused_with_the_newer_values(store, people):
    ed = people["editor"]
    s = wf.create_declaration(store, ed, declaration())
    first = wf.save_declaration(store, ed, s.project_id, 1, declaration(name="甲的修改"))
    assert first.version == 2
    with pytest.raises(wf.Conflict) as info:
        wf.save_declaration(store, people["admin"], s.project_id, 1, declaration(name="乙的修改"))
    err = info.value
    assert err.status == 409 and err.version == 2
    assert err.current["name"] == "甲的修改"
    assert "editor" in err.message and "第 1 版" in err.message and "第 2 版" in err.message
    with store() as session:
        row = session.get(WorkflowProjectRow, s.project_id)
        assert (row.name, row.version) == ("甲的修改", 2)
        trail = wf.audit_trail(session, ed, s.project_id)
        assert [a.action for a in trail] == ["create", "save_declaration"]
        assert trail[1].before == {"name": "职业技能提升培训补贴"} and trail[1].after == {"name": "甲的修改"}


def test_out_of_scope_projects_are_not_found_and_not_listed(store, people):
    a = wf.create_declaration(store, people["editor"], declaration(unit=UNIT_A)).project_id
    b = wf.create_declaration(store, people["editor_b"], declaration(unit=UNIT_B)).project_id
    with store() as session:
        with pytest.raises(NotFound):
            wf.get_project(session, people["editor_b"], a)
        assert [p.id for p in wf.list_projects(session, people["editor"])] == [a]
        assert [p.id for p in wf.list_projects(session, people["editor_b"])] == [b]
        assert {p.id for p in wf.list_projects(session, people["viewer"])} == {a, b}
        assert wf.list_projects(session, people["unscoped_editor"]) == []
    with pytest.raises(NotFound):
        wf.save_declaration(store, people["editor_b"], a, 1, declaration(unit=UNIT_B))
    with pytest.raises(Forbidden):
        wf.save_declaration(store, people["viewer"], a, 1, declaration())
    with pytest.raises(Forbidden):  # moving one's project to another unit is a write there
        wf.save_declaration(store, people["editor"], a, 1, declaration(unit=UNIT_B))


def test_submission_locks_the_declaration_and_steps_need_a_comment(store, people):
    ed = people["editor"]
    s = wf.create_declaration(store, ed, declaration())
    with pytest.raises(TransitionError):
        wf.take_action(store, ed, s.project_id, Action.SUBMIT, "  ", s.version)
    s = wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交", s.version)
    with pytest.raises(Forbidden) as info:
        wf.save_declaration(store, ed, s.project_id, s.version, declaration(name="偷偷修改"))
    assert "已提交" in info.value.message
    with pytest.raises(TransitionError):  # an editor cannot review its own project
        wf.take_action(store, ed, s.project_id, Action.START_REVIEW, "自己审", s.version)
    with pytest.raises(Forbidden):  # approval only through the review form
        wf.take_action(store, people["reviewer"], s.project_id, Action.APPROVE, "直接通过", s.version)


def test_return_and_fix_round_then_approval_snapshots_the_targets(store, people):
    ed, rv = people["editor"], people["reviewer"]
    s = wf.create_declaration(store, ed, declaration())
    pid = s.project_id
    s = wf.take_action(store, ed, pid, Action.SUBMIT, "提交", s.version)
    s = wf.take_action(store, rv, pid, Action.START_REVIEW, "开始", s.version)
    s = review(store, rv, pid, s.version, review_form("中", "满意度指标偏低，请修改"))
    assert s.state == "returned"
    s = wf.take_action(store, ed, pid, Action.REVISE, "按意见修改", s.version)
    fixed = declaration()
    fixed.indicators[4].target = "≥95%"
    s = wf.save_declaration(store, ed, pid, s.version, fixed, "满意度目标提高到95%")
    s = wf.take_action(store, ed, pid, Action.SUBMIT, "再次提交", s.version)
    s = wf.take_action(store, rv, pid, Action.START_REVIEW, "开始", s.version)
    s = review(store, rv, pid, s.version, review_form("良", "同意"))
    assert (s.state, s.version) == ("approved", 9)
    with store() as session:
        snap = latest_snapshot(session, pid)
        assert snap.data["indicators"][4]["target"] == "≥95%"
        assert snap.project_version == 9
        assert [(r.outcome, r.snapshot_id) for r in reviews_of(session, pid)] == [("中", None), ("良", snap.id)]
        trail = wf.audit_trail(session, ed, pid)
        assert [a.version for a in trail] == list(range(1, 10))
        assert trail[3].after["review"]["outcome"] == "中"
        assert trail[3].after["review"]["dimensions"]["feasibility"] == {"verdict": "fail", "comment": "feasibility 意见"}


def test_budget_adjustment_reopens_review_and_later_edits_leave_the_snapshot_alone(store, people):
    pid, v = _approved(store, people)
    ed = people["editor"]
    s = wf.take_action(store, ed, pid, Action.ADJUST, "年中追加预算", v)
    s = wf.save_declaration(store, ed, pid, s.version, declaration(name="调整后名称"))
    with store() as session:
        assert latest_snapshot(session, pid).data["name"] == "职业技能提升培训补贴"


def test_monitoring_light_and_deviation_rules(store, people):
    pid, v = _approved(store, people)
    ed = people["editor"]
    with store() as session:
        keys = [i["key"] for i in latest_snapshot(session, pid).data["indicators"]]
    lagging = MonitoringIn(spent_to_date=Decimal("1000000"), expected_year_end=Decimal("3398400"),
                           indicators=[ProgressIn(key=keys[0], progress="500人次", possibility="有可能")])
    with pytest.raises(Invalid) as info:
        save_monitoring(store, ed, pid, v, lagging, "7月监控")
    assert "需选择偏差原因并填写整改措施" in info.value.details[0]["problem"]
    lagging.indicators[0].reasons = ["经费保障"]
    lagging.indicators[0].measure = "加快拨付进度"
    s = save_monitoring(store, ed, pid, v, lagging, "7月监控")
    assert s.state == "monitoring"
    with store() as session:
        (rep,) = reports_of(session, pid)
        # 1,000,000 / 3,398,400 = 29.43 %; time elapsed 7/12 → ratio 50.45 % < 60 % → red
        assert (rep.as_of_month, rep.execution_rate, rep.light) == (7, Decimal("29.43"), "red")
        assert rep.correction_needed is True
    s = save_monitoring(store, ed, pid, s.version, MonitoringIn(spent_to_date=Decimal("2400000")), "更正")
    with store() as session:
        (rep,) = reports_of(session, pid)
        assert (rep.execution_rate, rep.light) == (Decimal("70.62"), "green")  # ratio 121.06 %
        assert [a.action for a in wf.audit_trail(session, ed, pid)][-2:] == ["monitor", "monitor"]


def test_soft_delete_keeps_the_row_and_the_trail(store, people):
    ed, admin = people["editor"], people["admin"]
    s = wf.create_declaration(store, ed, declaration())
    with pytest.raises(Forbidden):
        wf.soft_delete(store, people["viewer"], s.project_id, "删除", s.version)
    d = wf.soft_delete(store, ed, s.project_id, "重复申报，删除", s.version)
    with store() as session:
        assert wf.list_projects(session, ed) == []
        with pytest.raises(NotFound):
            wf.get_project(session, ed, s.project_id)
        assert [p.id for p in wf.list_projects(session, admin, include_deleted=True)] == [s.project_id]
        assert session.scalar(select(func.count()).select_from(WorkflowProjectRow)) == 1
    r = wf.soft_delete(store, admin, s.project_id, "误删恢复", d.version, restore=True)
    with store() as session:
        trail = wf.audit_trail(session, ed, s.project_id)
        assert [(a.action, a.comment) for a in trail][1:] == [("delete", "重复申报，删除"), ("restore", "误删恢复")]
        assert r.version == 3
        assert session.scalar(select(func.count()).select_from(AuditRow)) == 3


def test_unit_editor_cannot_delete_a_submitted_project(store, people):
    ed = people["editor"]
    s = wf.create_declaration(store, ed, declaration())
    s = wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交", s.version)
    with pytest.raises(Forbidden):
        wf.soft_delete(store, ed, s.project_id, "不要了", s.version)


def test_start_from_an_ingested_project_of_seed_000(store, people):
    from conftest import SEED_000
    from jixiao.services.ingest import ingest_paths
    from jixiao.services.workflow_start import declare_from_ingested
    from jixiao.storage.models import ProjectRow

    (result,) = ingest_paths(store, [SEED_000])
    with store() as session:
        pid = session.scalar(select(ProjectRow.id).where(ProjectRow.document_id == result.document_id,
                                                         ProjectRow.seq == "27"))
    with pytest.raises(Forbidden):  # 学校管理 belongs to 职业训练中心, not to editor_b's unit
        declare_from_ingested(store, people["editor_b"], pid, year=2022)
    s = declare_from_ingested(store, people["editor"], pid, year=2022)
    with store() as session:
        row = wf.get_project(session, people["editor"], s.project_id)
        assert (row.name, row.unit, row.year, row.origin, row.origin_project_id) == (
            "学校管理", "职业训练中心", 2022, "ingested", pid)
        assert row.money == {"general_public": "8828300.00", "total": "8828300.00"}
        assert [i["level2"] for i in row.indicators] == [
            "quantity", "quality", "timeliness", "economic", "service_satisfaction"]
        assert row.indicators[1]["target"] == "符合相关文件要求"


def test_start_from_last_years_declaration(store, people):
    from jixiao.services.workflow_start import declare_from_previous

    pid, _ = _approved(store, people)
    s = declare_from_previous(store, people["editor"], pid)
    with store() as session:
        old = wf.get_project(session, people["editor"], pid)
        new = wf.get_project(session, people["editor"], s.project_id)
        assert (new.year, new.state, new.origin_workflow_id) == (2027, "draft", pid)
        assert [i["target"] for i in new.indicators] == [i["target"] for i in old.indicators]
        assert not {i["key"] for i in new.indicators} & {i["key"] for i in old.indicators}
        assert new.money == old.money
    with pytest.raises(NotFound):
        declare_from_previous(store, people["editor_b"], pid)
