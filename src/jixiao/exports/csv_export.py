"""``jixiao export --format csv -o DIR``: one CSV per kind of record, for spreadsheets and pandas.

The budget tables (one row per amount, with the classification columns, the document and the source
location) and the projects, indicators, findings and scores (``csv_records``). UTF-8 with a BOM so
Excel opens the Chinese text intact; headings and words in Chinese (``csv_headers``); amounts in yuan
with two decimals.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from jixiao.services import queries

from . import csv_records
from .budget_json import TABLES, row_dict, rows_of
from .cells import csv_safe
from .csv_headers import heading, named

ENCODING = "utf-8-sig"
_DOCUMENT = ["document_file", "department", "document_year"]
_SOURCE = ["source_file", "source_line", "source_sheet", "source_cell"]


def _flat(row: dict, doc) -> dict:
    source = row.pop("source")
    out = {"document_file": doc.file if doc else None, "department": doc.department if doc else None,
           "document_year": doc.year if doc else None, **row}
    out.update({f"source_{k}": source.get(k) for k in ("file", "line", "sheet", "cell")})
    return out


def write_table(session: Session, name: str, path: Path, docs: dict) -> int:
    """Write one budget table type to ``path``; returns the number of data rows."""
    model = TABLES[name]
    columns = ["id", "document_id", *_DOCUMENT]
    columns += [("table" if c.key == "table_name" else c.key) for c in model.__table__.columns
                if c.key not in ("id", "document_id", "src_line", "src_sheet", "src_cell", "src_page", "src_box")]
    columns += _SOURCE
    n = 0
    with path.open("w", encoding=ENCODING, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([heading(name, c) for c in columns])
        for r in rows_of(session, model):
            doc = docs.get(r.document_id)
            flat = _flat(row_dict(r, doc.file if doc else ""), doc)
            writer.writerow([csv_safe(named(name, c, flat.get(c))) for c in columns])
            n += 1
    return n


def write_records(path: Path, headings: list[str], rows) -> int:
    """Write a heading row and ``rows`` (lists of cells) to ``path``; returns the number of rows."""
    n = 0
    with path.open("w", encoding=ENCODING, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headings)
        for row in rows:
            writer.writerow([csv_safe(v) for v in row])
            n += 1
    return n


def write_dir(session: Session, out_dir: Path) -> dict[str, int]:
    """Write every record type into ``out_dir`` (created if needed): file name → rows."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = queries.documents(session)
    written = {}
    for name, (headings, rows) in csv_records.tables(session, docs).items():
        written[f"{name}.csv"] = write_records(out_dir / f"{name}.csv", headings, rows)
    for name in TABLES:
        written[f"{name}.csv"] = write_table(session, name, out_dir / f"{name}.csv", docs)
    return written
