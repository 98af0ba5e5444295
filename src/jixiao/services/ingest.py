"""Ingest files into the store: one transaction per file, duplicates recognised by sha256."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.limits import RefusedValue
from jixiao.domain.model import Document
from jixiao.ingest.forms import UnknownForm, read_document
from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import SUPPORTED_SUFFIXES
from jixiao.storage import search_index
from jixiao.storage.repositories import find_document_by_sha, save_document
from jixiao.storage.session import transaction

from .unit_registry import apply_to_document
from .unit_scope import upload_refusal
from .users import Principal
from .workers import collector_set_aside, worker_start

log = logging.getLogger("jixiao.ingest")

KIND_LABELS = {
    "self_evaluation_table": "部门预算项目绩效自评表",
    "self_evaluation_form": "项目支出绩效自评表",
    "target_declaration": "项目支出绩效目标申报表",
    "target_list": "项目支出绩效目标表",
    "department_budget": "部门预算",
    "budget_statement": "预算决算说明",
    "final_accounts": "部门决算",
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
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not _temporary(f))
        else:
            yield p


def _temporary(f: Path) -> bool:
    """An Office lock file (~$报表.xlsx) or a hidden file: never a document of its own."""
    return f.name.startswith(("~$", "."))


def skipped_in(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """The files inside the given folders that a folder read passes over, each with why."""
    out = []
    for p in map(Path, paths):
        if not p.is_dir():
            continue
        for f in sorted(p.rglob("*")):
            if not f.is_file():
                continue
            if _temporary(f):
                out.append((f, "隐藏文件或 Office 临时文件"))
            elif f.suffix.lower() not in SUPPORTED_SUFFIXES:
                out.append((f, f"不支持的文件类型（{f.suffix or '无扩展名'}）"))
    return out


def parse_job(data: bytes, name: str, progress=None) -> Document | str:
    """Parse one file (in this or a worker process): the Document, or the Chinese reason it failed;
    ``progress(page, pages)`` follows a long PDF."""
    try:
        doc = read_document(data, name, progress)
    except (SourceError, UnknownForm) as exc:
        return str(exc)
    except RefusedValue as exc:
        return f"{Path(name).name}：{exc}，文件未入库"
    except ArithmeticError:  # a number of more digits than any amount has (decimal.InvalidOperation)
        return f"{Path(name).name}：文件中有位数过多、无法换算的数字（金额绝对值须小于 1000 万亿元），文件未入库"
    except Exception as exc:  # a reader bug must not stop the other files
        return f"读取时出错: {exc.__class__.__name__}: {exc}"
    if not doc.projects and not doc.extras:
        reason = doc.warnings[0].message if doc.warnings else "没有读到任何项目"
        return f"表格不完整: {reason}"
    return doc


def _known(factory: sessionmaker[Session], data: bytes, name: str) -> FileResult | None:
    """The duplicate result when this content is already stored, else None."""
    sha = hashlib.sha256(data).hexdigest()
    with factory() as session:
        existing = find_document_by_sha(session, sha)
    if existing is None:
        return None
    return FileResult(name, "duplicate", existing.kind, existing.id, existing.project_count,
                      existing.indicator_count,
                      message=f"内容与已入库的文档 #{existing.id} 相同，未作改动")


def store_parsed(factory: sessionmaker[Session], parsed: Document | str, data: bytes, name: str,
                 uploader: Principal | None = None) -> FileResult:
    """Store one parsed file in its own transaction: it lands whole or not at all. An upload names
    its ``uploader``, and a unit editor may store only documents of its own units."""
    if isinstance(parsed, str):
        return FileResult(name, "error", message=parsed)
    apply_to_document(parsed)  # one unit, one name: the registry's (the name as written is kept)
    refusal = upload_refusal(uploader, parsed)
    if refusal:
        return FileResult(name, "error", parsed.kind, message=f"{Path(name).name}：{refusal}，未入库")
    try:
        with transaction(factory) as session:
            doc_id = save_document(session, parsed, data, uploader.user_id if uploader else None)
    except IntegrityError:  # the same content landed meanwhile from another upload
        return FileResult(name, "duplicate", parsed.kind, message="内容与已入库的文档相同，未作改动")
    except RefusedValue as exc:  # a value the columns cannot hold: this file only, said in words
        return FileResult(name, "error", message=f"{Path(name).name}：{exc}，文件未入库")
    except StatementError as exc:  # a value refused inside SQLAlchemy (a bind processor) or by the database
        orig = getattr(exc, "orig", None)
        if isinstance(orig, RefusedValue):
            return FileResult(name, "error", message=f"{Path(name).name}：{orig}，文件未入库")
        return _refused_by_database(name, orig or exc)
    except OverflowError as exc:
        return _refused_by_database(name, exc)
    return FileResult(name, "ingested", parsed.kind, doc_id, len(parsed.projects),
                      sum(len(p.indicators) for p in parsed.projects), len(parsed.warnings))


def _refused_by_database(name: str, exc: BaseException) -> FileResult:
    """The file's result when the database refused one of its values: the reason in words for the
    person, the database's own message (never the statement and its parameters) in the log."""
    log.warning("database refused %s: %s: %s", name, type(exc).__name__, str(exc).split("\n", 1)[0][:300])
    return FileResult(name, "error", message=f"{Path(name).name}：数据库拒绝保存此文件中的某个值（数值或文字超出范围），文件未入库")


