"""``/api/v1/workflow`` end to end on SQLite and PostgreSQL: tokens with their users' rights, a 409
with the newer values, bad input as JSON 4xx, a project from declaration to accepted self-evaluation."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.integration.workflow_helpers import declaration, review_form
from tests.web.workflow_web_helpers import bearer, workflow_app

BASE = "/api/v1/workflow/projects"
ACTUALS = ["1260人次", "85%", "100%", "基本完成", "96%"]


def test_api_walks_a_project_and_reports_conflicts(db_url):
    app, people = workflow_app(db_url)
    c = TestClient(app)
    ed, rv = bearer(app, people, "editor"), bearer(app, people, "reviewer")
    body = declaration().model_dump(mode="json")
    r = c.post(BASE, json=body, headers=ed)
    assert r.status_code == 201, r.text
    p = r.json()
    pid, v = p["id"], p["version"]
    assert (p["state"], v, p["money"]["total"]) == ("draft", 1, "3398400.00")

    first = c.put(f"{BASE}/{pid}", json={"version": 1, "declaration": body | {"goal": "甲"}}, headers=ed)
    assert first.status_code == 200 and first.json()["version"] == 2
    second = c.put(f"{BASE}/{pid}", json={"version": 1, "declaration": body | {"goal": "乙"}}, headers=ed)
    assert second.status_code == 409
    err = second.json()
    assert err["error"]["code"] == "conflict" and err["version"] == 2 and err["current"]["goal"] == "甲"

    v = _act(c, ed, pid, "submit", 2)
    assert c.post(f"{BASE}/{pid}/actions", json={"version": v, "action": "start_review", "comment": ""},
                  headers=rv).status_code == 422  # a comment is required
    v = _act(c, rv, pid, "start_review", v)
    r = c.post(f"{BASE}/{pid}/review", json={"version": v, "review": review_form("良").model_dump(mode="json")},
               headers=rv)
    assert r.status_code == 200 and r.json()["state"] == "approved"
    keys = [i["key"] for i in c.get(f"{BASE}/{pid}", headers=ed).json()["snapshot"]["indicators"]]
    v = _act(c, ed, pid, "start_self_evaluation", r.json()["version"])
    evaluation = {"actual_total": "3200000", "problems": "无",
                  "indicators": [{"key": k, "actual": a, "deviation_reason": "已说明原因"}
                                 for k, a in zip(keys, ACTUALS)]}
    r = c.put(f"{BASE}/{pid}/self-evaluation", json={"version": v, "evaluation": evaluation, "submit": True},
              headers=ed)
    assert r.status_code == 200 and r.json()["state"] == "evaluation_submitted"
    got = c.get(f"{BASE}/{pid}", headers=rv).json()
    assert (got["self_evaluation"]["total"], got["self_evaluation"]["grade"]) == ("89.59", "良")
    assert got["allowed_actions"] == ["accept_self_evaluation", "return_self_evaluation"]
    trail = c.get(f"{BASE}/{pid}/audit", headers=rv).json()["items"]
    assert [a["action"] for a in trail] == ["create", "save_declaration", "submit", "start_review", "approve",
                                            "start_self_evaluation", "save_self_evaluation",
                                            "submit_self_evaluation"]


def _act(c, headers, pid: int, action: str, version: int) -> int:
    r = c.post(f"{BASE}/{pid}/actions", json={"version": version, "action": action, "comment": action},
               headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["version"]


def test_api_refusals_are_clear_json(db_url):
    app, people = workflow_app(db_url)
    c = TestClient(app)
    ed, rv = bearer(app, people, "editor"), bearer(app, people, "reviewer")
    body = declaration().model_dump(mode="json")
    bad = c.post(BASE, json=body | {"money": {"gold": "1"}}, headers=ed)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"
    foreign = c.post(BASE, json=body | {"unit": "劳动监察大队"}, headers=ed)
    assert foreign.status_code == 403 and "劳动监察大队" in foreign.json()["error"]["message"]
    pid = c.post(BASE, json=body, headers=ed).json()["id"]
    wrong = c.post(f"{BASE}/{pid}/actions", json={"version": 1, "action": "start_review", "comment": "x"},
                   headers=rv)
    assert wrong.status_code == 409 and wrong.json()["error"]["code"] == "wrong_state"
    role = c.post(f"{BASE}/{pid}/actions", json={"version": 1, "action": "submit", "comment": "x"}, headers=rv)
    assert role.status_code == 403 and role.json()["error"]["code"] == "forbidden_role"
    assert c.get(f"{BASE}/999999", headers=ed).status_code == 404
    gone = c.post(f"{BASE}/{pid}/delete", json={"version": 1, "comment": "重复"}, headers=ed)
    assert gone.status_code == 200 and gone.json()["deleted"] is True
    assert c.get(f"{BASE}/{pid}", headers=ed).status_code == 404
    assert c.get(BASE, headers=ed).json()["items"] == []
