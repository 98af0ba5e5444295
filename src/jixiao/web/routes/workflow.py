"""申报 pages: the list of declared projects, the declaration form, a project's page with its steps,
soft delete, and the audit trail as CSV/xlsx. Review, monitoring and self-evaluation pages are in
``workflow_steps``; the JSON API in ``workflow_api``. Every route checks role and scope in the
services, so a page cannot show or change what its user may not.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES, LEVEL2_PARENT
from jixiao.domain.lifecycle import STATE_LABELS, Role
from jixiao.exports.audit_export import action_label, audit_csv, audit_xlsx, changed_fields
from jixiao.exports.audit_text import readable
from jixiao.scoring.monitoring import LIGHT_LABELS
from jixiao.services import workflow as wf
from jixiao.services.workflow_data import FACT_LABELS, VERDICTS, declaration_of
from jixiao.services.workflow_scope import Forbidden, Invalid
from jixiao.services.workflow_start import declare_from_ingested, declare_from_previous, ingested_declaration
from jixiao.services.workflow_view import project_view

from ..deps import DbSession, PageUser
from ..render import render
from ..workflow_deps import PageWriter, WritableProject
from ..templating import templates
from ..workflow_forms import (
    FORM_SOURCES,
    declaration_from_form,
    form_int,
    display_from_form,
    display_from_values,
    shown_money,
)
from . import workflow_api, workflow_errors, workflow_steps

router = APIRouter(include_in_schema=False)
LEVEL_GROUPS = [(LEVEL1_NAMES[l1], [(c, LEVEL2_NAMES[c]) for c, p in LEVEL2_PARENT.items() if p == l1])
                for l1 in LEVEL1_NAMES]


def _form_page(request: Request, user, *, decl: dict, action: str, version: int | None = None,
               findings: list | None = None, problems: list | None = None, message: str | None = None,
               status: int = 200, project=None, ok: bool = False):
    return render(request, "workflow/declaration.html", {
        "decl": decl, "action": action, "version": version, "findings": findings or [],
        "problems": problems or [], "message": message, "ok": ok, "project": project, "level_groups": LEVEL_GROUPS,
        "sources": FORM_SOURCES, "fact_labels": FACT_LABELS, "units": user.units}, status=status)


def _go(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/workflow", name="workflow_list")
def workflow_list(request: Request, session: DbSession, user: PageUser, year: str | None = None,
                  state: str | None = None):
    """The declared projects in the user's scope, with counts per state."""
    y = int(year) if year and year.isdigit() else None
    rows = wf.list_projects(session, user, year=y, state=state or None, include_deleted=user.role == Role.ADMIN)
    return render(request, "workflow/list.html", {
        "rows": rows, "counts": wf.count_by_state(session, user), "states": STATE_LABELS,
        "year": year or "", "state": state or "", "can_declare": user.role in (Role.UNIT_EDITOR, Role.ADMIN)})


@router.get("/workflow/new", name="workflow_new")
def workflow_new(request: Request, session: DbSession, user: PageWriter, from_project: int | None = None):
    """An empty declaration form (or one filled from an ingested project, to be checked and saved)."""
    if user.role not in (Role.UNIT_EDITOR, Role.ADMIN):
        raise Forbidden("只有单位填报人或管理员可以申报项目")
    if from_project is not None:
        values = declaration_of(ingested_declaration(session, from_project).model_dump(mode="json"))
        decl = display_from_values(values) | {"from_project": from_project}
    else:
        decl = display_from_values({"year": date.today().year + 1, "unit": user.units[0] if user.units else ""})
    return _form_page(request, user, decl=decl, action="/workflow/new")


@router.post("/workflow/new", name="workflow_create")
async def workflow_create(request: Request, user: PageWriter):
    """Create the project in draft; the checker's findings are shown on the form that follows."""
    form = await request.form()
    try:
        decl = declaration_from_form(form)
    except Invalid as exc:
        return _form_page(request, user, decl=display_from_form(form), action="/workflow/new",
                          problems=exc.details, message=exc.message, status=422)
    origin = int(form["from_project"]) if str(form.get("from_project") or "").isdigit() else None
    saved = await run_in_threadpool(wf.create_declaration, request.app.state.factory, user, decl,
                                    origin="ingested" if origin else "new", origin_project_id=origin)
    return _go(f"/workflow/{saved.project_id}/edit?saved={saved.version}")


@router.post("/workflow/from-ingested", name="workflow_from_ingested")
async def workflow_from_ingested(request: Request, user: PageWriter):
    """A draft copied from an ingested project (id typed on the list page)."""
    form = await request.form()
    raw = str(form.get("project_id") or "").strip()
    if not raw.isdigit():
        raise Invalid("请填写已入库项目的编号")
    year = str(form.get("year") or "")
    saved = await run_in_threadpool(declare_from_ingested, request.app.state.factory, user, int(raw),
                                    int(year) if year.isdigit() else None)
    return _go(f"/workflow/{saved.project_id}/edit?saved={saved.version}")


