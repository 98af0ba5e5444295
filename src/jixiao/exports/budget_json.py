"""Department-budget arrays of the JSON export: ``budget_lines``, ``income_lines`` … (issue 4).

One generic shape for every budget table: its columns under their names (``table_name`` as
``table``), amounts in yuan as decimal strings, and the ``source`` object every export row has.
The CSV export flattens the same dicts, so the two never disagree.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.storage.budget_models import (
    BudgetLineRow,
    IncomeLineRow,
    ProcurementLineRow,
    StaffingRow,
    StatedFigureRow,
    ThreePublicLineRow,
)

TABLES = {
    "budget_lines": BudgetLineRow, "income_lines": IncomeLineRow, "procurement_lines": ProcurementLineRow,
    "three_public_lines": ThreePublicLineRow, "staffing": StaffingRow, "stated_figures": StatedFigureRow,
}
_SKIP = {"src_line", "src_sheet", "src_cell", "src_page", "src_box"}
_RENAME = {"table_name": "table"}


def _source(row, file: str) -> dict:
    """The ``source`` object (same shape as ``json_export.source_of``; kept here to avoid an import cycle)."""
    out = {"file": file, "line": row.src_line}
    out.update({k: v for k, v in (("sheet", row.src_sheet), ("cell", row.src_cell), ("page", row.src_page)) if v})
    if row.src_box:
        out["box"] = [float(v) for v in row.src_box.split(",")]
    return out


def _value(v):
    return f"{v:.2f}" if isinstance(v, Decimal) else v


def row_dict(row, file: str) -> dict:
    """One stored budget row in export shape."""
    out = {"id": row.id, "document_id": row.document_id}
    out.update({_RENAME.get(c.key, c.key): _value(getattr(row, c.key))
                for c in row.__table__.columns if c.key not in _SKIP and c.key not in out})
    out["source"] = _source(row, file)
    return out


def rows_of(session: Session, model) -> list:
    """Every row of one budget table, in storage order."""
    return list(session.scalars(select(model).order_by(model.id)))


def section(name: str):
    """The export function of one array: fn(session, docs) → list of dicts."""
    model = TABLES[name]

    def export(session: Session, docs: dict) -> list[dict]:
        files = {i: d.file for i, d in docs.items()}
        return [row_dict(r, files.get(r.document_id, "")) for r in rows_of(session, model)]

    export.__doc__ = f"The ``{name}`` array of the JSON export."
    return export


def register(sections: dict) -> None:
    """Add the budget arrays to the JSON export's sections."""
    for name in TABLES:
        sections.setdefault(name, section(name))
