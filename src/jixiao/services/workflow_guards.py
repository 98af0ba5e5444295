"""What a declaration must have before it can be submitted (issue 17): indicator weights that total
100 (or 100 less the 预算执行率's weight, which the engine adds) and a 测算依据.

A draft copied from an ingested project carries every weight blank and no 测算依据; submitting it
answers with one Chinese sentence per gap, and the fields they concern.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jixiao.scoring.formulas import num

from .workflow_scope import Invalid
from .workflow_settings import workflow_settings

FULL = Decimal(100)


def _weight(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def submission_gaps(indicators: list | None, basis: str | None) -> list[dict]:
    """The gaps that stop a submission: ``{"field", "problem"}`` each, in Chinese."""
    gaps = []
    rows = [i for i in (indicators or []) if isinstance(i, dict)]
    weights = [_weight(i.get("weight")) for i in rows]
    blank = [n for n, w in enumerate(weights, 1) if w is None]
    execution = workflow_settings().execution_weight
    total = sum((w for w in weights if w is not None), Decimal(0))
    if not rows:
        gaps.append({"field": "indicators", "problem": "没有绩效指标"})
    elif blank:
        where = "、".join(f"第 {n} 行" for n in blank[:10]) + ("等" if len(blank) > 10 else "")
        gaps.append({"field": "indicators", "problem": f"{len(blank)} 个指标没有填写分值（{where}）"})
    elif total not in (FULL, FULL - execution):
        gaps.append({"field": "indicators", "problem": f"指标分值合计 {num(total)} 分，应为 100 分"
                     f"（或 {num(FULL - execution)} 分，另加预算执行率 {num(execution)} 分）"})
    if not (basis or "").strip():
        gaps.append({"field": "basis", "problem": "没有填写测算依据"})
    return gaps


def check_submission(indicators: list | None, basis: str | None) -> None:
    """Refuse the submission (422, in Chinese) while the declaration has gaps."""
    gaps = submission_gaps(indicators, basis)
    if gaps:
        raise Invalid("不能提交申报：" + "；".join(g["problem"] for g in gaps) + "。请补充后再提交。", gaps)
