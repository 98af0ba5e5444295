"""Projects of a department budget printed in several places: 表13, the narrative list, 表15, 表14, 表3.

Lines are paired by unit and name (as cross-document matching reduces names); when one unit lists a
name twice (two 待支付以前年度采购项目), each line takes the unused one nearest in amount.
"""

from __future__ import annotations

from collections import defaultdict

from jixiao.domain.budget import BudgetLine, DepartmentBudget, base_unit
from jixiao.domain.model import Document

from .budget_sums import compare
from .matching import name_key
from .texts import comparable


def unit_key(name: str | None) -> str:
    """A unit name for pairing: simplified, without 专项资金 and 本级."""
    return comparable(base_unit(name or "")).removesuffix("本级")


def _pairs(lines: list, others: list, amount_of) -> list[tuple]:
    """Pair each line with the other of the same unit and name nearest in amount (each used once)."""
    pool: dict[tuple, list] = defaultdict(list)
    for o in others:
        pool[o[0]].append(o[1])
    out = []
    for key, line in lines:
        candidates = pool.get(key)
        if candidates:
            best = min(candidates, key=lambda o: abs(amount_of(o) - line.amount))
            candidates.remove(best)
            out.append((line, best))
    return out


def _table13(budget: DepartmentBudget) -> list[tuple[tuple, BudgetLine]]:
    return [((unit_key(b.unit), name_key(b.label)), b) for b in budget.lines("表13") if b.fund_source == "all"]


def _narrative(figs: dict, budget: DepartmentBudget, step) -> list:
    listed = [((unit_key(f.unit), name_key(f.label)), f) for f in budget.stated_figures
              if f.what == "project" and f.amount is not None]
    return [compare("tables", f"表13“{line.label}”与正文所列同名项目", line.amount, [f.amount], step,
                    line.source, rows=2) for line, f in _pairs(_table13(budget), listed, lambda f: f.amount)]


def _per_unit(budget: DepartmentBudget, t3: dict, step) -> list:
    sums: dict[str, list[BudgetLine]] = defaultdict(list)
    for (unit, _), line in _table13(budget):
        sums[unit].append(line)
    out = []
    for unit, rows in t3.items():
        lines = sums.get(unit)
        project = rows.get("project_spending")
        if lines and project:
            name = project[0].label
            out.append(compare("tables", f"表3“{name}”项目支出与表13该单位 {len(lines)} 个项目之和",
                               sum(b.amount for b in project), [b.amount for b in lines], step,
                               project[0].source, rows=len(project) + len(lines)))
    return out


def _table15(doc: Document, budget: DepartmentBudget, step) -> list:
    projects = [((unit_key(p.unit), name_key(p.name)), p) for p in doc.projects
                if p.kind == "project" and p.budget.total is not None]
    return [compare("tables", f"表13“{line.label}”与表15同名项目的本年预算", line.amount, [p.budget.total], step,
                    line.source, rows=2) for line, p in _pairs(_table13(budget), projects, lambda p: p.budget.total)]


def _table14(doc: Document, t3: dict, step) -> list:
    out = []
    for p in doc.projects:
        rows = t3.get(unit_key(p.unit or p.name)) if p.kind == "unit_overall" else None
        if rows and rows.get("total") and p.budget.total is not None:
            out.append(compare("tables", f"表14“{p.name}”整体支出与表3该单位支出总计", p.budget.total,
                               [b.amount for b in rows["total"]], step, p.source, rows=1 + len(rows["total"])))
    return out


def project_items(doc: Document, budget: DepartmentBudget, figs: dict, step, t3: dict) -> list:
    """Every project-level figure of the budget printed twice, compared."""
    return _narrative(figs, budget, step) + _per_unit(budget, t3, step) + _table15(doc, budget, step) \
        + _table14(doc, t3, step)
