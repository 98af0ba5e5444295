"""Tables by unit: 表3 支出总表, 表7 一般公共预算支出 (by 科目编码), 表13 绩效管理项目.

A unit's name may stand on its own row (or on the unit's total row) above its lines: it is carried
down until the next unit. The department's own row (its name, the first row) is the total.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.budget import BudgetLine, ProcurementLine, level_of, unit_name
from jixiao.domain.text import compact
from jixiao.ingest.grid import Row

from .budget_cells import Rule, plain, read_amount, read_cells
from .budget_rows import Ctx, data_rows
from .budget_split import Section

UNIT = Rule("unit", "text", ("预算单位", "单位名称", "实施单位", "=单位"))
SPENDING = (
    Rule("total", "number", ("支出总计", "合计", "总计")),
    Rule("basic_spending", "number", ("基本支出",)),
    Rule("project_spending", "number", ("项目支出",), ("采购",)),
)
TABLE3 = (UNIT, *SPENDING,
          Rule("prior_years", "number", ("以前年度",)),
          Rule("small_micro", "number", ("小型", "微型")),
          Rule("sme", "number", ("中小企业",)),
          Rule("planned", "number", ("政府采购",)))
TABLE7 = (UNIT, Rule("code", "code", ("科目编码", "编码")), Rule("name", "text", ("科目名称",)), *SPENDING)
TABLE13 = (UNIT, Rule("name", "text", ("项目名称",)),
           Rule("total", "number", ("合计", "预算金额")),
           Rule("general_public", "number", ("一般公共预算",)),
           Rule("fiscal", "number", ("财政拨款",)),
           Rule("non_fiscal", "number", ("其他资金", "非财政", "单位资金")),
           Rule("period", "text", ("执行时间", "执行期")))
_SPENDING_KEYS = ("total", "basic_spending", "project_spending")


def row_kind_of(unit: str, ctx: Ctx) -> str:
    """``total`` for the department's own row, else ``subtotal`` (a unit's row)."""
    dept = ctx.budget.department
    return "total" if dept and compact(unit) == compact(dept) else "subtotal"


def amounts(cells: dict[str, tuple[str, int]], keys: tuple[str, ...]) -> dict[str, tuple[Decimal, int]]:
    """The stated amounts among ``keys``: key → (value, column)."""
    out = {}
    for key in keys:
        if key in cells:
            value = read_amount(cells[key][0])
            if value is not None:
                out[key] = (value, cells[key][1])
    return out


def spending_lines(row: Row, got: dict[str, tuple[Decimal, int]], ctx: Ctx, label: str, unit: str | None = None,
                   function_code: str | None = None, function_name: str | None = None,
                   function_level: str | None = None, fund_source: str = "all",
                   row_kind: str = "line") -> list[BudgetLine]:
    """total / basic / project lines of one row; one missing part is worked out (stated=False)."""
    values = {k: v for k, (v, _) in got.items()}
    if len(values) == 2:
        missing = [k for k in _SPENDING_KEYS if k not in values]
        if len(missing) == 1:
            k = missing[0]
            values[k] = (values["basic_spending"] + values["project_spending"] if k == "total"
                         else values["total"] - sum(v for key, v in values.items() if key != "total"))
    lines = []
    table, money_unit = ctx.table, ctx.unit
    for key in _SPENDING_KEYS:
        if key not in values:
            continue
        yuan, stated = ctx.money(values[key])
        col = got[key][1] if key in got else 0
        # BudgetLine's fields in order (tests pin it): a call by keyword costs twice as much
        lines.append(BudgetLine(table, label, yuan, stated, money_unit, unit, function_code, function_name,
                                function_level, fund_source, key, row_kind, key in got, False, None,
                                row.ref_of(col)))
    return lines


def read_table3(section: Section, ctx: Ctx) -> None:
    """Per unit: total, basic and project spending, and the procurement columns."""
    for row, cols in data_rows(section, ctx, TABLE3):
        cells = read_cells(row, cols, ctx.doc, ctx.table)
        label = cells.get("unit", ("", 0))[0]
        unit = unit_name(label)
        got = amounts(cells, _SPENDING_KEYS)
        if not unit or not got:
            ctx.warn("行缺少单位名称或金额", row)
            continue
        kind = "total" if row_kind_of(unit, ctx) == "total" else "line"
        ctx.budget.budget_lines += spending_lines(row, got, ctx, label=label, unit=unit, row_kind=kind)
        for measure, (value, col) in amounts(cells, ("planned", "sme", "small_micro", "prior_years")).items():
            yuan, stated = ctx.money(value)
            ctx.budget.procurement_lines.append(ProcurementLine(
                table=ctx.table, unit=unit, amount=yuan, stated_amount=stated, money_unit=ctx.unit,
                measure=measure, row_kind=kind, source=row.ref_of(col)))


def read_table7(section: Section, ctx: Ctx, fund: str = "general_public") -> None:
    """Per unit, rows by 7-digit 科目编码 split into basic and project spending."""
    unit: str | None = None
    for row, cols in data_rows(section, ctx, TABLE7):
        cells = read_cells(row, cols, ctx.doc, ctx.table)
        code = plain(cells["code"][0]) if "code" in cells else None
        got = amounts(cells, _SPENDING_KEYS)
        if "unit" in cells and not code:
            unit = unit_name(cells["unit"][0])
            if got:
                ctx.budget.budget_lines += spending_lines(
                    row, got, ctx, label=cells["unit"][0], unit=unit, fund_source=fund, row_kind=row_kind_of(unit, ctx))
            continue
        if code is None or not got:
            ctx.warn("行缺少科目编码或金额", row)
            continue
        name = cells.get("name", ("", 0))[0]
        ctx.budget.budget_lines += spending_lines(
            row, got, ctx, label=name or code, unit=unit, function_code=code, function_name=name or None,
            function_level=level_of(code), fund_source=fund)


def read_table13(section: Section, ctx: Ctx) -> None:
    """The projects under performance management: unit, name, amounts by source, period."""
    unit: str | None = None
    for row, cols in data_rows(section, ctx, TABLE13):
        cells = read_cells(row, cols, ctx.doc, ctx.table)
        unit = unit_name(cells["unit"][0]) if "unit" in cells else unit
        name = cells.get("name", ("", 0))[0]
        period = cells["period"][0] if "period" in cells else None
        total_row = not name and plain(unit or "") in ("合计", "总计")
        if not name and not total_row:
            ctx.warn("行缺少项目名称", row)
            continue
        label = name or plain(unit or "")
        line_unit, row_kind = (None, "total") if total_row else (unit, "line")
        for key, (value, col) in amounts(cells, ("total", "general_public", "fiscal", "non_fiscal")).items():
            yuan, stated = ctx.money(value)
            # BudgetLine's fields in order (tests pin it): a call by keyword costs twice as much
            ctx.budget.budget_lines.append(BudgetLine(
                ctx.table, label, yuan, stated, ctx.unit, line_unit, None, None, None,
                "all" if key == "total" else key, "project_spending", row_kind, True, False, period,
                row.ref_of(col)))
