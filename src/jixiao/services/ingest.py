"""Ingest files into the store: one transaction per file, duplicates recognised by sha256."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.model import Document
from jixiao.ingest.forms import UnknownForm, read_document
from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import SUPPORTED_SUFFIXES
from jixiao.storage.repositories import find_document_by_sha, save_document
from jixiao.storage.session import transaction

KIND_LABELS = {
    "self_evaluation_table": "部门预算项目绩效自评表",
    "self_evaluation_form": "项目支出绩效自评表",
    "target_declaration": "项目支出绩效目标申报表",
    "target_list": "项目支出绩效目标表",
    "department_budget": "部门预算",
}


@dataclass(slots=True)
class FileResult:
    """What happened to one file: ``ingested``, ``duplicate`` or ``error``."""

    path: str
    status: str
    kind: str | None = None
    document_id: int | None = None
    projects: int = 0
    indicators: int = 0
    warnings: int = 0
    message: str = ""

    @property
    def ok(self) -> bool:
        """True unless the file could not be read."""
        return self.status != "error"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, folders recursively (only supported extensions inside folders)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield p


def parse_file(data: bytes, name: str) -> Document:
    """Read one file's bytes; raises SourceError or UnknownForm with a Chinese reason."""
    return read_document(data, name)


def ingest_bytes(factory: sessionmaker[Session], data: bytes, name: str) -> FileResult:
    """Read and store one file's content; never raises for bad input."""
    sha = hashlib.sha256(data).hexdigest()
    with factory() as session:
        existing = find_document_by_sha(session, sha)
        if existing is not None:
            return FileResult(name, "duplicate", existing.kind, existing.id, existing.project_count,
                              existing.indicator_count,
                              message=f"内容与已入库的文档 #{existing.id} 相同，未作改动 (same content already stored)")
    try:
        doc = parse_file(data, name)
    except (SourceError, UnknownForm) as exc:
        return FileResult(name, "error", message=str(exc))
    except Exception as exc:  # a reader bug must not stop the other files
        return FileResult(name, "error", message=f"读取时出错: {exc.__class__.__name__}: {exc} (reader failure)")
    if not doc.projects and not doc.extras:
        reason = doc.warnings[0].message if doc.warnings else "没有读到任何项目"
        return FileResult(name, "error", doc.kind, message=f"表格不完整: {reason} (no data read)")
    try:
        with transaction(factory) as session:
            doc_id = save_document(session, doc, data)
    except IntegrityError:  # the same content landed meanwhile from another upload
        return FileResult(name, "duplicate", doc.kind, message="内容与已入库的文档相同，未作改动 (same content already stored)")
    return FileResult(name, "ingested", doc.kind, doc_id, len(doc.projects),
                      sum(len(p.indicators) for p in doc.projects), len(doc.warnings))


def ingest_paths(factory: sessionmaker[Session], paths: Iterable[str | Path],
                 on_file: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Ingest every file; an unreadable file is reported and the others go on."""
    results = []
    for path in expand_paths(paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            result = FileResult(str(path), "error", message=f"无法读取文件: {exc.strerror or exc} (cannot read file)")
        else:
            result = ingest_bytes(factory, data, str(path))
        results.append(result)
        if on_file:
            on_file(result)
    return results
