"""Total and grade: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60; optional cap of the total by execution rate."""

from __future__ import annotations

from decimal import Decimal

from .formulas import num
from .settings import ScoringSettings, setting_words

GRADES = ("优", "良", "中", "差")
HUNDRED = Decimal(100)


def grade_of(total: Decimal, settings: ScoringSettings) -> str:
    """The grade a total earns under the thresholds of ``settings``."""
    if total >= settings.grade_excellent:
        return "优"
    if total >= settings.grade_good:
        return "良"
    if total >= settings.grade_pass:
        return "中"
    return "差"


def grade_text(total: Decimal, settings: ScoringSettings) -> str:
    """Why the total earns its grade, with the thresholds used."""
    g = grade_of(total, settings)
    bounds = {"优": f"≥ {num(settings.grade_excellent)}",
              "良": f"≥ {num(settings.grade_good)} 且 < {num(settings.grade_excellent)}",
              "中": f"≥ {num(settings.grade_pass)} 且 < {num(settings.grade_good)}",
              "差": f"< {num(settings.grade_pass)}"}
    return (f"总分 {num(total)} {bounds[g]}，等级为{g}（优 ≥ {num(settings.grade_excellent)}，"
            f"良 ≥ {num(settings.grade_good)}，中 ≥ {num(settings.grade_pass)}，其余为差）")


def cap_for_rate(rate: Decimal | None, settings: ScoringSettings) -> Decimal | None:
    """The highest total allowed at this execution rate (provincial variant), or None."""
    if not settings.cap_by_execution_rate or rate is None:
        return None
    cap = None
    for below, limit in settings.rate_caps:
        if rate < below and (cap is None or limit < cap):
            cap = limit
    return cap


def cap_total(total: Decimal, rate: Decimal | None, settings: ScoringSettings) -> tuple[Decimal, str | None]:
    """Apply the 100-point ceiling and, when set, the execution-rate cap; say what was done."""
    notes = []
    if total > HUNDRED:
        notes.append(f"合计 {num(total)} 超过 100，按 100 计")
        total = HUNDRED
    cap = cap_for_rate(rate, settings)
    if cap is not None and total > cap:
        notes.append(f"执行率 {num(rate)}% 时总分最高 {num(cap)}（设置：{setting_words('cap_by_execution_rate')}），由 {num(total)} 降为 {num(cap)}")
        total = cap
    return total, "；".join(notes) or None
