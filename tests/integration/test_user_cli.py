"""``jixiao user add/list/disable/enable/token`` end to end, and the lockout service."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.services.login_throttle import reserve, settle
from jixiao.services.user_admin import LockoutSettings, locked_minutes
from jixiao.services.users import authenticate
from jixiao.storage.session import open_store


def run(*args):
    """``jixiao user …`` in process (the console script is tested end to end by test_cli)."""
    return CliRunner().invoke(app, ["user", *args])


def test_user_add_list_disable_enable_token(sqlite_url):
    r = run("add", "alice", "--role", "unit_editor", "--unit", "职业训练中心", "--name", "爱丽丝",
            "--password", "alice-pass-1", "--db", sqlite_url)
    assert r.exit_code == 0, r.stderr
    assert "已新增用户 alice" in r.stdout
    bad = run("add", "bob", "--role", "unit_editor", "--password", "bob-pass-12", "--db", sqlite_url)
    assert bad.exit_code == 1 and "所属单位" in bad.stderr
    dup = run("add", "alice", "--role", "viewer", "--password", "alice-pass-1", "--db", sqlite_url)
    assert dup.exit_code == 1 and "已存在" in dup.stderr
    role = run("add", "carol", "--role", "boss", "--password", "carol-pass-1", "--db", sqlite_url)
    assert role.exit_code == 1 and "未知角色" in role.stderr
    assert run("add", "rev", "--role", "reviewer", "--password", "rev-pass-12", "--db", sqlite_url).exit_code == 0

    factory = open_store(sqlite_url)
    assert authenticate(factory, "alice", "alice-pass-1").units == ("职业训练中心",)
    assert run("disable", "alice", "--db", sqlite_url).exit_code == 0
    assert authenticate(factory, "alice", "alice-pass-1") is None
    listed = json.loads(run("list", "--json", "--db", sqlite_url).stdout)
    assert [(u["username"], u["role"], u["units"], u["disabled"]) for u in listed] == [
        ("alice", "unit_editor", ["职业训练中心"], True), ("rev", "reviewer", [], False)]
    assert run("enable", "alice", "--db", sqlite_url).exit_code == 0
    assert authenticate(factory, "alice", "alice-pass-1") is not None
    tok = run("token", "rev", "--db", sqlite_url)
    assert tok.exit_code == 0 and "jx_" in tok.stdout
    assert run("disable", "nobody", "--db", sqlite_url).exit_code == 1


def test_lock_after_repeated_failures(sqlite_url):
    factory = open_store(sqlite_url)
    assert run("add", "dan", "--role", "viewer", "--password", "dan-pass-12", "--db", sqlite_url).exit_code == 0
    settings = LockoutSettings(max_failures=3, lock_minutes=10)
    for attempt in range(3):
        assert reserve(factory, "dan", settings) is None
        assert authenticate(factory, "dan", "wrong") is None
        assert settle(factory, "dan", False, settings) is (attempt == 2)
    assert reserve(factory, "dan", settings) == 10
    assert locked_minutes(factory, "dan") == 10
    assert locked_minutes(factory, "nobody") is None