@router.post("/workflow/{project_id}/next-year", name="workflow_next_year")
def workflow_next_year(request: Request, project_id: int, user: PageUser, _: WritableProject):
    """Next year's draft copied from this project."""
    saved = declare_from_previous(request.app.state.factory, user, project_id)
    return _go(f"/workflow/{saved.project_id}/edit?saved={saved.version}")


@router.get("/workflow/{project_id}", name="workflow_project")
def workflow_project(request: Request, project_id: int, session: DbSession, user: PageUser):
    """A project's page: facts, state and steps, declaration, reviews, reports, evaluation, trail."""
    view = project_view(session, user, project_id)
    return render(request, "workflow/project.html", {**view, "error": request.query_params.get("error")})


@router.get("/workflow/{project_id}/edit", name="workflow_edit")
def workflow_edit(request: Request, project_id: int, session: DbSession, user: PageUser, saved: int | None = None):
    """The declaration form of a project (read-only fields when it is locked)."""
    row = wf.get_project(session, user, project_id)
    message = f"已保存（第 {saved} 版）。检查结果见下方。" if saved else None
    return _form_page(request, user, decl=display_from_values(declaration_of(row)), version=row.version,
                      action=f"/workflow/{project_id}/edit", findings=row.findings, message=message, project=row,
                      ok=True)


@router.post("/workflow/{project_id}/edit", name="workflow_save")
async def workflow_save(request: Request, project_id: int, user: PageUser, _: WritableProject):
    """Save with the version the form was loaded at; a newer save by someone else is not overwritten."""
    form = await request.form()
    version = form_int(form, "version")
    action = f"/workflow/{project_id}/edit"
    try:
        decl = declaration_from_form(form)
        saved = await run_in_threadpool(wf.save_declaration, request.app.state.factory, user, project_id, version,
                                        decl, form.get("comment") or None)
    except Invalid as exc:
        return _form_page(request, user, decl=display_from_form(form), version=version, action=action,
                          problems=exc.details, message=exc.message, status=422)
    except wf.Conflict as exc:
        return _form_page(request, user, decl=display_from_values(exc.current), version=exc.version,
                          action=action, message=exc.message, status=409)
    return _go(f"/workflow/{project_id}/edit?saved={saved.version}")


@router.post("/workflow/{project_id}/action", name="workflow_action")
async def workflow_action(request: Request, project_id: int, user: PageUser, _: WritableProject):
    """One lifecycle step (submit, withdraw, start review, revise, …) with its comment."""
    form = await request.form()
    await run_in_threadpool(wf.take_action, request.app.state.factory, user, project_id,
                            str(form.get("action") or ""), form.get("comment"), form_int(form, "version"))
    return _go(f"/workflow/{project_id}")


@router.post("/workflow/{project_id}/delete", name="workflow_delete")
async def workflow_delete(request: Request, project_id: int, user: PageUser, _: WritableProject):
    """Soft delete (or restore, for administrators); the trail keeps the reason."""
    form = await request.form()
    restore = form.get("restore") == "1"
    await run_in_threadpool(wf.soft_delete, request.app.state.factory, user, project_id, form.get("comment"),
                            form_int(form, "version"), restore=restore)
    return _go(f"/workflow/{project_id}" if restore or user.role == Role.ADMIN else "/workflow")


@router.get("/workflow/{project_id}/audit.{fmt}", name="workflow_audit_export")
def workflow_audit_export(project_id: int, fmt: str, session: DbSession, user: PageUser):
    """The audit trail as CSV or xlsx."""
    row = wf.get_project(session, user, project_id)
    trail = wf.audit_trail(session, user, project_id)
    name = f"audit-{project_id}"
    if fmt == "csv":
        return Response(audit_csv(trail), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if fmt == "xlsx":
        return Response(audit_xlsx(trail, f"{row.year} {row.unit} {row.name} 审计记录"),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
    raise Invalid("导出格式只能是 csv 或 xlsx")


def _template_helpers() -> None:
    """Filters and names the workflow templates use, added to the pages' Jinja environment."""
    templates.env.filters.update(
        audit_action=action_label, changed_fields=changed_fields,
        readable=lambda v: "（无）" if v is None else readable(v))
    templates.env.globals.update(STATE_LABELS_WF=STATE_LABELS, VERDICTS=VERDICTS, LIGHT_LABELS=LIGHT_LABELS,
                                 shown_money=shown_money)


def install(app: FastAPI) -> None:
    """Add the workflow pages, the workflow API and their error handling to the app."""
    _template_helpers()
    workflow_errors.install(app)
    app.include_router(workflow_steps.router)
    app.include_router(router)
    app.include_router(workflow_api.router)
