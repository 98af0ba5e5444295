"""Signed-in test clients for the workflow web tests (login through the form, with its CSRF token)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from jixiao.services.users import create_token
from jixiao.storage.session import transaction
from tests.integration.workflow_helpers import PASSWORD, make_people
from tests.web.conftest import make_app

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client: TestClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page's form."""
    return TOKEN.search(client.get(path).text).group(1)


def signed_in(app, username: str | None) -> TestClient:
    """A client signed in as ``username`` (None: a visitor who only opened the login page)."""
    client = TestClient(app)
    token = csrf(client)
    if username is not None:
        r = client.post("/login", data={"username": username, "password": PASSWORD, "next": "/",
                                        "csrf_token": token}, follow_redirects=False)
        assert r.status_code == 303, r.text
        token = csrf(client, "/workflow")
    client.csrf = token  # type: ignore[attr-defined]
    return client


def post(client: TestClient, url: str, data: dict | None = None, **kw):
    """A form POST with the session's CSRF token, not following redirects."""
    return client.post(url, data={**(data or {}), "csrf_token": client.csrf},
                       follow_redirects=False, **kw)


def bearer(app, people: dict, username: str) -> dict:
    """An API Authorization header for one of the people."""
    with transaction(app.state.factory) as session:
        token = create_token(session, people[username].user_id, "test")
    return {"Authorization": f"Bearer {token}"}


def workflow_app(db_url: str):
    """An app over ``db_url`` with the workflow's people; returns (app, people)."""
    app = make_app(db_url)
    return app, make_people(app.state.factory)


DECLARATION_FORM = {
    "year": "2026", "unit": "职业训练中心", "name": "职业技能提升培训补贴", "department": "深圳市龙岗区人力资源局",
    "code": "440307250000000001", "money_unit": "wan_yuan", "money_general_public": "329.84",
    "money_carried_over": "10", "fact_type": "民生类", "fact_period": "2026年1月-12月",
    "basis": "2360*12个月*120人=339.84万元", "goal": "全年开展职业技能培训不少于1200人次，培训合格率不低于90%。",
    "ind_key": ["", "", "", "", ""],
    "ind_level2": ["quantity", "quality", "timeliness", "social", "service_satisfaction"],
    "ind_name": ["培训人次", "培训合格率", "补贴发放及时率", "参训人员就业能力", "参训人员满意度"],
    "ind_target": ["≥1200人次", "≥90%", "=100%", "显著提升", "≥90%"],
    "ind_weight": ["20", "15", "15", "30", "10"], "ind_note": ["", "", "", "", ""],
}
