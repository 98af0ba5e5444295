"""The amounts and goal a target form declares, found by their labels in the token stream.

A target form prints its money as label–value pairs (资金总额 | 10000万元, 其中：财政拨款 | 10000),
in any of the layouts ``tokens`` evens out, or as a header of such labels over a row of numbers
(本年度预计投入(万元) | 财政资金(万元) | … over 7 | 0 | 7 …): then the first number is the first
label's. Fund sources are the vocabulary's ``funds``; the totals its ``target_money``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import form_fields
from .tokens import Token
from .values import amount, is_placeholder

PARTS = ("fiscal", "general_public", "government_fund", "state_capital", "special_account",
         "non_fiscal", "carried_over", "central", "provincial", "city", "county", "local")
_LOOK_AHEAD = 40  # tokens searched for the row of numbers under a header of amount labels


def _key(tok: Token) -> str | None:
    return tok.label("target_money") or (tok.label("funds") if tok.label("funds") in PARTS else None)


def labels_in(toks: list[Token], start: int, stop: int) -> bool:
    """Whether ``toks[start:stop]`` names a target form's total or yearly amount."""
    return any(t.label("target_money") for t in toks[start:stop])


def read(toks: list[Token], start: int, stop: int) -> dict[str, tuple[Decimal, str | None, Token]]:
    """{total | year | fund part: (number, inline unit or None, its token)}, the first of each."""
    out: dict[str, tuple[Decimal, str | None, Token]] = {}
    for i in range(start, stop):
        key = _key(toks[i])
        if key is None or key in out:
            continue
        found = form_fields.value_of(toks, i, stop)
        if found is None and key in ("total", "year"):
            found = _under_header(toks, i, stop)
        if found is None or is_placeholder(found[0]):
            continue
        a = amount(found[0]) or _with_parts(found[0])
        if a is not None:
            out[key] = (a[0], a[1], found[1])
    return out


_HEAD_AND_PARTS = re.compile(r"^([0-9][0-9,.]*\s*(?:万元|万|元)?)\s*[(（]([^()（）]*)[)）]$")


def _with_parts(text: str) -> tuple[Decimal, str | None] | None:
    """``854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)``: an amount with its parts in
    brackets is the amount, when the parts add up to it (in the same unit); otherwise None."""
    m = _HEAD_AND_PARTS.match(text.strip())
    head = amount(m.group(1)) if m else None
    if head is None:
        return None
    parts = [amount(p.group()) for p in _PART.finditer(m.group(2))]
    if not parts or any(p is None for p in parts):
        return None
    unit = head[1]
    if any(p[1] not in (unit, None) for p in parts):
        return None  # parts in another unit than the whole: not a breakdown read here
    return head if sum(p[0] for p in parts) == head[0] else None


_PART = re.compile(r"[0-9][0-9,.]*\s*(?:万元|万|元)")


def _under_header(toks: list[Token], i: int, stop: int) -> tuple[str, Token] | None:
    """The first number of the first row of numbers below the header row of ``toks[i]``."""
    row = toks[i].row
    for t in toks[i + 1:min(stop, i + _LOOK_AHEAD)]:
        if t.row == row or not t.text:
            continue
        if t.is_label():
            continue
        if amount(t.text) is not None:
            return t.text, t
        return None
    return None


def goal(toks: list[Token], start: int, stop: int) -> str | None:
    """The year's goal (年度目标 | …), else the first goal text the form gives."""
    first = None
    for i in range(start, stop):
        if toks[i].label("goal_columns") not in ("expected", "block"):
            continue
        found = form_fields.value_of(toks, i, stop)
        if found and len(found[0]) >= 6:
            if "年度" in toks[i].key:
                return found[0]
            first = first or found[0]
    return first


__all__ = ["PARTS", "goal", "labels_in", "read"]
