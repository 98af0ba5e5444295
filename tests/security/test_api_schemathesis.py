"""Issue 16: a bounded schemathesis run over the OpenAPI spec of ``/api/v1``, as an administrator
and as a unit editor: whatever the generated request, the answer is never a 5xx, and every error
has the documented ``{"error": {"code", "message"}}`` shape."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from jixiao.services.users import create_token, create_user
from jixiao.storage.session import transaction
from tests.web.conftest import load

EXAMPLES = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES") or 8)
HEADERS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    loaded = load(f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'jixiao.db'}")
    with transaction(loaded.app.state.factory) as session:
        editor = create_user(session, "fuzz_editor", "fuzz-editor-1", "unit_editor", None, ("职业训练中心",))
        HEADERS["editor"] = {"Authorization": f"Bearer {create_token(session, editor.id, 'fuzz')}"}
    HEADERS["admin"] = loaded.admin
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", loaded.app)


schema = schemathesis.pytest.from_fixture("api_schema")


def _call(case, who: str) -> None:
    response = case.call(headers=HEADERS[who])
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    kind = response.headers.get("content-type") or [""]
    kind = kind[0] if isinstance(kind, list) else kind
    if response.status_code >= 400 and kind.startswith("application/json"):
        error = response.json().get("error", {})
        assert error.get("code") and error.get("message"), response.text[:300]


BOUNDED = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@BOUNDED
def test_api_never_answers_5xx_to_an_administrator(case):
    _call(case, "admin")


@schema.parametrize()
@BOUNDED
def test_api_never_answers_5xx_to_a_unit_editor(case):
    _call(case, "editor")
