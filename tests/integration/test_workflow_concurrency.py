"""Twenty clients save declarations at once on PostgreSQL: no lost update, every conflict reported,
the audit trail complete. Ten clients share one project; ten each edit a project of their own."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from tests.integration.workflow_helpers import declaration, make_people

from jixiao.services import workflow as wf

CLIENTS = 20
SHARED = 10  # clients 0..9 edit the same project, 10..19 one project each
ROUNDS = 8


def _client(store, user, project_id: int, n: int, barrier, log: list, lock) -> None:
    barrier.wait()
    for r in range(ROUNDS):
        with store() as session:
            version = wf.get_project(session, user, project_id).version
        goal = f"client {n} round {r}"
        decl = declaration()
        decl.goal = goal
        try:
            saved = wf.save_declaration(store, user, project_id, version, decl, f"c{n}r{r}")
            entry = ("saved", project_id, n, version, saved.version, goal, None)
        except wf.Conflict as exc:
            entry = ("conflict", project_id, n, version, exc.version, goal, exc.current["goal"])
        with lock:
            log.append(entry)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_twenty_clients_no_lost_update_and_complete_audit(store, db_url):
    people = make_people(store)
    users = [people["editor"], people["admin"]]
    ids = [wf.create_declaration(store, people["editor"], declaration(name=f"项目{i}")).project_id
           for i in range(1 + CLIENTS - SHARED)]
    target = [ids[0]] * SHARED + ids[1:]
    barrier, lock, log = threading.Barrier(CLIENTS), threading.Lock(), []
    threads = [threading.Thread(target=_client, args=(store, users[n % 2], target[n], n, barrier, log, lock))
               for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(log) == CLIENTS * ROUNDS  # every attempt ended in a save or a reported conflict

    with store() as session:
        for pid in ids:
            _check_project(session, people["admin"], pid, [e for e in log if e[1] == pid])
    kinds = Counter((e[0], e[1] == ids[0]) for e in log)
    assert kinds[("conflict", True)] > 0  # the shared project really was contended
    assert kinds[("conflict", False)] == 0  # nobody else touched the private projects


def _check_project(session, admin, pid: int, entries: list) -> None:
    saves = sorted((e for e in entries if e[0] == "saved"), key=lambda e: e[4])
    row = wf.get_project(session, admin, pid)
    trail = wf.audit_trail(session, admin, pid)
    # Each save produced exactly the next version, and the trail has one entry per version.
    assert [e[4] for e in saves] == list(range(2, row.version + 1))
    assert [a.version for a in trail] == list(range(1, row.version + 1))
    assert all(e[3] + 1 == e[4] for e in saves)  # a save only ever succeeded on the version it read
    # No lost update: the trail records every saved value, and the row holds the last one.
    saved_goal = {a.version: (a.after or {}).get("goal") for a in trail[1:]}
    first_goal = trail[0].after["goal"]
    for e in saves:
        assert saved_goal[e[4]] in (e[5], None)  # None: same goal as before, nothing changed
    assert row.goal == (saves[-1][5] if saves else first_goal)
    # Every conflict was reported with a newer version and values that were really committed.
    committed = {first_goal} | {e[5] for e in saves}
    for e in entries:
        if e[0] == "conflict":
            assert e[4] > e[3] and e[6] in committed
