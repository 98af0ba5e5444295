"""``/api/v1/workflow``: the yearly workflow for API clients, with the same rights as the pages.

Every write names the ``version`` it was based on; a newer save by someone else answers 409 with the
current values and version instead of being overwritten.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from jixiao.services import workflow as wf
from jixiao.services.workflow_data import DeclarationIn, MonitoringIn, ReviewIn, SelfEvaluationIn
from jixiao.services.workflow_evaluation import save_self_evaluation, submit_self_evaluation
from jixiao.services.workflow_monitoring import save_monitoring
from jixiao.services.workflow_review import review
from jixiao.services.workflow_view import audit_json, project_json, project_view

from ..deps import ApiUser, DbSession
from ..workflow_deps import ApiWritableProject, ApiWriter

router = APIRouter(prefix="/api/v1/workflow", tags=["申报与评价"])


class Versioned(BaseModel):
    """The version a write is based on, and an optional comment for the audit trail."""

    version: int = Field(ge=1)
    comment: str | None = None


class DeclarationSave(Versioned):
    declaration: DeclarationIn


class ActionIn(Versioned):
    action: str
    comment: str


class ReviewSave(Versioned):
    review: ReviewIn


class MonitoringSave(Versioned):
    report: MonitoringIn
    comment: str


class EvaluationSave(Versioned):
    evaluation: SelfEvaluationIn
    submit: bool = False


class DeleteIn(Versioned):
    comment: str
    restore: bool = False


def _saved(request: Request, user, project_id: int) -> dict:
    with request.app.state.factory() as session:
        return project_json(wf.get_project(session, user, project_id))


@router.get("/projects", summary="申报项目列表")
def list_projects(session: DbSession, user: ApiUser, year: int | None = None, state: str | None = None):
    """The declared projects in the caller's scope."""
    return {"items": [project_json(r) for r in wf.list_projects(session, user, year=year, state=state)]}


@router.post("/projects", status_code=201, summary="新建申报")
def create(request: Request, body: DeclarationIn, user: ApiWriter):
    """Start a declaration in draft (unit editors for their own units, administrators)."""
    saved = wf.create_declaration(request.app.state.factory, user, body)
    return _saved(request, user, saved.project_id)


@router.get("/projects/{project_id}", summary="申报项目详情")
def get(project_id: int, session: DbSession, user: ApiUser):
    """A project with its reviews, monitoring reports, self-evaluation and allowed steps."""
    view = project_view(session, user, project_id)
    ev = view["evaluation"]
    return {**project_json(view["row"]), "allowed_actions": [a for a, _ in view["plain_actions"]],
            "form_actions": sorted(view["form_actions"]),
            "snapshot": view["snapshot"].data if view["snapshot"] else None,
            "reviews": [{"outcome": r.outcome, "comment": r.comment, "dimensions": r.dimensions,
                         "at": r.created_at.isoformat()} for r in view["reviews"]],
            "monitoring": [{"as_of_month": m.as_of_month, "execution_rate": str(m.execution_rate or ""),
                            "light": m.light} for m in view["reports"]],
            "self_evaluation": ev.score if ev else None}


@router.put("/projects/{project_id}", summary="保存申报（带版本号）")
def save(request: Request, project_id: int, body: DeclarationSave, user: ApiUser, _: ApiWritableProject):
    """Save a draft declaration; 409 with the newer values if someone saved since ``version``."""
    wf.save_declaration(request.app.state.factory, user, project_id, body.version, body.declaration, body.comment)
    return _saved(request, user, project_id)


@router.post("/projects/{project_id}/actions", summary="流程操作")
def act(request: Request, project_id: int, body: ActionIn, user: ApiUser, _: ApiWritableProject):
    """A lifecycle step: submit, withdraw, start_review, revise, start_self_evaluation, … (comment required)."""
    wf.take_action(request.app.state.factory, user, project_id, body.action, body.comment, body.version)
    return _saved(request, user, project_id)


@router.post("/projects/{project_id}/review", summary="审核")
def do_review(request: Request, project_id: int, body: ReviewSave, user: ApiUser, _: ApiWritableProject):
    """Review: 优/良 approve, 中/差 return."""
    review(request.app.state.factory, user, project_id, body.version, body.review)
    return _saved(request, user, project_id)


@router.post("/projects/{project_id}/monitoring", summary="运行监控")
def monitor(request: Request, project_id: int, body: MonitoringSave, user: ApiUser, _: ApiWritableProject):
    """Record a monitoring report (as-of month defaults to the setting, July)."""
    save_monitoring(request.app.state.factory, user, project_id, body.version, body.report, body.comment)
    return _saved(request, user, project_id)


@router.put("/projects/{project_id}/self-evaluation", summary="自评（可同时提交）")
def evaluate(request: Request, project_id: int, body: EvaluationSave, user: ApiUser, _: ApiWritableProject):
    """Save the self-evaluation (scored against the snapshot); ``submit`` also submits it for review."""
    factory = request.app.state.factory
    saved = save_self_evaluation(factory, user, project_id, body.version, body.evaluation, body.comment)
    if body.submit:
        submit_self_evaluation(factory, user, project_id, saved.version, body.comment or "提交自评")
    return _saved(request, user, project_id)


@router.post("/projects/{project_id}/delete", summary="删除或恢复（软删除）")
def delete(request: Request, project_id: int, body: DeleteIn, user: ApiUser, _: ApiWritableProject):
    """Soft delete (unit editors: drafts only) or restore (administrators)."""
    saved = wf.soft_delete(request.app.state.factory, user, project_id, body.comment, body.version, body.restore)
    return {"id": project_id, "deleted": not body.restore, "version": saved.version, "state": saved.state}


@router.get("/projects/{project_id}/audit", summary="审计记录")
def audit(project_id: int, session: DbSession, user: ApiUser):
    """The project's audit trail: who, when, which step, before and after."""
    return {"items": audit_json(wf.audit_trail(session, user, project_id))}

