"""The workflow pages end to end with a test client, on SQLite and PostgreSQL: declare with the checker
inline, a refused stale save, a return-and-fix round, approval, monitoring with its light, a
self-evaluation scored as the engine scores it, submission lock, the audit trail and its export."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from openpyxl import load_workbook

from jixiao.exports.audit_export import action_label
from jixiao.services.workflow_evaluation import preview
from jixiao.services.workflow_review import latest_snapshot
from jixiao.services.workflow_data import ActualIn, SelfEvaluationIn
from tests.web.workflow_web_helpers import DECLARATION_FORM, post, signed_in, workflow_app


def _pid(response) -> int:
    return int(re.search(r"/workflow/(\d+)", response.headers["location"]).group(1))


def _version(client, pid: int) -> str:
    return re.search(r'id="project-version">(\d+)<', client.get(f"/workflow/{pid}").text).group(1)


def _step(client, pid: int, action: str, comment: str = "说明"):
    r = post(client, f"/workflow/{pid}/action", {"action": action, "comment": comment,
                                                 "version": _version(client, pid)})
    assert r.status_code == 303, r.text
    return r


def _state(client, pid: int) -> str:
    return re.search(r'id="project-state">([^<]+)<', client.get(f"/workflow/{pid}").text).group(1)


def _declare(ed) -> int:
    bad = dict(DECLARATION_FORM, ind_target=["≥1200人次", "≥190%", "=100%", "显著提升", "≥90%"])
    r = post(ed, "/workflow/new", bad)
    assert r.status_code == 303
    pid = _pid(r)
    page = ed.get(r.headers["location"]).text
    assert "已保存（第 1 版）" in page
    assert re.search(r'class="finding">I008 [^<]*≥190%[^<]*超过 100%', page)  # inline, on its row
    return pid


def test_pages_walk_a_project_through_every_state(db_url):
    app, _ = workflow_app(db_url)
    ed, rv, admin = signed_in(app, "editor"), signed_in(app, "reviewer"), signed_in(app, "admin")
    pid = _declare(ed)
    stale = _version(ed, pid)
    r = post(ed, f"/workflow/{pid}/edit", dict(DECLARATION_FORM, version=stale))
    assert r.status_code == 303 and "I008" not in ed.get(r.headers["location"]).text  # fixed, no finding
    conflict = post(admin, f"/workflow/{pid}/edit", dict(DECLARATION_FORM, name="管理员的修改", version=stale))
    assert conflict.status_code == 409
    assert "保存失败：该项目已被 editor" in conflict.text and 'name="version" value="2"' in conflict.text

    _step(ed, pid, "submit", "提交审核")
    assert post(ed, f"/workflow/{pid}/edit", dict(DECLARATION_FORM, version="3")).status_code == 403  # locked
    _step(rv, pid, "start_review")
    returned = _review(rv, pid, "中", "fail")
    assert returned.status_code == 303 and _state(ed, pid) == "已退回"
    _step(ed, pid, "revise", "按审核意见修改")
    r = post(ed, f"/workflow/{pid}/edit", dict(DECLARATION_FORM, ind_target=["≥1300人次", "≥90%", "=100%",
                                                                         "显著提升", "≥95%"],
                                              version=_version(ed, pid)))
    assert r.status_code == 303
    _step(ed, pid, "submit", "再次提交")
    _step(rv, pid, "start_review")
    assert _review(rv, pid, "优", "pass").status_code == 303
    assert _state(ed, pid) == "已批复"

    _monitor(ed, pid)
    _step(ed, pid, "start_self_evaluation", "开始自评")
    _evaluate(app, ed, pid)
    _step(rv, pid, "accept_self_evaluation", "确认自评")
    assert _state(admin, pid) == "自评已确认"
    _check_trail(admin, pid)


def _review(rv, pid: int, outcome: str, verdict: str):
    data = {f"verdict_{d}": verdict for d in ("completeness", "relevance", "appropriateness", "feasibility")}
    data |= {"comment_feasibility": "测算依据充分", "outcome": outcome, "comment": f"审核结论{outcome}",
             "version": _version(rv, pid)}
    return post(rv, f"/workflow/{pid}/review", data)


def _monitor(ed, pid: int) -> None:
    page = ed.get(f"/workflow/{pid}/monitoring").text
    keys = re.findall(r'name="p_key" value="([0-9a-f]+)"', page)
    assert len(keys) == 5
    preview = post(ed, f"/workflow/{pid}/monitoring/preview", {"as_of_month": "7", "spent_to_date": "100"})
    assert "红灯" in preview.text  # 100万 of 339.84万 = 29.43 % at 7/12 of the year → ratio 50.45 %
    data = {"as_of_month": "7", "spent_to_date": "200", "expected_year_end": "339.84", "p_key": keys,
            "p_progress": ["700人次", "92%", "100%", "", "93%"], "p_expected": [""] * 5,
            "p_possibility": ["确定能"] * 5, "p_measure": [""] * 5, "comment": "7月监控",
            "version": _version(ed, pid)}
    assert post(ed, f"/workflow/{pid}/monitoring", data).status_code == 303
    assert "绿灯" in ed.get(f"/workflow/{pid}").text  # 58.85 % spent at 58.33 % of the year


ACTUALS = ["1320人次", "85%", "100%", "基本完成", "96%"]


def _evaluate(app, ed, pid: int) -> None:
    page = ed.get(f"/workflow/{pid}/evaluation").text
    keys = re.findall(r'name="a_key" value="([0-9a-f]+)"', page)
    data = {"budget_adjusted": "339.84", "actual_total": "320", "a_key": keys, "a_actual": ACTUALS,
            "a_reason": ["", "", "", "", ""], "goal_actual": "完成培训1320人次", "problems": "",
            "version": _version(ed, pid)}
    shown = post(ed, f"/workflow/{pid}/evaluation/preview", data).text
    with app.state.factory() as session:
        snap = latest_snapshot(session, pid).data
    engine = preview(snap, SelfEvaluationIn(actual_total=Decimal("3200000"), budget_adjusted=Decimal("3398400"),
                                            indicators=[ActualIn(key=k, actual=a) for k, a in zip(keys, ACTUALS)]))
    assert re.search(r'id="score-total">([\d.]+)<', shown).group(1) == engine["total"] == "89.59"
    refused = post(ed, f"/workflow/{pid}/evaluation", dict(data, submit="1"))
    assert refused.status_code == 422 and "需填写偏差原因分析及改进措施" in refused.text
    data |= {"a_reason": ["", "部分学员考核未通过", "", "就业形势影响", ""], "version": _version(ed, pid),
             "submit": "1"}
    assert post(ed, f"/workflow/{pid}/evaluation", data).status_code == 303
    assert "自评已提交" in ed.get(f"/workflow/{pid}").text
    assert post(ed, f"/workflow/{pid}/evaluation", dict(data, version=_version(ed, pid))).status_code == 403


def _check_trail(admin, pid: int) -> None:
    page = admin.get(f"/workflow/{pid}").text
    rows = re.findall(r"<tr><td>(\d+)</td><td>\d{4}-", page)
    exported = admin.get(f"/workflow/{pid}/audit.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert len(table) - 1 == len(rows) == 16  # create … accept, each save and step once
    actions = [r[3] for r in table[1:]]
    assert actions[:3] == ["新建申报", "保存申报", action_label("submit")]
    assert actions.count(action_label("return")) == 1 and actions.count(action_label("approve")) == 1
    assert actions[-1] == action_label("accept_self_evaluation")
    assert [int(r[6]) for r in table[1:]] == list(range(1, len(table)))  # one entry per version
    assert table[2][8] == "绩效指标"  # the fix of the ≥190% target changed only the indicator table
    assert "指标值 ≥190%" in table[2][9] and "指标值 ≥90%" in table[2][10]  # in words, not JSON
    book = load_workbook(io.BytesIO(admin.get(f"/workflow/{pid}/audit.xlsx").content))
    sheet = book["审计记录"]
    assert sheet.max_row == len(table) + 1  # title row + the same rows
    assert sheet.cell(3, 4).value == "新建申报"
