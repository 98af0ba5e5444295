"""Uploaded files: check type and size, then ingest each one through the ingest service."""

from __future__ import annotations

from pathlib import Path

from fastapi import UploadFile
from sqlalchemy.orm import Session, sessionmaker

from jixiao.ingest.sources import SUPPORTED_SUFFIXES
from jixiao.services import ingest_jobs
from jixiao.services.ingest import FileResult, ingest_bytes
from jixiao.services.refresh import check_and_score
from jixiao.services.users import Principal
from jixiao.storage import search_index

from .errors import ApiError
from .settings import WebSettings


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n} 字节"


def read_upload(file: UploadFile, settings: WebSettings) -> tuple[str, bytes]:
    """Name and bytes of one upload; ApiError 415 for a wrong type, 413 when over the size limit."""
    name = Path(file.filename or "").name or "未命名文件"
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ApiError(415, "unsupported_type",
                       f"{name}: 不支持的文件类型，只接受 {'、'.join(SUPPORTED_SUFFIXES)}")
    data = file.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise ApiError(413, "too_large",
                       f"{name}: 文件超过上传上限 {_mb(settings.max_upload_bytes)}")
    return name, data


def check_count(files: list[UploadFile], settings: WebSettings) -> None:
    """Refuse an empty upload or one with more files than allowed."""
    real = [f for f in files if f.filename]
    if not real:
        raise ApiError(400, "no_file", "没有选择文件")
    if len(real) > settings.max_upload_files:
        raise ApiError(413, "too_many_files",
                       f"一次最多上传 {settings.max_upload_files} 个文件")


def ingest_uploads(factory: sessionmaker[Session], files: list[UploadFile], settings: WebSettings,
                   strict: bool, background: bool = False, uploader: Principal | None = None) -> list[FileResult | int]:
    """Ingest every file; ``strict`` (API) refuses the request on a bad file, else it is one error row.
    With ``background``, a large file is queued and its job id stands in its place."""
    check_count(files, settings)
    accepted, results = [], {}
    for i, f in enumerate(x for x in files if x.filename):
        try:
            accepted.append((i, *read_upload(f, settings)))
        except ApiError as exc:
            if strict:
                raise
            results[i] = FileResult(Path(f.filename or "").name, "error", message=exc.message)
    def done(result: FileResult) -> None:  # a file read in the background: index, score and check
        search_index.catch_up(factory)
        if result.status == "ingested":
            check_and_score(factory)

    for i, name, data in accepted:
        if background and _long(data, settings):
            results[i], _ = ingest_jobs.submit(factory, data, name, done, uploader)
        else:
            results[i] = ingest_bytes(factory, data, name, uploader)
    search_index.catch_up(factory)
    if any(isinstance(r, FileResult) and r.status == "ingested" for r in results.values()):
        check_and_score(factory)  # the upload's findings and scores are there when the page shows it
    return [results[i] for i in sorted(results)]


def _long(data: bytes, settings: WebSettings) -> bool:
    """A file worth reading in the background: large, or a PDF (read page by page)."""
    return len(data) >= settings.background_bytes or data[:1024].find(b"%PDF-") >= 0


def result_json(r: FileResult) -> dict:
    """One file's outcome in the API."""
    return {"file": r.path, "status": r.status, "kind": r.kind, "document_id": r.document_id,
            "projects": r.projects, "indicators": r.indicators, "warnings": r.warnings,
            "message": r.message or None}
