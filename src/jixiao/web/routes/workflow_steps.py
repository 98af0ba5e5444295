"""The forms of the later steps: review (审核), monitoring (运行监控) and self-evaluation (自评), and
the HTMX partials that compute as the user types: 测算依据, the progress light, the score."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from jixiao.services import workflow as wf
from jixiao.services.workflow_data import DEVIATION_CATEGORIES, DIMENSIONS, POSSIBILITIES, VERDICTS, basis_summary
from jixiao.services.workflow_evaluation import preview, save_self_evaluation, submit_self_evaluation
from jixiao.services.workflow_monitoring import money_progress, save_monitoring
from jixiao.services.workflow_review import latest_snapshot, review
from jixiao.services.workflow_settings import workflow_settings
from jixiao.services.workflow_scope import Invalid
from jixiao.services.workflow_view import project_view

from ..deps import DbSession, PageUser
from ..render import render
from ..workflow_deps import SeenProject, WritableProject
from ..workflow_forms import (
    FORM_SOURCES,
    evaluation_from_form,
    form_int,
    monitoring_from_form,
    money_in,
    review_from_form,
    rows_by_key,
)

router = APIRouter(include_in_schema=False)


def _go(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _step_page(request: Request, session, user, project_id: int, template: str, status: int = 200, **extra):
    view = project_view(session, user, project_id)
    snap, ev, form = view["snapshot"], view["evaluation"], extra.get("form")
    prior = (rows_by_key(form, "p", ("progress", "expected", "possibility", "measure"))
             if template.endswith("monitoring.html") else rows_by_key(form, "a", ("actual", "reason")))
    ctx = {**view, "snap": snap.data if snap else None, "dimensions": DIMENSIONS, "verdicts": VERDICTS,
           "possibilities": POSSIBILITIES, "categories": DEVIATION_CATEGORIES, "settings": workflow_settings(),
           "unit": view["row"].money_unit, "problems": [], "message": None, "form": None, "prior": prior,
           "saved_actuals": {a["key"]: a for a in (ev.indicators or [])} if ev else {}, **extra}
    return render(request, template, ctx, status=status)


@router.post("/workflow/basis-preview", name="workflow_basis_preview")
async def basis_preview(request: Request, user: PageUser):
    """HTMX: the 测算依据 read as the user types, with its total against the declared amount."""
    form = await request.form()
    unit = form.get("money_unit") or "wan_yuan"
    amounts = [money_in(form, f"money_{s}", unit, []) for s in FORM_SOURCES]
    given = [a for a in amounts if a is not None]
    declared = sum(given) if given else None
    summary = basis_summary(form.get("basis"), declared)
    return render(request, "workflow/_basis.html", {"b": summary, "unit": unit})


@router.get("/workflow/{project_id}/review", name="workflow_review_form")
def review_form_page(request: Request, project_id: int, session: DbSession, user: PageUser):
    """The review form: four dimensions with verdict and comment, outcome 优/良/中/差."""
    return _step_page(request, session, user, project_id, "workflow/review.html")


@router.post("/workflow/{project_id}/review", name="workflow_review")
async def review_submit(request: Request, project_id: int, session: DbSession, user: PageUser,
                        _: WritableProject):
    """Record the review: 优/良 approve, 中/差 return to the unit."""
    form = await request.form()
    try:
        await run_in_threadpool(review, request.app.state.factory, user, project_id, form_int(form, "version"),
                                review_from_form(form))
    except Invalid as exc:
        return _step_page(request, session, user, project_id, "workflow/review.html", 422,
                          problems=exc.details, message=exc.message, form=form)
    return _go(f"/workflow/{project_id}")


@router.get("/workflow/{project_id}/monitoring", name="workflow_monitoring_form")
def monitoring_page(request: Request, project_id: int, session: DbSession, user: PageUser):
    """The monitoring form against the approved targets (as-of month from the settings)."""
    return _step_page(request, session, user, project_id, "workflow/monitoring.html")


@router.post("/workflow/{project_id}/monitoring/preview", name="workflow_monitoring_preview")
async def monitoring_preview(request: Request, project_id: int, session: DbSession, row: SeenProject):
    """HTMX: execution rate, time ratio and light for the amount typed so far."""
    form = await request.form()
    settings = workflow_settings()
    month = form_int(form, "as_of_month", settings.monitoring_month)
    spent = money_in(form, "spent_to_date", row.money_unit, [])
    progress = money_progress(latest_snapshot(session, project_id).data, spent, month, settings)
    return render(request, "workflow/_light.html", {"p": progress, "month": month})


@router.post("/workflow/{project_id}/monitoring", name="workflow_monitoring")
async def monitoring_submit(request: Request, project_id: int, session: DbSession, user: PageUser,
                            row: WritableProject):
    """Save the monitoring report of the month."""
    form = await request.form()
    try:
        report = monitoring_from_form(form, row.money_unit)
        await run_in_threadpool(save_monitoring, request.app.state.factory, user, project_id,
                                form_int(form, "version"), report, form.get("comment"), workflow_settings())
    except Invalid as exc:
        return _step_page(request, session, user, project_id, "workflow/monitoring.html", 422,
                          problems=exc.details, message=exc.message, form=form)
    except wf.Conflict as exc:
        session.expire_all()
        return _step_page(request, session, user, project_id, "workflow/monitoring.html", 409, message=exc.message)
    return _go(f"/workflow/{project_id}")


@router.get("/workflow/{project_id}/evaluation", name="workflow_evaluation_form")
def evaluation_page(request: Request, project_id: int, session: DbSession, user: PageUser):
    """The self-evaluation form; the score shown is the engine's, against the approved snapshot."""
    return _step_page(request, session, user, project_id, "workflow/evaluation.html")


@router.post("/workflow/{project_id}/evaluation/preview", name="workflow_evaluation_preview")
async def evaluation_preview(request: Request, project_id: int, session: DbSession, row: SeenProject):
    """HTMX: the score and its explanation for what is typed so far (nothing is saved)."""
    form = await request.form()
    try:
        score = preview(latest_snapshot(session, project_id).data, evaluation_from_form(form, row.money_unit),
                        workflow_settings())
    except Invalid as exc:
        return render(request, "workflow/_score.html", {"score": None, "problems": exc.details})
    return render(request, "workflow/_score.html", {"score": score, "problems": []})


@router.post("/workflow/{project_id}/evaluation", name="workflow_evaluation")
async def evaluation_submit(request: Request, project_id: int, session: DbSession, user: PageUser,
                            row: WritableProject):
    """Save the self-evaluation, or save and submit it for review (then it is locked)."""
    form = await request.form()
    factory, version = request.app.state.factory, form_int(form, "version")
    try:
        settings = workflow_settings()
        saved = await run_in_threadpool(save_self_evaluation, factory, user, project_id, version,
                                        evaluation_from_form(form, row.money_unit), form.get("comment") or None,
                                        settings)
        if form.get("submit") == "1":
            await run_in_threadpool(submit_self_evaluation, factory, user, project_id, saved.version,
                                    form.get("comment") or "提交自评", settings)
    except Invalid as exc:
        session.expire_all()
        return _step_page(request, session, user, project_id, "workflow/evaluation.html", 422,
                          problems=exc.details, message=exc.message, form=form)
    except wf.Conflict as exc:
        session.expire_all()
        return _step_page(request, session, user, project_id, "workflow/evaluation.html", 409,
                          message=exc.message)
    return _go(f"/workflow/{project_id}" if form.get("submit") == "1" else f"/workflow/{project_id}/evaluation")
