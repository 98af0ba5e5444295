"""Issue 17 item 4: a declaration cannot be submitted without weights totalling 100 or a 测算依据;
a numeric target answered by “完成” alone is asked for a number (self-evaluation) and flagged for
the reviewer by the engine, never silently taken as full marks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from tests.conftest import SEED_000
from tests.integration.workflow_helpers import declaration, make_people

from jixiao.domain.lifecycle import Action
from jixiao.services import workflow as wf
from jixiao.services.ingest import ingest_paths
from jixiao.services.workflow_evaluation import number_expected
from jixiao.services.workflow_scope import Invalid
from jixiao.services.workflow_start import declare_from_ingested
from jixiao.storage.models import ProjectRow
from jixiao.storage.workflow_models import WorkflowProjectRow


@pytest.fixture
def people(store):
    return make_people(store)


def _blank(decl):
    return decl.model_copy(update={"basis": None, "indicators": [
        i.model_copy(update={"weight": None}) for i in decl.indicators]})


def test_a_draft_without_weights_or_basis_cannot_be_submitted(store, people):
    ed = people["editor"]
    s = wf.create_declaration(store, ed, _blank(declaration()))
    with pytest.raises(Invalid) as info:
        wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交", s.version)
    message = info.value.message
    assert message.startswith("不能提交申报：") and "5 个指标没有填写分值" in message and "没有填写测算依据" in message
    assert {d["field"] for d in info.value.details} == {"indicators", "basis"}
    with store() as session:
        assert session.get(WorkflowProjectRow, s.project_id).state == "draft"  # nothing changed


def test_weights_must_total_100(store, people):
    ed = people["editor"]
    decl = declaration()
    decl.indicators[0].weight = Decimal(25)  # 25 + 15 + 15 + 30 + 10 = 95
    s = wf.create_declaration(store, ed, decl)
    with pytest.raises(Invalid) as info:
        wf.take_action(store, ed, s.project_id, Action.SUBMIT, "提交", s.version)
    assert "指标分值合计 95 分，应为 100 分（或 90 分，另加预算执行率 10 分）" in info.value.message
    fine = wf.create_declaration(store, ed, declaration(name="另一个项目"))  # 90 + 执行率 10
    assert wf.take_action(store, ed, fine.project_id, Action.SUBMIT, "提交", fine.version).state == "submitted"


def test_a_draft_copied_from_an_ingested_project_is_refused_until_filled_in(store, people):
    ingest_paths(store, [SEED_000])
    with store() as session:
        pid = session.scalar(select(ProjectRow.id).where(ProjectRow.unit == "职业训练中心").order_by(ProjectRow.id))
    draft = declare_from_ingested(store, people["admin"], pid, year=2026)
    with pytest.raises(Invalid, match="没有填写分值.*没有填写测算依据"):
        wf.take_action(store, people["admin"], draft.project_id, Action.SUBMIT, "提交", draft.version)


def test_words_for_a_numeric_target_are_asked_for_a_number():
    assert number_expected("≥90%", "完成") and number_expected("≥1200人次", "已完成")
    assert not number_expected("≥90%", "92%") and not number_expected("显著提升", "完成")


def test_the_engine_flags_done_against_a_number_for_the_reviewer():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "scoring"))
    from scoring_helpers import form, row, score

    result = score(form([row("产出指标", "培训合格率", "≥90%", "完成", "20"),
                         row("效益指标", "就业能力", "显著提升", "完成", "70")]))
    flags = [f for f in result.flags if f.code == "number_expected"]
    assert len(flags) == 1 and flags[0].severity == "warning"
    assert "「培训合格率」" in flags[0].message and "需审核人核实实际数值并写明意见" in flags[0].message