def ingest_bytes(factory: sessionmaker[Session], data: bytes, name: str, uploader: Principal | None = None) -> FileResult:
    """Read and store one file's content; never raises for bad input."""
    return _known(factory, data, name) or store_parsed(factory, parse_job(data, name), data, name, uploader)


def _read(path: Path) -> bytes | FileResult:
    try:
        return path.read_bytes()
    except OSError as exc:
        return FileResult(str(path), "error", message=f"无法读取文件: {exc.strerror or exc}")


def default_workers(n_files: int) -> int:
    """Parse in worker processes only when there are enough files to pay for starting them."""
    return min(os.cpu_count() or 1, 4) if n_files >= 8 else 1


@collector_set_aside
def ingest_paths(factory: sessionmaker[Session], paths: Iterable[str | Path],
                 on_file: Callable[[FileResult], None] | None = None,
                 workers: int | None = None) -> list[FileResult]:
    """Ingest every file; an unreadable file is reported and the others go on.

    With several workers, each worker process reads, parses and stores whole files, each in its
    own transaction (the database serialises the writes; SQLite waits on its lock). Nothing but
    the per-file result crosses between processes, and results are reported in the order given.
    """
    files = list(expand_paths(paths))
    workers = default_workers(len(files)) if workers is None else workers
    if workers > 1 and not _shareable(factory):
        workers = 1
    results: list[FileResult] = []

    def done(result: FileResult) -> None:
        results.append(result)
        if on_file:
            on_file(result)

    if workers <= 1:
        for path in files:
            data = _read(path)
            done(data if isinstance(data, FileResult) else ingest_bytes(factory, data, str(path)))
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_worker_start, initargs=(factory,)) as pool:
            for result in pool.map(_ingest_file, [str(p) for p in files]):
                done(result)
    search_index.catch_up(factory)
    return results


def _shareable(factory: sessionmaker[Session]) -> bool:
    """True when other processes can open the same database (not an in-memory SQLite one)."""
    url = factory.kw["bind"].url
    return not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))


_worker_factory: sessionmaker[Session] | None = None


def _worker_start(factory: sessionmaker[Session]) -> None:
    """A forked ingest worker: its own connections (never the parent's), the parent's objects frozen."""
    global _worker_factory
    worker_start()
    factory.kw["bind"].dispose(close=False)
    _worker_factory = factory


def _ingest_file(path: str) -> FileResult:
    """One file, read, parsed and stored in a worker process."""
    data = _read(Path(path))
    if isinstance(data, FileResult):
        return data
    assert _worker_factory is not None
    try:
        return ingest_bytes(_worker_factory, data, path)
    except Exception as exc:  # one file's failure must come back as its own result, not end the run
        return FileResult(path, "error", message=f"{Path(path).name}：入库时出错（{exc.__class__.__name__}），文件未入库")
