"""部门预算项目绩效自评表: a department's projects in one wide, multi-page table.

Columns cannot be trusted by position (empty cells are dropped, headers differ per page), so each
data row is read by value shapes: text (unit, name), a run of money cells closed by a percentage
(the execution rate), then texts (goal, overall completion, indicator content/completion pairs,
problems, rectification). Budget and actual are told apart by arithmetic: each total must equal the
sum of its fund sources, and actual ÷ budget must give the stated rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.memo import per_document
from jixiao.domain.model import Document, DocumentKind, ParseWarning, Project, StatedTotal
from jixiao.domain.numbers import parse_decimal, parse_percent
from jixiao.domain.text import compact
from jixiao.ingest.grid import Grid, Row, SourceError

from . import wide_indicators
from .common import find_department, find_money_unit, find_year, fund_code, money_of, status_of

KIND = DocumentKind.SELF_EVALUATION_TABLE
_SEQ = re.compile(r"^\d{1,5}$")
_TOL = Decimal("0.011")
_RATE_TOL = Decimal("0.0051") * 2
_ZERO = Decimal(0)
DEFAULT_SOURCES = ["general_public", "government_fund", "non_fiscal"]


def detect(grid: Grid) -> float:
    """Confidence that the grid is a wide self-evaluation table."""
    head = grid.head_key(40)
    score = 0.0
    if "绩效自评" in head:
        score += 0.4
    if "预算支出执行率" in head or "执行率" in head:
        score += 0.2
    if "年度指标内容" in head and "完成情况" in head:
        score += 0.3
    if "序号" in head and "项目名称" in head:
        score += 0.1
    if "年度资金总额" in head or "三级指标" in head:
        score -= 0.5  # that is the single-project form
    return max(score, 0.0)


@dataclass(slots=True)
class _Layout:
    """What the latest header block says: fund sources and indicator categories in order."""

    sources: list[str]
    slots: list[str]


def _is_header(row: Row) -> bool:
    first = compact(row.cell(0))
    return first == "序号" or (not first and any(
        w in row.text() for w in ("年度指标内容", "一般公共预算", "其中", "数量指标", "非财政资金")))


# fund_code of a header cell, remembered per document: every page repeats its header.
_header_fund = per_document(fund_code)


def _layout_from(header_rows: list[Row]) -> _Layout:
    first_col: dict[str, int] = {}
    labels: list[tuple[int, str]] = []  # (column, cell) of the cells that may name a category
    for row in header_rows:
        for col, cell in enumerate(row.cells):
            if not cell:
                continue
            if "标" in cell:  # slots_from_header passes over every cell without (…指标)
                labels.append((col, cell))
            code = _header_fund(cell)
            if code and code != "fiscal":
                first_col[code] = min(first_col.get(code, col), col)
    sources = sorted(first_col, key=first_col.__getitem__)
    labels.sort()  # by column, as the header is read from left to right
    slots = wide_indicators.slots_from_header([cell for _, cell in labels])
    return _Layout(sources=sources or list(DEFAULT_SOURCES), slots=slots)


def read(grids: list[Grid], doc: Document) -> Document:
    """Read every grid of the file into ``doc`` (projects, stated totals, warnings)."""
    for grid in grids:
        refuse_if_cut(grid)
        _read_grid(grid, doc)
    if not doc.projects:
        doc.warnings.append(ParseWarning("表格中没有找到任何项目行"))
    return doc


def refuse_if_cut(grid: Grid) -> None:
    """A table that stops after a header or inside a row was cut off: the file is refused whole."""
    # a lone trailing cell (page number, footnote) is not a table row
    rows = [r for r in grid.rows if len(r.nonempty()) >= 2]
    reason = _cut_reason(rows) if rows else None
    if reason:
        raise SourceError(f"表格在 {rows[-1].ref.label()} 处被截断：{reason}")


def _cut_reason(rows: list[Row]) -> str | None:
    last = rows[-1]
    if _is_header(last):
        return "最后一行是表头，其后没有数据"
    first = compact(last.cell(0))
    if not (_SEQ.match(first) or "小计" in first or first.endswith("合计") or first == "总计"):
        return None
    start = next((i for i in range(1, min(len(last.cells), 8))
                  if parse_decimal(last.cells[i]) is not None or parse_percent(last.cells[i]) is not None), None)
    if start is None or _money_run(last, start)[1] is None:
        return "最后一行在金额或执行率处中断"
    if last.cell_refs is None:  # extracted text pads every row of a table to the same width
        block_start = max((i for i, r in enumerate(rows) if _is_header(r)), default=0)
        widths = {len(r.cells) for r in rows[block_start:-1]}
        if len(widths) == 1 and len(last.cells) < widths.pop():
            return "最后一行比表中其他行短"
    if _SEQ.match(first) and any("小计" in compact(r.cell(0)) for r in rows):
        return "表格有小计行，却在项目行后结束，缺少最后的小计与合计"
    return None


def _read_grid(grid: Grid, doc: Document) -> None:
    unit_of_money = find_money_unit(grid)
    doc.money_unit = unit_of_money
    for row in grid.rows[:12]:
        text = "".join(row.nonempty())
        if not doc.title and "自评" in text and len(text) < 80:
            doc.title = text
    doc.year = doc.year or find_year(doc.title or grid.head_text(10))
    doc.department = doc.department or find_department(grid)
    layout = _Layout(list(DEFAULT_SOURCES), wide_indicators.DEFAULT_SLOTS)
    header: list[Row] = []
    since_subtotal: list[str] = []
    all_seqs: list[str] = []
    last_unit: str | None = None
    for row in grid.rows:
        if not row.nonempty():
            continue
        if _is_header(row):
            header = header + [row] if header and compact(row.cell(0)) != "序号" else [row]
            continue
        if header:
            layout = _layout_from(header)
        header = []
        first = compact(row.cell(0))
        if _SEQ.match(first):
            project = _read_project(row, layout, doc, unit_of_money, last_unit)
            if project is not None:
                doc.projects.append(project)
                last_unit = project.unit
                if project.seq is not None:  # always: the row was taken for its 序号
                    since_subtotal.append(project.seq)
                    all_seqs.append(project.seq)
        elif "小计" in first or first in ("合计", "总计") or first.endswith("合计"):
            level = "subtotal" if "小计" in first else "total"
            covers = list(since_subtotal) if level == "subtotal" else list(all_seqs)
            total = _read_total(row, layout, unit_of_money, level, covers, doc)
            if total is not None:
                doc.stated_totals.append(total)
            if level == "subtotal":
                since_subtotal = []


def _money_run(row: Row, start: int) -> tuple[list[Decimal | None], int | None, Decimal | None]:
    """Money cells from ``start`` up to the rate cell: (values, index of rate, rate)."""
    # Row cells are stripped: an empty cell is no amount, and only a cell ending in % can be a rate.
    values: list[Decimal | None] = []
    cells = row.cells
    for i in range(start, min(len(cells), start + 14)):
        cell = cells[i]
        if not cell:
            values.append(None)
            continue
        if cell[-1] in "%％":
            rate = parse_percent(cell)
            if rate is not None:
                return values, i, rate
        value = parse_decimal(cell)
        if value is None:
            return values, None, None
        values.append(value)
    return values, None, None


def split_budget_actual(values: list[Decimal | None], rate: Decimal | None,
                        n_sources: int) -> tuple[list, list, bool]:
    """Split a run of money cells into budget and actual groups by their arithmetic.

    Each group is ``[total, source, source, …]``; the split kept is the one where both totals
    equal the sum of their sources and actual ÷ budget gives the stated rate. Returns the two
    groups and whether the arithmetic confirmed the split.
    """
    n = len(values)
    total = values[0] if n else None
    if total is None:  # no budget total: no split can start
        return values[:1], values[1:2], False
    # A group starts only at a stated amount: walk the stated ones, whose runs before and after
    # are the group's sources (summed in the same order, so to the same Decimal, as before).
    at = [k for k in range(n) if values[k] is not None]
    stated = [v for v in values if v is not None]
    last = len(stated) - 1
    best: tuple[int, int, int] | None = None
    best_at, best_sums = 0, False
    for j in range(1, last + 1):
        k, first = at[j], stated[j]
        ok_b = j == 1 or abs(sum(stated[1:j], _ZERO) - total) <= _TOL
        ok_a = j == last or abs(sum(stated[j + 1:], _ZERO) - first) <= _TOL
        if rate is None:
            ok_rate = True
        elif total == 0:
            ok_rate = first == 0
        else:
            ok_rate = abs(first / total * 100 - rate) <= _RATE_TOL
        key = (int(ok_b) + int(ok_a) + int(ok_rate), -abs(k - (n - k)), -abs(k - 1 - n_sources))
        if best is None or key > best:
            best, best_at, best_sums = key, k, ok_b and ok_a
    if best is None:
        return values[:1], values[1:2], False
    return values[:best_at], values[best_at:], best[0] >= 2 and best_sums


def _assign(group: list[Decimal | None], sources: list[str]) -> tuple[Decimal | None, dict]:
    total = group[0] if group else None
    parts = {}
    for name, value in zip(sources, group[1:]):
        if value is not None:
            parts[name] = value
    return total, parts


def _money_and_rate(row: Row, start: int, layout: _Layout, unit: str, doc: Document):
    values, rate_at, rate = _money_run(row, start)
    if rate_at is None or not any(v is not None for v in values):
        doc.warnings.append(ParseWarning(
            "未找到“金额…执行率”列，应为若干金额后接百分比",
            row.ref, "\t".join(row.cells[:12])))
        return None
    b, a, confirmed = split_budget_actual(values, rate, len(layout.sources))
    if not confirmed:
        doc.warnings.append(ParseWarning(
            "预算与实际支出的分列无法由算术确认，已按最接近的方式读取",
            row.ref, " ".join("" if v is None else str(v) for v in values)))
    bt, bp = _assign(b, layout.sources)
    at, ap = _assign(a, layout.sources)
    return (money_of(bt, bp, unit, row.ref_of(start)), money_of(at, ap, unit, row.ref_of(start + len(b))),
            rate, rate_at)


def _read_project(row: Row, layout: _Layout, doc: Document, unit: str,
                  last_unit: str | None) -> Project | None:
    cells = row.cells
    first_money = next((i for i in range(1, min(len(cells), 8))
                        if parse_decimal(cells[i]) is not None or parse_percent(cells[i]) is not None), None)
    if first_money is None:
        doc.warnings.append(ParseWarning("项目行缺少金额列", row.ref,
                                         "\t".join(cells[:6])))
        return None
    texts = [c for c in cells[1:first_money] if c]  # Row cells are stripped
    unit_name = texts[0] if len(texts) >= 2 else last_unit
    name = texts[-1] if texts else ""
    got = _money_and_rate(row, first_money, layout, unit, doc)
    if got is None:
        return None
    budget, actual, rate, rate_at = got
    project = Project(
        name=name, unit=unit_name, department=doc.department, seq=compact(cells[0]),
        year=doc.year, money_unit=unit, budget=budget, actual=actual, execution_rate=rate,
        source=row.ref,
    )
    wide_indicators.read_texts(row, rate_at + 1, layout.slots, project)
    project.status = status_of(project.status_text)
    return project


def _read_total(row: Row, layout: _Layout, unit: str, level: str, covers: list[str],
                doc: Document) -> StatedTotal | None:
    label = compact(row.cell(0))
    start = next((i for i in range(1, min(len(row.cells), 6)) if parse_decimal(row.cells[i]) is not None), None)
    if start is None:
        doc.warnings.append(ParseWarning("小计/合计行没有金额", row.ref, label))
        return None
    got = _money_and_rate(row, start, layout, unit, doc)
    if got is None:
        return None
    budget, actual, rate, _ = got
    unit_name = label.replace("小计", "") if level == "subtotal" else None
    return StatedTotal(label=label, level=level, unit=unit_name or None, budget=budget, actual=actual,
                       execution_rate=rate, covers=covers, source=row.ref)
