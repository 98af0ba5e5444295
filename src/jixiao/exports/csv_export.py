"""``jixiao export --format csv -o DIR``: one tidy CSV per budget table type, for spreadsheets and pandas.

One row per amount, the classification columns, the document (file, department, year) and the
source location flattened into ``source_file``, ``source_line``, ``source_sheet``, ``source_cell``.
UTF-8 with a BOM so Excel opens the Chinese text intact; amounts are yuan with two decimals.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from jixiao.services import queries

from .budget_json import TABLES, row_dict, rows_of
from .cells import csv_safe

ENCODING = "utf-8-sig"
_DOCUMENT = ["document_file", "department", "year"]
_SOURCE = ["source_file", "source_line", "source_sheet", "source_cell"]


def _flat(row: dict, doc) -> dict:
    source = row.pop("source")
    out = {"document_file": doc.file if doc else None, "department": doc.department if doc else None,
           "year": doc.year if doc else None, **row}
    out.update({f"source_{k}": source.get(k) for k in ("file", "line", "sheet", "cell")})
    return out


def write_table(session: Session, name: str, path: Path, docs: dict) -> int:
    """Write one table type to ``path``; returns the number of data rows."""
    model = TABLES[name]
    columns = ["id", "document_id", *_DOCUMENT]
    columns += [("table" if c.key == "table_name" else c.key) for c in model.__table__.columns
                if c.key not in ("id", "document_id", "src_line", "src_sheet", "src_cell", "src_page", "src_box")]
    columns += _SOURCE
    n = 0
    with path.open("w", encoding=ENCODING, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for r in rows_of(session, model):
            doc = docs.get(r.document_id)
            writer.writerow({k: csv_safe(v) for k, v in _flat(row_dict(r, doc.file if doc else ""), doc).items()})
            n += 1
    return n


def write_dir(session: Session, out_dir: Path) -> dict[str, int]:
    """Write every budget table type into ``out_dir`` (created if needed): file name → rows."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = queries.documents(session)
    return {f"{name}.csv": write_table(session, name, out_dir / f"{name}.csv", docs) for name in TABLES}
