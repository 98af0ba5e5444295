"""表11 政府采购 (by 品目 code A goods, B works, C services) and 表12 三公经费."""

from __future__ import annotations

from jixiao.domain.budget import ProcurementLine, ThreePublicLine, unit_name

from .budget_cells import Rule, plain, read_amount, read_cells, year_of
from .budget_rows import Ctx, data_rows
from .budget_split import Section
from .budget_unit_tables import UNIT, row_kind_of

TABLE11 = (UNIT, Rule("code", "code", ("编号", "编码", "代码")), Rule("name", "text", ("品目", "名称")),
           Rule("amount", "number", ("金额", "合计", "预算数")))
THREE_PUBLIC = ("total", "overseas_travel", "reception", "official_cars", "car_purchase", "car_operation")
TABLE12 = (UNIT, Rule("year", "year", ("年度",)),
           Rule("total", "number", ("总额", "合计")),
           Rule("overseas_travel", "number", ("出国",)),
           Rule("reception", "number", ("接待",)),
           Rule("official_cars", "number", ("购置及运行", "购置和运行", "小计")),
           Rule("car_purchase", "number", ("购置费",), ("运行",)),
           Rule("car_operation", "number", ("运行维护费", "运行费"), ("购置",)))


def read_table11(section: Section, ctx: Ctx) -> None:
    """Procurement per unit and per 品目 code below it."""
    unit: str | None = None
    for row, cols in data_rows(section, ctx, TABLE11):
        cells = read_cells(row, cols, ctx.doc, ctx.table)
        amount = read_amount(cells["amount"][0]) if "amount" in cells else None
        code = plain(cells["code"][0]) if "code" in cells else None
        if "unit" in cells and not code:
            unit = unit_name(cells["unit"][0])
            if amount is None:
                continue
            kind, name = row_kind_of(unit, ctx), None
        elif code and amount is not None:
            kind, name = "line", cells.get("name", ("", 0))[0] or None
        else:
            ctx.warn("行缺少品目编号或金额", row)
            continue
        yuan, stated = ctx.money(amount)
        ctx.budget.procurement_lines.append(ProcurementLine(
            table=ctx.table, unit=unit, amount=yuan, stated_amount=stated, money_unit=ctx.unit,
            item_code=code, item_name=name, row_kind=kind, source=row.ref_of(cells["amount"][1])))


def read_table12(section: Section, ctx: Ctx) -> None:
    """三公经费 per unit and year; the unit's name stands on its first year's row only."""
    unit: str | None = None
    for row, cols in data_rows(section, ctx, TABLE12):
        cells = read_cells(row, cols, ctx.doc, ctx.table)
        unit = unit_name(cells["unit"][0]) if "unit" in cells else unit
        year = year_of(cells["year"][0]) if "year" in cells else None
        if unit is None or year is None:
            ctx.warn("行缺少单位或年度", row)
            continue
        kind = "total" if row_kind_of(unit, ctx) == "total" else "line"
        for category in THREE_PUBLIC:
            value = read_amount(cells[category][0]) if category in cells else None
            if value is None:
                continue
            yuan, stated = ctx.money(value)
            ctx.budget.three_public_lines.append(ThreePublicLine(
                unit=unit, year=year, category=category, amount=yuan, stated_amount=stated,
                money_unit=ctx.unit, table=ctx.table, row_kind=kind, source=row.ref_of(cells[category][1])))
