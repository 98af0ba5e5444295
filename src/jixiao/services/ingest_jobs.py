"""Long files read in the background: the request that uploads one returns at once, a thread reads
it page by page and writes its progress to the store, and the page polls the job's row.

One reading thread per process (reading is CPU-bound; more threads would only share one core's
time); every update is its own short transaction, so any web worker can answer a poll.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from sqlalchemy.orm import Session, sessionmaker

from jixiao.storage.job_models import IngestJobRow
from jixiao.storage.session import transaction

from .ingest import FileResult, _known, parse_job, store_parsed

_POOL: ThreadPoolExecutor | None = None
_LOCK = threading.Lock()
PROGRESS_EVERY = 0.5  # seconds between progress writes of one job


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jixiao-ingest")
        return _POOL


def submit(factory: sessionmaker[Session], data: bytes, name: str, on_done=None, uploader=None):
    """Queue one file; its job id at once, and a Future that is done when the file is stored."""
    with transaction(factory) as session:
        job = IngestJobRow(file=name, size_bytes=len(data), status="queued", pages_done=0, projects=0,
                           indicators=0, warnings=0, uploaded_by=uploader.user_id if uploader else None)
        session.add(job)
        session.flush()
        job_id = job.id
    return job_id, _pool().submit(run, factory, job_id, data, name, on_done, uploader)


def run(factory: sessionmaker[Session], job_id: int, data: bytes, name: str, on_done=None,
        uploader=None) -> FileResult:
    """Read and store one file, writing its progress; the result is also the job's final row."""
    _update(factory, job_id, status="reading")
    last = [0.0]

    def progress(page: int, pages: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or page == pages:
            last[0] = now
            _update(factory, job_id, pages_done=page, pages_total=pages)

    try:
        result = _known(factory, data, name) or store_parsed(factory, parse_job(data, name, progress), data, name, uploader)
    except Exception as exc:  # the thread must always close its job
        result = FileResult(name, "error", message=f"读取时出错：{exc.__class__.__name__}")
    _update(factory, job_id, status=result.status, kind=result.kind, document_id=result.document_id,
            projects=result.projects, indicators=result.indicators, warnings=result.warnings,
            message=result.message or None)
    if on_done is not None:
        on_done(result)
    return result


def _update(factory: sessionmaker[Session], job_id: int, **values) -> None:
    with transaction(factory) as session:
        job = session.get(IngestJobRow, job_id)
        if job is not None:
            for k, v in values.items():
                setattr(job, k, v)
            job.updated_at = datetime.now(timezone.utc)


def job(factory: sessionmaker[Session], job_id: int) -> IngestJobRow | None:
    """The job's row as it stands."""
    with factory() as session:
        row = session.get(IngestJobRow, job_id)
        if row is not None:
            session.expunge(row)
        return row


__all__ = ["PROGRESS_EVERY", "job", "run", "submit"]
