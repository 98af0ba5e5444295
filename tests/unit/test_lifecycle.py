"""The project lifecycle: every allowed and every forbidden transition, checked exhaustively.

The expected table is written out here by hand (not derived from the module) so that a change to
the state machine must be made consciously in both places.
"""

from __future__ import annotations

import itertools

import pytest

from jixiao.domain.lifecycle import (
    Action,
    Role,
    State,
    TransitionError,
    allowed_actions,
    editable_part,
    review_outcome_action,
    transition,
)

U, R, A = "unit_editor", "reviewer", "admin"

# (from state, action) → (to state, roles allowed)
EXPECTED = {
    ("draft", "submit"): ("submitted", {U, A}),
    ("submitted", "withdraw"): ("draft", {U, A}),
    ("submitted", "start_review"): ("under_review", {R, A}),
    ("under_review", "approve"): ("approved", {R, A}),
    ("under_review", "return"): ("returned", {R, A}),
    ("returned", "revise"): ("draft", {U, A}),
    ("approved", "monitor"): ("monitoring", {U, A}),
    ("monitoring", "monitor"): ("monitoring", {U, A}),
    ("approved", "start_self_evaluation"): ("self_evaluation", {U, A}),
    ("monitoring", "start_self_evaluation"): ("self_evaluation", {U, A}),
    ("self_evaluation", "submit_self_evaluation"): ("evaluation_submitted", {U, A}),
    ("evaluation_submitted", "accept_self_evaluation"): ("evaluated", {R, A}),
    ("evaluation_submitted", "return_self_evaluation"): ("self_evaluation", {R, A}),
    ("approved", "adjust"): ("draft", {U, A}),
    ("monitoring", "adjust"): ("draft", {U, A}),
}

ALL = list(itertools.product(list(State), list(Action), list(Role)))


def _expected(state, action, role):
    hit = EXPECTED.get((state.value, action.value))
    if hit is None or role.value not in hit[1]:
        return None
    return hit[0]


@pytest.mark.parametrize(("state", "action", "role"), ALL, ids=lambda v: v.value)
def test_every_transition_is_allowed_or_refused_as_specified(state, action, role):
    want = _expected(state, action, role)
    if want is None:
        with pytest.raises(TransitionError) as info:
            transition(state, action, role, "说明")
        assert info.value.code in ("forbidden_role", "wrong_state")
        assert "不能" in str(info.value)
    else:
        assert transition(state, action, role, "说明") == State(want)


def test_the_table_covers_exactly_the_allowed_steps():
    allowed = {(s, a, r) for s, a, r in ALL if _expected(s, a, r)}
    assert len(allowed) == 30  # 15 steps × 2 roles each
    assert {(s, a, r) for s in State for r in Role for a in allowed_actions(s, r)} == allowed


def test_viewer_can_do_nothing_anywhere():
    assert all(allowed_actions(s, Role.VIEWER) == [] for s in State)
    assert all(editable_part(s, Role.VIEWER) is None for s in State)


@pytest.mark.parametrize("comment", [None, "", "   ", "\n\t"])
def test_a_comment_is_required(comment):
    with pytest.raises(TransitionError) as info:
        transition(State.DRAFT, Action.SUBMIT, Role.UNIT_EDITOR, comment)
    assert info.value.code == "no_comment"
    assert "说明" in str(info.value)


def test_role_is_checked_before_state_so_the_message_names_the_real_obstacle():
    with pytest.raises(TransitionError) as info:
        transition(State.APPROVED, Action.APPROVE, Role.UNIT_EDITOR, "x")
    assert info.value.code == "forbidden_role"
    assert "单位填报人" in str(info.value) and "审核通过" in str(info.value)
    with pytest.raises(TransitionError) as info:
        transition(State.APPROVED, Action.APPROVE, Role.REVIEWER, "x")
    assert info.value.code == "wrong_state" and "已批复" in str(info.value)


def test_plain_strings_are_accepted_and_unknown_ones_refused():
    assert transition("draft", "submit", "unit_editor", "ok") is State.SUBMITTED
    with pytest.raises(TransitionError) as info:
        transition("draft", "publish", "unit_editor", "ok")
    assert info.value.code == "unknown"
    with pytest.raises(TransitionError):
        transition("draft", "submit", "guest", "ok")


def test_a_full_year_with_a_return_and_fix_round():
    steps = [("submit", U), ("start_review", R), ("return", R), ("revise", U), ("submit", U),
             ("start_review", R), ("approve", R), ("monitor", U), ("monitor", U),
             ("start_self_evaluation", U), ("submit_self_evaluation", U),
             ("return_self_evaluation", R), ("submit_self_evaluation", U), ("accept_self_evaluation", R)]
    state = State.DRAFT
    seen = [state]
    for action, role in steps:
        state = transition(state, action, role, f"{action} 说明")
        seen.append(state)
    assert state is State.EVALUATED
    assert set(seen) == set(State)  # every state visited


@pytest.mark.parametrize(("state", "part"), [
    ("draft", "declaration"), ("submitted", None), ("under_review", None), ("returned", None),
    ("approved", "monitoring"), ("monitoring", "monitoring"), ("self_evaluation", "self_evaluation"),
    ("evaluation_submitted", None), ("evaluated", None)])
def test_what_can_be_edited_in_each_state(state, part):
    assert editable_part(state, Role.UNIT_EDITOR) == part
    assert editable_part(state, Role.ADMIN) == part
    assert editable_part(state, Role.REVIEWER) is None


@pytest.mark.parametrize(("outcome", "action"), [("优", Action.APPROVE), ("良", Action.APPROVE),
                                                  ("中", Action.RETURN), ("差", Action.RETURN)])
def test_review_outcome_decides_approve_or_return(outcome, action):
    assert review_outcome_action(outcome) is action


def test_unknown_review_outcome_is_refused():
    with pytest.raises(TransitionError) as info:
        review_outcome_action("好")
    assert info.value.code == "bad_outcome"

