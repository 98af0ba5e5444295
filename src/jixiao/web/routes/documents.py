"""文档: the ingested documents, and upload of new ones."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile

from jixiao.ingest.explain import LAYOUTS
from jixiao.services import ingest_jobs
from jixiao.services.explain import explain_stored
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.models import ParseWarningRow

from .. import browse, extras
from ..deps import DbSession, PageUser, require_writer
from ..doc_scope import PageDocs, check_document, job_visible
from ..document_view import document_view
from ..errors import ApiError
from ..filters import DocumentQuery
from ..render import page_links, render
from ..uploads import ingest_uploads

router = APIRouter(include_in_schema=False)


@router.get("/documents", name="documents")
async def documents(request: Request, session: DbSession, user: PageUser, docs: PageDocs,
                    f: Annotated[DocumentQuery, Query()]):
    """The document list (the documents the user may read) with counts and the upload form."""
    page = browse.document_page(session, f, docs)
    ids = [d.id for d in page.items]
    settings = request.app.state.settings
    return render(request, "documents.html", {
        "page": page, "links": page_links(request, page),
        "warnings": browse.count_by(session, ParseWarningRow.document_id, ids),
        "findings": browse.count_by(session, FindingRow.document_id, ids), "available": extras.available(),
        "max_mb": settings.max_upload_bytes // (1024 * 1024), "max_files": settings.max_upload_files,
    })


@router.get("/documents/{document_id}", name="document")
def document_page(request: Request, document_id: int, session: DbSession, user: PageUser, docs: PageDocs):
    """One document: its facts, reading notices (each with its source line), findings and projects."""
    doc = check_document(session, document_id, docs)
    return render(request, "document.html", document_view(session, doc))


@router.get("/documents/{document_id}/explain", name="explain")
def explain_page(request: Request, document_id: int, session: DbSession, user: PageUser, docs: PageDocs):
    """How the document's original file reads: the grid, each reader's confidence, fields and cells."""
    check_document(session, document_id, docs)
    ex = explain_stored(session, document_id)
    if ex is None:
        raise ApiError(404, "not_found", "没有这个文档")
    return render(request, "explain.html", {"ex": ex, "document_id": document_id, "layouts": LAYOUTS,
                                            "max_rows": 400})


@router.post("/documents/upload", name="upload")
def upload(request: Request, user: PageUser, files: Annotated[list[UploadFile], File()] = None):
    """Ingest one or many files; answers with the per-file results (an HTMX fragment)."""
    try:
        require_writer(user)
        results = ingest_uploads(request.app.state.factory, files or [], request.app.state.settings, strict=False,
                                 background=True, uploader=user)
    except ApiError as exc:
        return render(request, "_upload_results.html", {"results": [], "error": exc.message}, status=exc.status)
    jobs = [ingest_jobs.job(request.app.state.factory, r) for r in results if isinstance(r, int)]
    done = [r for r in results if not isinstance(r, int)]
    return render(request, "_upload_results.html", {"results": done, "jobs": jobs, "error": None})


@router.get("/documents/jobs/{job_id}", name="job")
def job_row(request: Request, job_id: int, user: PageUser):
    """One background read as it stands (the upload table polls it until it is finished)."""
    job = ingest_jobs.job(request.app.state.factory, job_id)
    if not job_visible(job, user):
        raise ApiError(404, "not_found", "没有这个读取任务")
    return render(request, "_job_row.html", {"job": job})
