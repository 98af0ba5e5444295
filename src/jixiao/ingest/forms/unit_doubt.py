"""Doubtful money units: an amount kept as stated but flagged when a reference says otherwise.

The reference is the project's 测算依据 total or, without one, its 成本 indicator's target (``≤30万``
beside 本年度项目金额 300,000 labelled 万元: the amount is in 元); an amount implausible in its unit
(above 100亿元 in 万元, below 100 元 in 元) is doubtful on its own.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Document, MoneyUnit, ParseWarning, Project

_MONEY_UNITS = {None: Decimal(1), "元": Decimal(1), "万元": Decimal(10000), "万": Decimal(10000)}


def cost_target(project: Project) -> Decimal | None:
    """The yuan a 成本 indicator's target caps the project at (``≤30万`` → 300,000), or None."""
    for ind in project.indicators:
        target = ind.target
        if ind.level2 == "cost" and target is not None and target.value and target.unit in _MONEY_UNITS \
                and (target.unit or "万" in (target.text or "")):
            return target.value * _MONEY_UNITS[target.unit]
    return None


def unit_doubt(field: str, amount_yuan: Decimal | None, stated: str, unit: str,
               basis_total: Decimal | None, against: str = "测算依据合计") -> dict | None:
    """A reason to doubt the money unit of one amount, or None.

    An amount is doubtful when a reference figure (its 测算依据 total, the same task in another
    table) is about 1/10,000 (or 10,000 times) of it, or
    when it is implausible in its unit (above 100亿元 in 万元, below 100 元 in 元).
    """
    if amount_yuan is None or amount_yuan <= 0:
        return None
    other = MoneyUnit.YUAN if unit == MoneyUnit.WAN_YUAN else MoneyUnit.WAN_YUAN
    reason = None
    if basis_total and basis_total > 0:
        ratio = amount_yuan / basis_total
        if (unit == MoneyUnit.WAN_YUAN and 5000 <= ratio <= 20000) or \
                (unit == MoneyUnit.YUAN and Decimal("0.00005") <= ratio <= Decimal("0.0002")):
            reason = (f"{against}{basis_total:.2f}元，与所填金额相差约一万倍，单位疑为"
                      f"{'元' if other == MoneyUnit.YUAN else '万元'}")
    if reason is None and unit == MoneyUnit.WAN_YUAN and amount_yuan >= Decimal("1e10"):
        reason = "金额达100亿元以上，单位疑为元 (implausibly large in 万元)"
    if reason is None and unit == MoneyUnit.YUAN and amount_yuan < 100:
        reason = "金额不足100元，单位疑为万元 (implausibly small in 元)"
    if reason is None:
        return None
    return {"reason": reason, "stated": str(unit), "value": stated, "likely": str(other), "field": field}


def check_unit_doubt(project: Project, doc: Document) -> None:
    """Flag amounts whose unit is doubtful: kept as stated, noted on the project and warned."""
    basis = project.details.get("basis") or {}
    total = basis.get("stated_total") and basis["stated_total"].get("yuan") or basis.get("computed_total")
    basis_total = Decimal(total) if total else None
    against = "测算依据合计"
    if basis_total is None:
        basis_total, against = cost_target(project), "成本指标的目标值"
    stated = project.details.get("stated_amounts", {})
    multi = project.details.get("multi_year")
    doubts = [d for d in (
        unit_doubt("budget", project.budget.total, stated.get("budget", {}).get("text", ""),
                   project.money_unit, basis_total, against),
        unit_doubt("multi_year", Decimal(multi) if multi else None, stated.get("multi_year", {}).get("text", ""),
                   stated.get("multi_year", {}).get("unit", project.money_unit), None),
    ) if d]
    if not doubts:
        return
    project.details["money_unit_doubt"] = dict(doubts[0], also=doubts[1:]) if len(doubts) > 1 else doubts[0]
    for d in doubts:
        doc.warnings.append(ParseWarning(f"项目“{project.name}”金额单位存疑：{d['reason']}",
                                         project.budget.source or project.source, d["value"]))


__all__ = ["check_unit_doubt", "cost_target", "unit_doubt"]
