"""Every sum a document states, compared once per run and shared by the money rules.

``sources``: a total against its fund sources; ``rows``: a 小计/合计 row against the rows it
covers; ``tables``: one figure printed in two places of the same document (department budgets:
see :mod:`jixiao.checks.budget_sums` and :mod:`jixiao.checks.budget_tables`). Each comparison is judged with :func:`jixiao.checks.amounts.sum_check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.model import Document, Money, Project, StatedTotal
from jixiao.domain.source import SourceRef

from .amounts import SumCheck, document_step, sum_check

SIDE_LABELS = {"budget": "预算金额", "actual": "实际支出", "budget_initial": "年初预算数"}
PART_LABELS = {
    "total": "合计", "fiscal": "财政拨款", "general_public": "一般公共预算", "government_fund": "政府性基金",
    "state_capital": "国有资本经营预算", "special_account": "财政专户", "non_fiscal": "非财政资金",
    "carried_over": "上年结转",
}


@dataclass(frozen=True, slots=True)
class SumItem:
    """One comparison: what is compared (in Chinese), the numbers, and where it was printed."""

    family: str
    what: str
    check: SumCheck
    unit: str
    source: SourceRef | None
    project: Project | None = None
    note: str = ""


# The parts 财政拨款 splits into; when a form states them, fiscal is their sum, not a source.
FISCAL_PARTS = ("general_public", "government_fund", "state_capital")


def source_parts(m: Money) -> list:
    """The fund sources that add up to the total: fiscal's own split when stated, else fiscal itself."""
    split = any(k in m.parts for k in FISCAL_PARTS)
    return [v for k, v in m.parts.items() if not (k == "fiscal" and split)]


def _sources(what: str, m: Money, step, unit: str, source, project=None) -> SumItem | None:
    parts = source_parts(m)
    if m.total is None or not parts or m.total == sum(parts):
        return None  # the common case, kept cheap: nothing to report
    c = sum_check(m.total, parts, step)
    if c is None:
        return None
    return SumItem("sources", what, c, unit, source, project)


def _project_sums(doc: Document, step) -> list[SumItem]:
    out = []
    for p in doc.projects:
        for side in ("budget", "actual", "budget_initial"):
            m = getattr(p, side)
            if m is None or not m.parts:
                continue
            item = _sources(f"{SIDE_LABELS[side]}合计与各资金来源之和", m, step, doc.money_unit, p.source, p)
            if item is not None:
                out.append(item)
    return out


def _row_sums(doc: Document, t: StatedTotal, by_seq: dict[str, Project], step) -> list[SumItem]:
    rows = [by_seq[s] for s in t.covers if s in by_seq]
    if not rows:
        return []
    out = []
    for side in ("budget", "actual"):
        m: Money = getattr(t, side)
        keys = ["total"] + [k for k in m.parts if k != "fiscal" or not any(f in m.parts for f in FISCAL_PARTS)]
        for key in keys:
            stated = m.total if key == "total" else m.parts[key]
            vals = [getattr(r, side).total if key == "total" else getattr(r, side).parts.get(key) for r in rows]
            if key != "total" and all(v is None for v in vals) and stated == 0:
                continue
            c = sum_check(stated, [v or 0 for v in vals], step)
            if c is not None:
                what = f"“{t.label}”行{SIDE_LABELS[side]}{PART_LABELS.get(key, key)}与所含 {len(rows)} 行之和"
                out.append(SumItem("rows", what, c, doc.money_unit, t.source))
        item = _sources(f"“{t.label}”行{SIDE_LABELS[side]}合计与各资金来源之和", m, step, doc.money_unit, t.source)
        if item is not None:
            out.append(item)
    return out


def document_sums(doc: Document, ctx) -> list[SumItem]:
    """All sum comparisons of a document, computed once per run."""

    def build() -> list[SumItem]:
        step = document_step(doc, ctx)
        items = _project_sums(doc, step)
        by_seq = {p.seq: p for p in doc.projects if p.seq}
        for t in doc.stated_totals:
            items.extend(_row_sums(doc, t, by_seq, step))
        budget = doc.extras.get("budget")
        if isinstance(budget, DepartmentBudget):
            from .budget_sums import table_items
            from .budget_tables import cross_items
            from .printed_sums import printed_items

            items += table_items(doc, budget) + cross_items(doc, budget) + printed_items(budget)
        return items

    return ctx.shared(("sums", id(doc)), build)


def sum_hits(doc: Document, ctx, families: tuple[str, ...], verdict: str):
    """Hits for the document's comparisons of these families with this verdict."""
    from .amounts import show
    from .rule import hit

    for item in document_sums(doc, ctx):
        c = item.check
        if item.family not in families or c.verdict != verdict:
            continue
        u = item.unit
        yield hit(item.source, project=item.project, expected=show(c.computed, u), actual=show(c.stated, u),
                  what=item.what, stated=show(c.stated, u), computed=show(c.computed, u),
                  diff=show(abs(c.diff), u), rows=c.rows, tolerance=show(c.tolerance, u), note=item.note)
