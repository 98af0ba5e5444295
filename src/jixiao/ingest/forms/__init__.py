"""Form readers: each has ``KIND``, ``detect(grid) -> confidence`` and ``read(grids, doc)``.

The kind of a file is found from its content: every reader rates every grid and the best wins.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jixiao.domain.memo import new_document
from jixiao.domain.model import Document, ParseWarning
from jixiao.ingest.grid import Grid, SourceError
from jixiao.ingest.sources import read_grids

from . import selfeval, self_evaluation_table
from . import budget_statements, department_budget
from . import target_declaration, target_form, target_list
from . import final_accounts, printed_budget

READERS = [self_evaluation_table, selfeval]
READERS.append(department_budget)
READERS.extend([target_declaration, target_list, target_form])
READERS.append(budget_statements)
READERS.extend([printed_budget, final_accounts])
MIN_CONFIDENCE = 0.5


class UnknownForm(Exception):
    """The file was read but holds no form jixiao knows."""


def detect(grids: list[Grid]):
    """The best reader for these grids and the grids it claims, or (None, [])."""
    best, best_score, claimed = None, 0.0, []
    for reader in READERS:
        scores = [reader.detect(g) for g in grids]
        top = max(scores, default=0.0)
        if top > best_score:
            best, best_score = reader, top
            claimed = [g for g, s in zip(grids, scores) if s >= MIN_CONFIDENCE]
        if best_score >= 1.0:
            break  # no later reader can be surer (ties go to the earlier)
    if best_score < MIN_CONFIDENCE:
        return None, []
    return best, claimed


def read_document(data: bytes, name: str, progress=None) -> Document:
    """Bytes of one file → a Document; raises SourceError or UnknownForm with a Chinese reason.
    What a source read past (a page without a text layer) becomes a reading notice of the document;
    ``progress(page, pages)`` follows a PDF page by page."""
    name = Path(name).name
    new_document()
    grids = read_grids(data, name, progress) if progress is not None else read_grids(data, name)
    reader, claimed = detect(grids)
    if reader is None:
        raise UnknownForm("不是可识别的绩效表格（自评表、申报表、目标表或部门预算）")
    doc = Document(file=name, sha256=hashlib.sha256(data).hexdigest(), kind=str(reader.KIND),
                   size_bytes=len(data))
    doc = reader.read(claimed, doc)
    doc.warnings[:0] = [ParseWarning(text, ref) for g in grids for text, ref in g.notices]
    return doc


__all__ = ["READERS", "SourceError", "UnknownForm", "detect", "read_document"]
