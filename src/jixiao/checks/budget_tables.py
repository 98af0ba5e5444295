"""One department budget's figures printed in two places: tables against tables and the narrative.

表1 against 表3; the narrative (第二、三部分) against 表1 and 表3, for the department and each unit;
表13 against the narrative's project list, against 表3 per unit, and against 表15 per project; 表14
against 表3; 表6 and 表7 against the income side of 表1. Two printings of one figure may differ by
half a unit each, so the tolerance counts every printed figure on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from jixiao.domain.budget import BudgetLine, DepartmentBudget
from jixiao.domain.model import Document

from .budget_projects import project_items, unit_key
from .budget_sums import compare, table_step
from .sums import SumItem

BASIC_PARTS = ("personnel", "operating", "household_subsidies")


def _one(budget: DepartmentBudget, table: str, row_kind: str, spending_type: str = "total"):
    return next((b for b in budget.lines(table) if b.row_kind == row_kind and b.spending_type == spending_type), None)


def _income(budget: DepartmentBudget, table: str, key: str):
    """An income line by fund source, or by row kind (total, grand_total)."""
    return next((i for i in budget.income_lines if i.table == table and
                 (i.fund_source == key or i.row_kind == key) and (i.level == 1 or i.row_kind != "line")), None)


def _pair(what: str, a, b, step, rows: int = 2) -> SumItem | None:
    if a is None or b is None:
        return None
    return compare("tables", what, a.amount, [b.amount], step, a.source, rows=rows)


def _figures(budget: DepartmentBudget) -> dict[tuple, object]:
    """Narrative figures by (what, unit), first mention only (the unit summary repeats them)."""
    out: dict[tuple, object] = {}
    for f in budget.stated_figures:
        if f.amount is not None:
            out.setdefault((f.what, f.unit), f)
    return out


def _table3_by_unit(budget: DepartmentBudget) -> dict[str, dict[str, list[BudgetLine]]]:
    """表3 rows by unit key (a unit's 专项资金 row counted with it) and spending type."""
    out: dict[str, dict[str, list[BudgetLine]]] = defaultdict(lambda: defaultdict(list))
    for b in budget.lines("表3"):
        if b.row_kind == "line":
            out[unit_key(b.unit or b.label)][b.spending_type].append(b)
    return out


def _department(budget: DepartmentBudget, figs: dict, step) -> list:
    t1, t3 = _one(budget, "表1", "total"), _one(budget, "表3", "total")
    out = [_pair("表1“本年支出合计”与表3支出总计", t1, t3, step),
           _pair("表1“收入总计”与“支出总计”", _income(budget, "表1", "grand_total"), _one(budget, "表1", "grand_total"), step),
           _pair("表6“本年支出合计”与表1收入“财政拨款”", _one(budget, "表6", "total"), _income(budget, "表1", "fiscal"), step),
           _pair("表7支出合计与表1收入“一般公共预算拨款”", _one(budget, "表7", "total"),
                 next((i for i in budget.income_lines if i.table == "表1" and i.fund_source == "general_public"
                       and i.level == 2), None), step)]
    for what, key, label in (("spending_total", "grand_total", "支出总计"),):
        out.append(_pair(f"正文部门预算支出与表1“{label}”", figs.get((what, None)), _one(budget, "表1", key), step))
    out.append(_pair("正文部门预算收入与表1“收入总计”", figs.get(("income_total", None)), _income(budget, "表1", "grand_total"), step))
    for what, label in (("fiscal", "财政拨款"), ("service_income", "事业收入"), ("other_income", "其他收入"),
                        ("carried_over", "上年结转")):
        out.append(_pair(f"正文“{label}”与表1收入", figs.get((what, None)), _income(budget, "表1", what), step))
    out.append(_pair("正文项目支出与表3项目支出合计", figs.get(("project_spending", None)),
                     _one(budget, "表3", "total", "project_spending"), step))
    out += _narrative_parts(figs, None, step)
    basic = [figs.get((w, None)) for w in BASIC_PARTS]
    t3_basic = _one(budget, "表3", "total", "basic_spending")
    if all(basic) and t3_basic is not None:
        out.append(compare("tables", "正文人员、公用、对个人和家庭的补助支出之和与表3基本支出合计", t3_basic.amount,
                           [f.amount for f in basic], step, basic[0].source, rows=4))
    return out


def _narrative_parts(figs: dict, unit: str | None, step) -> list:
    """Within the narrative: a budget against its four kinds of spending."""
    total = figs.get(("unit_budget" if unit else "spending_total", unit))
    parts = [figs.get((w, unit)) for w in (*BASIC_PARTS, "project_spending")]
    if total is None or not all(parts):
        return []
    who = f"正文“{unit}”预算" if unit else "正文部门预算支出"
    return [compare("sources", f"{who}与人员、公用、对个人和家庭的补助、项目支出之和", total.amount,
                    [p.amount for p in parts], step, total.source)]


def _units(budget: DepartmentBudget, figs: dict, step) -> list:
    out = []
    t3 = _table3_by_unit(budget)
    units = {u for (_, u) in figs if u}
    for unit in sorted(units):
        rows = t3.get(unit_key(unit))
        if not rows:
            continue
        out += _narrative_parts(figs, unit, step)
        for what, kind, label in (("unit_budget", "total", "支出总计"), ("project_spending", "project_spending", "项目支出")):
            f = figs.get((what, unit))
            if f is not None and rows.get(kind):
                out.append(compare("tables", f"正文“{unit}”{label}与表3", f.amount, [b.amount for b in rows[kind]],
                                   step, f.source, rows=1 + len(rows[kind])))
        basic = [figs.get((w, unit)) for w in BASIC_PARTS]
        if all(basic) and rows.get("basic_spending"):
            out.append(compare("tables", f"正文“{unit}”人员、公用、对个人和家庭的补助支出之和与表3基本支出",
                               sum(f.amount for f in basic), [b.amount for b in rows["basic_spending"]], step,
                               basic[0].source, rows=3 + len(rows["basic_spending"])))
    return out


def cross_items(doc: Document, budget: DepartmentBudget) -> list[SumItem]:
    """Every figure of a department budget printed twice that does not agree exactly."""
    step = table_step(budget.lines("表3") or budget.budget_lines, budget.money_unit)
    figs = _figures(budget)
    out = _department(budget, figs, step) + _units(budget, figs, step)
    out += project_items(doc, budget, figs, step, _table3_by_unit(budget))
    return [i for i in out if i is not None]
