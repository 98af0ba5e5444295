"""The whole each 其中 list belongs to, settled by arithmetic once the document is read.

``其中`` mostly lists the parts of the figure just before it. When it opens a new sentence, or when
its parts add up to more than that figure, the words alone do not settle it: the parts may be of
the figure and the ones named before it together (``一般公共预算 4220.18 … 政府性基金 4.5。其中:
上级转移支付 4041.68 … 税收 183``), or of another stated total they add up to. A list whose whole
cannot be found keeps no whole; one stated in the same sentence as its whole keeps it, so that parts
exceeding their total are reported.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from jixiao.domain.budget import StatedFigure
from jixiao.domain.figure_math import yuan_step

from .statement_clauses import ListState
from .statement_figures import Found

_LOOK_BACK = 12


def resolve_lists(found: Found) -> None:
    """Point every list part's ``base`` at the whole its list adds up to, or at none."""
    groups: dict[int, list[int]] = defaultdict(list)
    for index, ident in found.members.items():
        groups[ident].append(index)
    for ident, indexes in groups.items():
        _resolve(found, found.lists[ident], sorted(indexes))


def _is_level(f: StatedFigure) -> bool:
    return f.change is None and f.ratio is None and f.amount is not None


def _tolerance(figs: list[StatedFigure]) -> Decimal:
    return sum((yuan_step(f.value, f.measure_unit) / 2 for f in figs), Decimal(0))


def _resolve(found: Found, lst: ListState, indexes: list[int]) -> None:
    figs = found.figures
    parts = _distinct([figs[i] for i in indexes])
    when = (parts[0].year, parts[0].phase)
    parts = [p for p in parts if (p.year, p.phase) == when]
    total = sum((p.amount for p in parts if p.amount is not None), Decimal(0))
    whole = next((f for f in figs if _is_level(f) and f.subject == lst.parent.key and (f.year, f.phase) == when),
                 None)
    if whole is not None and whole.amount is not None and total <= whole.amount + _tolerance(parts + [whole]):
        return
    if whole is not None and lst.certain and not _with_siblings(figs, whole, indexes[0], total, parts):
        return
    other = None if _with_siblings(figs, whole, indexes[0], total, parts) else _equal_total(figs, when, total, parts)
    for i in indexes:
        if figs[i].base == lst.parent.key:
            figs[i].base = other.subject if other is not None else None


def _distinct(parts: list[StatedFigure]) -> list[StatedFigure]:
    """One figure per subject: the first mention."""
    seen: dict[str | None, StatedFigure] = {}
    for p in parts:
        seen.setdefault(p.subject, p)
    return list(seen.values())


def _with_siblings(figs: list[StatedFigure], whole: StatedFigure | None, first: int, total: Decimal,
                   parts: list[StatedFigure]) -> bool:
    """Whether the parts add up to the whole and the levels named just before it, together."""
    if whole is None or whole.amount is None:
        return False
    at = next(i for i, f in enumerate(figs) if f is whole)
    run, acc = [whole], whole.amount
    for f in reversed(figs[max(0, at - _LOOK_BACK):at]):
        if not _is_level(f) or f.base is not None or (f.year, f.phase) != (whole.year, whole.phase):
            continue
        run.append(f)
        acc += f.amount  # type: ignore[operator]
        if abs(acc - total) <= _tolerance(run + parts):
            return True
    return False


def _equal_total(figs: list[StatedFigure], when: tuple, total: Decimal, parts: list[StatedFigure]):
    """A stated level of the same year and phase that the parts add up to, if one is."""
    for f in figs:
        if _is_level(f) and (f.year, f.phase) == when and f not in parts \
                and abs(f.amount - total) <= _tolerance(parts + [f]):  # type: ignore[operator]
            return f
    return None


__all__ = ["resolve_lists"]
