"""Split a 部门预算 into its narrative and its tables; a table's pages become one table.

A table starts at its ``表N`` marker or its title (部门收支预算总表 …); every page repeats both, so
consecutive pieces of the same kind are joined. The kind comes from the title, since numbering
differs between places and years; the label (表1 …) from the marker, else the usual number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.memo import per_document
from jixiao.ingest.grid import Grid, Row

from .budget_cells import is_table_mark, plain

# kind, usual label, words the title must hold, words it must not hold (first match wins)
CATALOG: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("fiscal_income_spending", "表6", ("财政拨款收支",), ()),
    ("income_spending", "表1", ("收支",), ("财政拨款",)),
    ("general_public_basic", "表8", ("一般公共预算基本支出",), ()),
    ("general_public_spending", "表7", ("一般公共预算支出", "一般公共预算财政拨款支出"), ("基本支出",)),
    ("government_fund", "表9", ("政府性基金",), ()),
    ("state_capital", "表10", ("国有资本经营",), ()),
    ("procurement", "表11", ("政府采购",), ()),
    ("three_public", "表12", ("三公",), ()),
    ("performance_projects", "表13", ("绩效管理项目",), ()),
    ("unit_targets", "表14", ("整体支出绩效目标",), ()),
    ("project_targets", "表15", ("项目绩效目标表", "项目支出绩效目标表"), ()),
    ("income", "表2", ("收入预算总表", "收入总表"), ()),
    ("spending_by_unit", "表3", ("支出预算总表", "支出总表"), ()),
)
_TITLE_END = re.compile(r"表$")
_LABEL = re.compile(r"表\s*(\d{1,2})")


@dataclass(slots=True)
class Section:
    """One table of the document with all its rows (markers, titles, headers and data)."""

    label: str
    kind: str
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Split:
    """The narrative rows and the tables, in reading order."""

    narrative: list[Row] = field(default_factory=list)
    tables: list[Section] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Section]:
        """The tables of one kind (normally one)."""
        return [t for t in self.tables if t.kind == kind]


def title_kind(text: str) -> tuple[str, str] | None:
    """(kind, usual label) when ``text`` is the title of a known table."""
    if len(text) > 80 or "表" not in text:  # most rows: cheap answer before normalising
        return None
    return _title_kind(text)


@per_document
def _title_kind(text: str) -> tuple[str, str] | None:
    """``title_kind`` past its cheap test, remembered: every page repeats its title and marker."""
    t = plain(text)
    if not t or len(t) > 40 or not _TITLE_END.search(t):
        return None
    for kind, label, words, unless in CATALOG:
        if any(w in t for w in words) and not any(w in t for w in unless):
            return kind, label
    return None


def split_grids(grids: list[Grid]) -> Split:
    """Narrative first, then tables; pages of one table (same marker or kind in a row) are joined."""
    out = Split()
    current: Section | None = None
    for grid in grids:
        if grid.sheet and _LABEL.fullmatch(plain(grid.sheet)):
            current = _on_marker(out, current, plain(grid.sheet), None)
        for row in grid.rows:
            cells = row.nonempty()
            if len(cells) == 1:  # markers and titles stand alone on their row
                text = cells[0]
                if is_table_mark(text):
                    current = _on_marker(out, current, plain(text), row)
                    continue
                found = title_kind(text)
                if found is not None:
                    current = _on_title(out, current, found, plain(text), row)
                    continue
            (current.rows if current is not None else out.narrative).append(row)
    return out


def _on_marker(out: Split, current: Section | None, label: str, row: Row | None) -> Section:
    """A ``表N`` marker: the next page of the current table, or a new table whose title follows."""
    if current is None or current.label != label:
        current = Section(label=label, kind="other", title="")
        out.tables.append(current)
    if row is not None:
        current.rows.append(row)
    return current


def _on_title(out: Split, current: Section | None, found: tuple[str, str], title: str,
              row: Row) -> Section:
    kind, usual = found
    if current is not None and current.kind == "other" and not current.title:
        current.kind, current.title = kind, title
    elif current is None or current.kind != kind:
        current = Section(label=usual, kind=kind, title=title)
        out.tables.append(current)
    current.rows.append(row)
    return current
