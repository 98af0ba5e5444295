"""Numbers of budget and final-account statements: ``62.07万元``, ``1,055.4%``, ``24批次``.

Read from normalised text (half-width, no spaces: ``4220.18 万元`` is ``4220.18万元`` there), so a
number broken from its unit by a space or a hard line break still finds it. A number without a unit
is kept as ``bare``: a table cell, the first of a pair (``4125.49,4143.91万元``) or a base written
without its unit (``较上年2.08减少0.03万元``); the reader decides what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.domain.figure_math import MONEY_FACTORS
from jixiao.domain.limits import check_amount

MONEY = MONEY_FACTORS
MONEY_UNITS = {"万元": "wan_yuan", "元": "yuan"}
COUNT_UNITS = ("人次", "批次", "个", "辆", "人", "名", "批", "次", "台", "套", "家", "项", "户", "所")
_CENT = Decimal("0.01")
_UNIT = "|".join(("亿元", "万元", "元", "%", *COUNT_UNITS))
# Grouped thousands only in threes (1,055.4); the first digit is matched before the lookbehind that
# keeps a number from starting inside another, so a scan does not try the lookbehind everywhere.
_TOKEN = re.compile(rf"(\d(?<![\d.]\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?)({_UNIT})?")
_PAIR_GAP = frozenset(",、")
_DATE_MARKS = frozenset("年月日号")
_LIST_MARKS = frozenset("、.)")  # 1、 1. (1): numbering, not figures


@dataclass(slots=True)
class Token:
    """A number as printed in a normalised text: its value, unit (None when bare) and place."""

    value: Decimal
    unit: str | None
    start: int
    end: int

    @property
    def kind(self) -> str:
        """``money``, ``percent``, ``count`` or ``bare``."""
        if self.unit in MONEY:
            return "money"
        if self.unit == "%":
            return "percent"
        return "count" if self.unit else "bare"


def tokens(text: str) -> list[Token]:
    """Every number of a normalised text, with its unit when one follows it."""
    out = []
    for m in _TOKEN.finditer(text):
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
        unit = m.group(2)
        after = text[m.end():m.end() + 1]
        if unit is None and (after in _DATE_MARKS or after in _LIST_MARKS):  # a date or numbering
            continue
        out.append(Token(value, unit, m.start(), m.end()))
    return _share_units(text, out)


def _share_units(text: str, toks: list[Token]) -> list[Token]:
    """``4125.49,4143.91万元`` and ``23.51%、38.28%``: a bare number written right before another
    number, with only a comma or 、 between, takes that number's unit."""
    for i in range(len(toks) - 2, -1, -1):
        tok, nxt = toks[i], toks[i + 1]
        if tok.unit is None and nxt.unit is not None and nxt.start == tok.end + 1 and text[tok.end] in _PAIR_GAP:
            tok.unit = nxt.unit
    return toks


def to_yuan(value: Decimal, unit: str) -> Decimal:
    """A money figure in canonical yuan (two places), its sign kept."""
    return check_amount(value * MONEY[unit]).quantize(_CENT)  # past the limit: refused for its file, in words


def doc_money_unit(units: list[str]) -> str:
    """The document's unit (``wan_yuan`` or ``yuan``): the money unit written most often."""
    counts = {u: units.count(u) for u in MONEY_UNITS}
    if not any(counts.values()):
        return "wan_yuan"
    return MONEY_UNITS[max(counts, key=lambda u: counts[u])]


def amount_text(value: Decimal, unit: str | None) -> str:
    """A figure as a key prints it: ``24批次``, ``62.07``."""
    text = format(value, "f")
    return f"{text}{unit}" if unit and unit not in MONEY and unit != "%" else text


__all__ = ["COUNT_UNITS", "MONEY", "MONEY_UNITS", "Token", "amount_text", "doc_money_unit", "to_yuan", "tokens"]
