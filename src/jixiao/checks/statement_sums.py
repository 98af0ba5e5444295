"""Parts of budget statements against the totals they are stated with.

The 三公经费 is its three parts (因公出国(境), 公务接待, 公务用车购置及运行维护) and 公务用车 its
purchase and running: with every part stated they must add up to the total, with some stated they
must not exceed it; the same holds for their changes. A 其中 list (``本年收入合计4125.49万元,其中:
…``) may name only some parts, so its parts must not exceed their whole. 收入总计 and 支出总计 of one
year's accounts must be equal. Printed figures may each be off by half their last digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.domain.budget import StatedFigure
from jixiao.domain.figure_math import yuan_step

THREE_PUBLIC_PARTS = {"three_public_total": (("overseas_travel",), ("reception",), ("official_cars", "car_parts")),
                      "official_cars": (("car_purchase",), ("car_operation",))}
_UNSIGNED = ("差值", "差额")  # a difference stated without its direction: its sign is not known


@dataclass(frozen=True, slots=True)
class PartsItem:
    """A total and the parts stated with it that do not fit it."""

    whole: StatedFigure
    parts: list[StatedFigure]
    total: Decimal  # the parts' sum, in yuan
    complete: bool  # every part is stated: the sum must equal the whole


def _half(f: StatedFigure) -> Decimal:
    return yuan_step(f.value, f.measure_unit) / 2


def _signed(f: StatedFigure) -> Decimal:
    return f.amount if f.amount is not None else Decimal(0)


def _key(f: StatedFigure) -> tuple | None:
    """(category, year, phase, change, base year) of a money figure: what it stands for in the tables."""
    if f.amount is None or f.ratio is not None or not f.category:
        return None
    return (f.category, f.year, f.phase if f.change is None else None, f.change, f.base_year)


def three_public_items(figs: list[StatedFigure]) -> list[PartsItem]:
    """三公 totals (and 公务用车) against their parts, levels and changes alike: each total with the parts
    stated between it and the totals of the same column before and after it (a document may give
    several units' 三公经费 one after another)."""
    keys = [_key(f) for f in figs]
    out = []
    for i, (f, key) in enumerate(zip(figs, keys)):
        if key is None or key[0] not in THREE_PUBLIC_PARTS:
            continue
        lo = max((j for j in range(i) if keys[j] == key), default=-1)
        hi = min((j for j in range(i + 1, len(figs)) if keys[j] == key), default=len(figs))
        parts, complete = _parts(_window(figs, keys, i, lo, hi), key[0], key[1:])
        item = _judge(f, parts, complete)
        if item is not None:
            out.append(item)
    return out


def _window(figs: list[StatedFigure], keys: list, at: int, lo: int, hi: int) -> dict[tuple, StatedFigure]:
    """Per column key, the figure nearest after ``at`` in (lo, hi), else the nearest before it."""
    out: dict[tuple, StatedFigure] = {}
    for j in list(range(at + 1, hi)) + list(range(at - 1, lo, -1)):
        if keys[j] is not None:
            out.setdefault(keys[j], figs[j])
    return out


def _parts(firsts: dict, category: str, when: tuple) -> tuple[list[StatedFigure], bool]:
    """The parts of a 三公 total found for one column, and whether every part is there."""
    parts, complete = [], True
    for choices in THREE_PUBLIC_PARTS[category]:
        found = None
        for choice in choices:
            if choice == "car_parts":
                cars = [firsts.get(("car_purchase", *when)), firsts.get(("car_operation", *when))]
                found = cars if all(cars) else None
            elif firsts.get((choice, *when)) is not None:
                found = [firsts[(choice, *when)]]
            if found:
                break
        if found:
            parts += found
        else:
            complete = False
    return parts, complete


def _judge(whole: StatedFigure, parts: list[StatedFigure], complete: bool) -> PartsItem | None:
    if not parts or any(any(w in f.label for w in _UNSIGNED) for f in [whole, *parts]):
        return None
    if whole.change is not None and not complete:
        return None  # a change of some parts says nothing about the total's
    total = sum((_signed(p) for p in parts), Decimal(0))
    tolerance = _half(whole) + sum((_half(p) for p in parts), Decimal(0))
    diff = _signed(whole) - total
    if abs(diff) <= tolerance or (not complete and diff >= 0):
        return None
    return PartsItem(whole, parts, total, complete)


def list_items(figs: list[StatedFigure]) -> list[PartsItem]:
    """Each 其中 list whose parts add up to more than its whole (三公 lists are judged by their parts above)."""
    out = []
    at = {id(f): i for i, f in enumerate(figs)}
    for run in _runs(figs):
        base, first = run[0].base, at[id(run[0])]
        wholes = [f for f in figs if f.subject == base and f.change is None and f.ratio is None
                  and f.amount is not None and (f.year, f.phase) == (run[0].year, run[0].phase)]
        before = [f for f in wholes if at[id(f)] < first]
        whole = before[-1] if before else (wholes[0] if wholes else None)  # the whole stated just before its parts
        if whole is None or whole.category in THREE_PUBLIC_PARTS or run[0].category in _TP_PARTS:
            continue
        item = _judge(whole, run, False)
        if item is not None:
            out.append(item)
    return out


_TP_PARTS = frozenset({"overseas_travel", "reception", "official_cars", "car_purchase", "car_operation"})


def _runs(figs: list[StatedFigure]) -> list[list[StatedFigure]]:
    """Parts of one whole stated together: a level of anything else (the whole itself, too) ends the run."""
    out: list[list[StatedFigure]] = []
    current: list[StatedFigure] = []
    for f in figs:
        if f.change is not None or f.ratio is not None or f.amount is None:
            continue
        if f.base is not None and f.base == f.subject:
            continue  # 收入总计 read as a part of 收入总计: a whole is never its own part
        if f.base is not None and current and f.base == current[0].base and (f.year, f.phase) == (
                current[0].year, current[0].phase):
            if all(p.subject != f.subject for p in current):
                current.append(f)
            continue
        if current:
            out.append(current)
        current = [f] if f.base is not None else []
    if current:
        out.append(current)
    return out


def balance_items(figs: list[StatedFigure]) -> list[tuple[StatedFigure, StatedFigure]]:
    """(收入总计, 支出总计) of one year and phase, stated next to each other, that are not equal."""
    out = []
    for i, income in enumerate(figs):
        key = _key(income)
        if key is None or key[0] != "income_grand_total" or income.change is not None:
            continue
        near = [f for f in figs[max(0, i - _BESIDE):i + _BESIDE + 1] if _key(f) == ("spending_grand_total", *key[1:])]
        if near and abs(_signed(income) - _signed(near[0])) > _half(income) + _half(near[0]):
            out.append((income, near[0]))
    return out


_BESIDE = 4  # 收入总计 and 支出总计 of one statement stand within a few figures of each other


__all__ = ["PartsItem", "balance_items", "list_items", "three_public_items"]
