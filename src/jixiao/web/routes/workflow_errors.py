"""Workflow refusals as HTTP answers: JSON under ``/api/``, the error page elsewhere.

A conflict (409) carries the newer values and version, so an API client can merge and retry.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from jixiao.domain.lifecycle import TransitionError
from jixiao.services.workflow import Conflict
from jixiao.services.workflow_scope import WorkflowError

from ..render import render

TRANSITION_STATUS = {"forbidden_role": 403, "wrong_state": 409, "no_comment": 422, "unknown": 422,
                     "bad_outcome": 422}


def error_body(code: str, message: str, details: list | None = None) -> dict:
    """The API's error shape ``{"error": {code, message[, details]}}``."""
    body: dict = {"error": {"code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    return body


def respond(request: Request, status: int, code: str, message: str, details: list | None = None,
            extra: dict | None = None):
    """JSON for the API, the error page (with the reasons listed) for pages."""
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(code, message, details) | (extra or {}), status_code=status)
    return render(request, "workflow/error.html", {"status": status, "message": message,
                                                   "details": details or []}, status=status)


def install(app: FastAPI) -> None:
    """Register the handlers for service refusals and refused lifecycle steps."""

    @app.exception_handler(WorkflowError)
    async def _workflow_error(request: Request, exc: WorkflowError):
        extra = {"current": exc.current, "version": exc.version} if isinstance(exc, Conflict) else None
        return respond(request, exc.status, exc.code, exc.message, exc.details, extra)

    @app.exception_handler(TransitionError)
    async def _transition_error(request: Request, exc: TransitionError):
        return respond(request, TRANSITION_STATUS.get(exc.code, 409), exc.code, str(exc))
