"""The yearly life of a project as an explicit state machine (declare → review → monitor → evaluate).

Pure: no storage, no clock. The service layer asks :func:`transition` for the next state and records
it with the actor and comment in the audit trail. Every transition names the roles that may take it
and needs a comment, so that each step can be explained later (rules.md §1, §4, §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    """Where a project stands in its year."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    RETURNED = "returned"
    APPROVED = "approved"
    MONITORING = "monitoring"
    SELF_EVALUATION = "self_evaluation"
    EVALUATION_SUBMITTED = "evaluation_submitted"
    EVALUATED = "evaluated"


class Role(StrEnum):
    """What a user may do; scope (which units) is checked separately by the services."""

    ADMIN = "admin"
    REVIEWER = "reviewer"
    UNIT_EDITOR = "unit_editor"
    VIEWER = "viewer"


class Action(StrEnum):
    """The steps a user can take."""

    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    START_REVIEW = "start_review"
    APPROVE = "approve"
    RETURN = "return"
    REVISE = "revise"
    MONITOR = "monitor"
    START_SELF_EVALUATION = "start_self_evaluation"
    SUBMIT_SELF_EVALUATION = "submit_self_evaluation"
    ACCEPT_SELF_EVALUATION = "accept_self_evaluation"
    RETURN_SELF_EVALUATION = "return_self_evaluation"
    ADJUST = "adjust"


STATE_LABELS: dict[str, str] = {  # State is a StrEnum: a plain string finds its label too
    State.DRAFT: "草稿", State.SUBMITTED: "已提交", State.UNDER_REVIEW: "审核中",
    State.RETURNED: "已退回", State.APPROVED: "已批复", State.MONITORING: "运行监控中",
    State.SELF_EVALUATION: "自评填报中", State.EVALUATION_SUBMITTED: "自评已提交",
    State.EVALUATED: "自评已确认",
}
ACTION_LABELS = {
    Action.SUBMIT: "提交申报", Action.WITHDRAW: "撤回申报", Action.START_REVIEW: "开始审核",
    Action.APPROVE: "审核通过", Action.RETURN: "退回修改", Action.REVISE: "重新编辑",
    Action.MONITOR: "填报运行监控", Action.START_SELF_EVALUATION: "开始自评",
    Action.SUBMIT_SELF_EVALUATION: "提交自评", Action.ACCEPT_SELF_EVALUATION: "确认自评",
    Action.RETURN_SELF_EVALUATION: "退回自评", Action.ADJUST: "预算调整（重新申报）",
}
ROLE_LABELS = {Role.ADMIN: "管理员", Role.REVIEWER: "审核人", Role.UNIT_EDITOR: "单位填报人",
               Role.VIEWER: "只读用户"}

_UNIT = frozenset({Role.UNIT_EDITOR, Role.ADMIN})
_REVIEW = frozenset({Role.REVIEWER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed step: from these states, by these roles, to a target state."""

    action: Action
    sources: frozenset[State]
    target: State
    roles: frozenset[Role]


TRANSITIONS: dict[Action, Transition] = {t.action: t for t in (
    Transition(Action.SUBMIT, frozenset({State.DRAFT}), State.SUBMITTED, _UNIT),
    Transition(Action.WITHDRAW, frozenset({State.SUBMITTED}), State.DRAFT, _UNIT),
    Transition(Action.START_REVIEW, frozenset({State.SUBMITTED}), State.UNDER_REVIEW, _REVIEW),
    Transition(Action.APPROVE, frozenset({State.UNDER_REVIEW}), State.APPROVED, _REVIEW),
    Transition(Action.RETURN, frozenset({State.UNDER_REVIEW}), State.RETURNED, _REVIEW),
    Transition(Action.REVISE, frozenset({State.RETURNED}), State.DRAFT, _UNIT),
    Transition(Action.MONITOR, frozenset({State.APPROVED, State.MONITORING}), State.MONITORING, _UNIT),
    Transition(Action.START_SELF_EVALUATION, frozenset({State.APPROVED, State.MONITORING}),
               State.SELF_EVALUATION, _UNIT),
    Transition(Action.SUBMIT_SELF_EVALUATION, frozenset({State.SELF_EVALUATION}),
               State.EVALUATION_SUBMITTED, _UNIT),
    Transition(Action.ACCEPT_SELF_EVALUATION, frozenset({State.EVALUATION_SUBMITTED}),
               State.EVALUATED, _REVIEW),
    Transition(Action.RETURN_SELF_EVALUATION, frozenset({State.EVALUATION_SUBMITTED}),
               State.SELF_EVALUATION, _REVIEW),
    # rules.md §4: a budget adjustment reopens review, so the declaration goes back to draft.
    Transition(Action.ADJUST, frozenset({State.APPROVED, State.MONITORING}), State.DRAFT, _UNIT),
)}

# Which part of a project may be edited in which state (everything else is locked).
EDITABLE_PART: dict[str, str] = {
    State.DRAFT: "declaration",
    State.APPROVED: "monitoring",
    State.MONITORING: "monitoring",
    State.SELF_EVALUATION: "self_evaluation",
}
WRITER_ROLES = _UNIT


class TransitionError(ValueError):
    """A step that is not allowed; the message is for the user, in Chinese."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def transition(state: State | str, action: Action | str, role: Role | str, comment: str | None) -> State:
    """The state after ``action`` — or a TransitionError saying in Chinese why the step is refused."""
    try:
        act, role_ = Action(action), Role(role)
    except ValueError:
        raise TransitionError(f"未知的操作或角色: {action} / {role}", "unknown") from None
    step = TRANSITIONS[act]
    if role_ not in step.roles:
        raise TransitionError(
            f"“{ROLE_LABELS[role_]}”不能执行“{ACTION_LABELS[act]}”", "forbidden_role")
    if state not in step.sources:
        raise TransitionError(
            f"项目当前状态为“{STATE_LABELS.get(state, state)}”，不能执行“{ACTION_LABELS[act]}”",
            "wrong_state")
    if not (comment or "").strip():
        raise TransitionError(f"“{ACTION_LABELS[act]}”需要填写说明", "no_comment")
    return step.target


def allowed_actions(state: State | str, role: Role | str) -> list[Action]:
    """The steps a user with ``role`` can take from ``state``, in declaration order (for buttons)."""
    return [t.action for t in TRANSITIONS.values() if state in t.sources and role in t.roles]


def editable_part(state: State | str, role: Role | str) -> str | None:
    """Which form (declaration, monitoring, self_evaluation) ``role`` may save now; None if locked."""
    if role not in WRITER_ROLES:
        return None
    return EDITABLE_PART.get(state)


def review_outcome_action(outcome: str) -> Action:
    """A review's 优/良 approves, 中/差 returns (rules.md §4)."""
    if outcome in ("优", "良"):
        return Action.APPROVE
    if outcome in ("中", "差"):
        return Action.RETURN
    raise TransitionError(f"审核结论必须是 优/良/中/差，而不是“{outcome}” (outcome must be 优/良/中/差)", "bad_outcome")
