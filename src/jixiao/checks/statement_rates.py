"""Stated percentages of budget statements against the amounts they are stated with.

A share (占 19.4%) is the part over its whole, a growth (增长 168.7%) the change over last year's
level, a completion (完成预算的 73.2%) the 决算 over the 预算.
Each amount printed to 0.01 may be off by half a hundredth, and a percentage may be rounded or cut
to its printed digits: a stated percentage is wrong only when no value in that range gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.budget import StatedFigure
from jixiao.domain.figure_math import percent_fits, ratio_interval, worked_percent, yuan_step

HALF = Decimal("0.5")
# How far (in figures) a rate's own amounts may stand from it: its part or change right beside it, its
# level and budget in the sentence or the one before. The whole a share is of may be stated anywhere.
_BESIDE, _NEAR = 3, 12


@dataclass(frozen=True, slots=True)
class RateItem:
    """A stated percentage the amounts do not give: what it is, as stated and as worked out."""

    figure: StatedFigure
    what: str  # 占比, 增长率, 完成率 …
    computed: Decimal
    working: str  # how it was worked out, in words


def _levels(figs: list[StatedFigure]) -> list[tuple[int, StatedFigure]]:
    return [(i, f) for i, f in enumerate(figs) if f.change is None and f.ratio is None and f.amount is not None]


def _nearest(items: list[tuple[int, StatedFigure]], before: int, within: int | None = None,
             **want) -> StatedFigure | None:
    """The figure matching ``want`` stated last before index ``before``; with ``within``, only among the
    ``within`` figures before it, or after it in the same sentence (a rate's amounts stand beside it)."""
    fits = [(i, f) for i, f in items if all(getattr(f, k) == v for k, v in want.items())]
    earlier = [(i, f) for i, f in fits if i < before and (within is None or before - i <= within)]
    if earlier:
        return earlier[-1][1]
    if within is None:
        return fits[0][1] if fits else None
    return next((f for i, f in fits if i >= before and i - before <= within), None)


def _span(f: StatedFigure, steps: dict[str, Decimal]) -> tuple[Decimal, Decimal]:
    """The amounts a printed figure may stand for: half its step either way, the step being the finest
    the document prints in that unit (``3万元`` beside ``1.71万元`` is 3.00万元)."""
    own = yuan_step(f.value, f.measure_unit)
    h = min(own, steps.get(f.measure_unit, own)) * HALF
    a = abs(f.amount or Decimal(0))
    return a - h, a + h


def printing_steps(figs: list[StatedFigure]) -> dict[str, Decimal]:
    """The finest step the document prints its money in, per unit."""
    out: dict[str, Decimal] = {}
    for f in figs:
        if f.amount is not None:
            step = yuan_step(f.value, f.measure_unit)
            out[f.measure_unit] = min(step, out.get(f.measure_unit, step))
    return out


def _money(f: StatedFigure) -> str:
    return f"{abs(f.value)}{f.measure_unit}"


def rate_items(figs: list[StatedFigure]) -> list[RateItem]:
    """Every stated share, growth and completion rate the stated amounts do not give."""
    levels = _levels(figs)
    steps = printing_steps(figs)
    changes = [(i, f) for i, f in enumerate(figs) if f.change is not None and f.ratio is None and f.amount is not None]
    out: list[RateItem | None] = []
    for i, f in enumerate(figs):
        if f.measure_unit != "%" or f.subject is None or f.ratio is None:
            continue
        if f.ratio == "share":
            out.append(_share(i, f, levels, steps))
        elif f.ratio == "growth":
            out.append(_growth(i, f, levels, changes, steps))
        elif f.ratio == "completion":
            out.append(_completion(i, f, levels, steps))
    return [o for o in out if o is not None]


def _judge(f: StatedFigure, what: str, num: StatedFigure, den_span, den_text: str, steps) -> RateItem | None:
    possible = ratio_interval(_span(num, steps), den_span)
    if possible is None or percent_fits(abs(f.value), possible):
        return None
    den_mid = (den_span[0] + den_span[1]) / 2
    computed = worked_percent(abs(num.amount or 0), den_mid)
    if computed is None:
        return None
    return RateItem(f, what, computed, f"{_money(num)} ÷ {den_text}")


def _share(i: int, f: StatedFigure, levels, steps) -> RateItem | None:
    part = _nearest(levels, i + 1, _BESIDE, subject=f.subject, year=f.year, phase=f.phase)
    if part is None:
        return None
    whole = _nearest(levels, i, subject=f.base, year=f.year, phase=f.phase) if f.base else None
    if whole is None and part.base:
        whole = _nearest(levels, i, subject=part.base, year=f.year, phase=f.phase)
    if whole is None or whole is part:
        return None
    return _judge(f, "占比", part, _span(whole, steps), _money(whole), steps)


def _growth(i: int, f: StatedFigure, levels, changes, steps) -> RateItem | None:
    change = _nearest(changes, i, _BESIDE, subject=f.subject, change=f.change, base_year=f.base_year)
    if change is None:
        return None
    phases = (change.phase,) if change.phase else ("final", "execution", "budget")
    level = next((lv for ph in phases if (lv := _nearest(levels, i, _NEAR, subject=f.subject, year=f.year, phase=ph))),
                 None)
    if level is None:
        return None
    lo, hi = _span(level, steps)
    c_lo, c_hi = _span(change, steps)
    sign = -1 if (change.amount or 0) < 0 else 1
    base = (lo - sign * c_hi, hi - sign * c_lo) if sign > 0 else (lo + c_lo, hi + c_hi)
    if base[0] <= 0:
        return None  # last year had nothing: no rate to give
    what = "降幅" if f.value < 0 else "增幅"
    base_text = f"（{_money(level)} {'-' if sign > 0 else '+'} {_money(change)}）"
    return _judge(f, what, change, base, base_text, steps)


def _completion(i: int, f: StatedFigure, levels, steps) -> RateItem | None:
    done = _nearest(levels, i, _NEAR, subject=f.subject, year=f.year, phase=f.phase or "final")
    planned = _nearest(levels, i, _NEAR, subject=f.subject, year=f.year, phase="budget")
    if done is None or planned is None:
        return None
    return _judge(f, "完成率", done, _span(planned, steps), _money(planned), steps)


__all__ = ["RateItem", "rate_items"]
