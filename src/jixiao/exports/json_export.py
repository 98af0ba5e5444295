"""The whole store as JSON, schema ``jixiao/1`` (documented in docs/export-schema.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import IO

from sqlalchemy.orm import Session

from jixiao.services import queries
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow, StatedTotalRow

from . import findings_json

SCHEMA = "jixiao/1"


def _d(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def source_of(row, file: str) -> dict:
    """The ``source`` object of any stored row."""
    out = {"file": file, "line": row.src_line}
    if row.src_sheet:
        out["sheet"] = row.src_sheet
    if row.src_cell:
        out["cell"] = row.src_cell
    if row.src_page:
        out["page"] = row.src_page
    if row.src_box:
        out["box"] = [float(v) for v in row.src_box.split(",")]
    return out


def _value(text, op, value, unit, value_high=None) -> dict | None:
    if text is None:
        return None
    out = {"text": text, "op": op, "value": value, "unit": unit}
    if value_high is not None:  # a range (op "~"): 80%-90% is value 80, value_high 90
        out["value_high"] = value_high
    return out


def indicator_json(ind: IndicatorRow, file: str) -> dict:
    """One indicator in export shape."""
    return {
        "id": ind.id, "level1": ind.level1, "level2": ind.level2, "level1_text": ind.level1_text,
        "level2_text": ind.level2_text, "name": ind.name,
        "target": _value(ind.target_text, ind.target_op, ind.target_value, ind.target_unit, ind.target_value_high),
        "actual": _value(ind.actual_text, ind.actual_op, ind.actual_value, ind.actual_unit),
        "note": ind.note, "weight": _d(ind.weight), "score": _d(ind.score),
        "deviation_reason": ind.deviation_reason, "required": ind.required,
        "source_of_value": ind.source_of_value, "source": source_of(ind, file),
    }


def _money(money: dict | None, key: str, total: Decimal | None) -> dict:
    m = dict((money or {}).get(key) or {})
    m["total"] = _d(total) if total is not None else m.get("total")
    return m


def project_json(p: ProjectRow, indicators: list[IndicatorRow], file: str) -> dict:
    """One project in export shape."""
    details = p.details or {}
    budget = _money(p.money, "budget", p.budget_total)
    if p.budget_initial_total is not None:
        budget["initial"] = _d(p.budget_initial_total)
    if "multi_year" in details:
        budget["multi_year"] = details["multi_year"]
    out = {
        "id": p.id, "document_id": p.document_id, "kind": p.kind, "department": p.department,
        "unit": p.unit, "name": p.name, "code": p.code, "seq": p.seq, "year": p.year,
        "money_unit": p.money_unit, "source": source_of(p, file),
        "budget": budget, "actual": _money(p.money, "actual", p.actual_total),
        "execution_rate": _d(p.execution_rate), "status": p.status, "status_text": p.status_text,
        "goal": {"annual": p.goal, "long_term": p.goal_long_term},
        "problems": p.problems, "rectification": p.rectification,
        "stated_scores": p.stated_scores or {}, "not_applicable": p.not_applicable or [],
        "indicators": [indicator_json(i, file) for i in indicators],
    }
    for key in ("type", "period", "basis"):
        if key in details:
            out[key] = details[key]
    extra = {k: v for k, v in details.items() if k not in ("type", "period", "basis", "multi_year")}
    if extra:
        out["details"] = extra
    return out


def document_json(d: DocumentRow) -> dict:
    """One document in export shape."""
    return {
        "id": d.id, "file": d.file, "sha256": d.sha256, "kind": d.kind, "title": d.title,
        "year": d.year, "department": d.department, "money_unit": d.money_unit,
        "projects": d.project_count, "indicators": d.indicator_count,
        "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
    }


def stated_total_json(t: StatedTotalRow, file: str) -> dict:
    """One subtotal/total row in export shape."""
    return {
        "id": t.id, "document_id": t.document_id, "label": t.label, "level": t.level, "unit": t.unit,
        "budget": _money(t.money, "budget", t.budget_total), "actual": _money(t.money, "actual", t.actual_total),
        "execution_rate": _d(t.execution_rate), "covers": t.covers or [], "source": source_of(t, file),
    }


# Other areas (budget lines, findings, scores) add top-level arrays here: name → fn(session, docs).
SECTIONS: dict = {"findings": findings_json.section}


def build(session: Session) -> dict:
    """The export document as a dict."""
    docs = queries.documents(session)
    files = {i: d.file for i, d in docs.items()}
    projects = [project_json(p, inds, files.get(p.document_id, ""))
                for p, inds in queries.iter_projects_with_indicators(session)]
    out = {
        "schema": SCHEMA,
        "documents": [document_json(d) for d in docs.values()],
        "projects": projects,
        "stated_totals": [stated_total_json(t, files.get(t.document_id, "")) for t in queries.stated_totals(session)],
        "parse_warnings": [
            {"document_id": w.document_id, "message": w.message, "text": w.text, "source": source_of(w, files.get(w.document_id, ""))}
            for w in queries.parse_warnings(session)],
    }
    for name, fn in SECTIONS.items():
        out[name] = fn(session, docs)
    return out


def write(session: Session, fh: IO[str]) -> None:
    """Write the export as pretty UTF-8 JSON."""
    json.dump(build(session), fh, ensure_ascii=False, indent=1)
    fh.write("\n")


# Department budgets (issue 4): budget_lines, income_lines, procurement_lines, three_public_lines,
# staffing, stated_figures.
from .budget_json import register as _register_budget  # noqa: E402

_register_budget(SECTIONS)

# Scores (issue 6): scores, score_runs.
from .scores_json import register as _register_scores  # noqa: E402

_register_scores(SECTIONS)
