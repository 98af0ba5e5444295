"""Units as entities (issue 17): every project stored under its unit's registry name, and aliases
suggested for an administrator to confirm.

Ingest renames a project's unit to its registry name as the document is stored (the name as written
stays in ``details.unit_as_written``), so counts, charts, score summaries and scope checks see one
unit. ``apply_to_store`` does the same for documents stored before an alias was added; ``suggestions``
lists pairs of stored names that look like one unit (one name ends with the other — 龙岗区职业训练中心 /
职业训练中心 — or rapidfuzz's ratio is high), never applied without being confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.model import Document
from jixiao.domain.text import normalise
from jixiao.domain.unit_registry import aliases, canonical
from jixiao.storage.models import ProjectRow, UnitRow
from jixiao.storage.score_models import ProjectScoreRow
from jixiao.storage.session import transaction

SIMILAR = 88  # rapidfuzz ratio (0–100) from which two names are suggested as one unit


def apply_to_document(doc: Document) -> None:
    """Rename each project's unit to its registry name, keeping the name as written."""
    for p in doc.projects:
        name = canonical(p.unit)
        if name != p.unit:
            p.details["unit_as_written"] = p.unit
            p.unit = name


def apply_to_store(factory: sessionmaker[Session]) -> int:
    """Rename stored units that the registry now lists as aliases; returns the projects renamed."""
    table = aliases()
    n = 0
    with transaction(factory) as session:
        written = [u for u in session.scalars(select(ProjectRow.unit).distinct()) if u and normalise(u) in table]
        for old in written:
            new = table[normalise(old)]
            for row in session.scalars(select(ProjectRow).where(ProjectRow.unit == old)):
                row.details = {**(row.details or {}), "unit_as_written": old}
                row.unit = new
                n += 1
            session.execute(update(ProjectScoreRow).where(ProjectScoreRow.unit == old).values(unit=new))
            session.execute(update(UnitRow).where(UnitRow.name == old).values(name=new))
    return n


@dataclass(frozen=True)
class Suggestion:
    """Two stored names that may be one unit, with why."""

    name: str
    alias: str
    similarity: int
    reason: str


def suggestions(names: list[str]) -> list[Suggestion]:
    """Pairs of names that look like one unit (the shorter name first, as the unit's name)."""
    out = []
    known = aliases()
    names = sorted(set(n for n in names if n), key=len)
    for i, short in enumerate(names):
        for long in names[i + 1:]:
            if normalise(long) in known or normalise(short) in known:
                continue
            score = int(fuzz.ratio(short, long))
            if len(short) >= 4 and long.endswith(short):
                out.append(Suggestion(short, long, score, f"“{long}”以“{short}”结尾，多出的是地区或上级名称"))
            elif score >= SIMILAR:
                out.append(Suggestion(short, long, score, f"两个名称相似度 {score}%"))
    return out


def unit_counts(session: Session) -> list[tuple[str, int]]:
    """Each stored unit with its number of projects, most first."""
    stmt = (select(ProjectRow.unit, func.count()).where(ProjectRow.unit.is_not(None))
            .group_by(ProjectRow.unit).order_by(func.count().desc(), ProjectRow.unit))
    return [(u, n) for u, n in session.execute(stmt)]
