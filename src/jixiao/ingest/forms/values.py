"""What a cell's text looks like (a plain number, a rate, a target, words), and how numbers run
together in flattened text are split.

Text without layout glues the cells of a row: ``303010100%`` is 30 | 30 | 10 | 100%, ``2018`` a
weight of 20 and a score of 18, ``8550万粒`` a weight of 8 and a target of 550万粒. A split is
never chosen here: ``splits`` lists the ways a run can be cut, and the readers keep the one the
form's arithmetic confirms.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.domain.targets import UNITS
from jixiao.domain.text import normalise

PLACEHOLDERS = frozenset({"-", "—", "--", "——", "/", "－", "—-", "无", "/%", "-%"})
_NUM = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS if u != "%")
_PLAIN = re.compile(rf"^[-+]?{_NUM}$")
_PERCENT = re.compile(rf"^[-+]?{_NUM}%$")
_AMOUNT = re.compile(rf"^[-+]?{_NUM}(?:万元|万|元|萬元|萬)$")
_OP = r"(?:≥|≤|>=|<=|≧|≦|>|<|=|═|大于等于|不少于|不低于|不高于|不超过|小于等于|大于|小于|达到|约)"
_TARGET = re.compile(rf"^{_OP}?\s*{_NUM}\s*(?:%|‰|(?:[万亿]?(?:{_UNIT_ALT})(?:[/*·](?:{_UNIT_ALT}|[^\d]{{1,4}}))?))")
_OP_ONLY = re.compile(rf"^{_OP}$")
_DIGITS = re.compile(r"^[0-9]+(?:\.[0-9]+)*%?$")
# A run of values inside flattened text: an optional direction, digits, an optional unit or %.
VALUE_RUN = re.compile(rf"(?:{_OP})?[0-9][0-9,.]*(?:%|(?:[万亿]?(?:{_UNIT_ALT})(?:/(?:{_UNIT_ALT}))?))?")


def to_decimal(text: str) -> Decimal | None:
    """``1,234.5`` → Decimal; None when the text is no plain number."""
    t = text.replace(",", "")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def number(text: str | None) -> Decimal | None:
    """A cell holding one plain number (half-width, no unit) → Decimal, else None."""
    if not text:
        return None
    t = normalise(text)
    return to_decimal(t) if _PLAIN.match(t) else None


def amount(text: str | None) -> tuple[Decimal, str | None] | None:
    """A money cell: ``620.82``, ``620.82万元``, ``10萬`` → (number, inline unit or None)."""
    if not text:
        return None
    t = normalise(text).replace("萬", "万")
    if _PLAIN.match(t):
        value = to_decimal(t)
        return (value, None) if value is not None else None
    m = _AMOUNT.match(t)
    if not m:
        return None
    for unit in ("万元", "万", "元"):
        if t.endswith(unit):
            value = to_decimal(t[: -len(unit)])
            return (value, "wan_yuan" if unit.startswith("万") else "yuan") if value is not None else None
    return None


def percent(text: str | None) -> Decimal | None:
    """``86.5%`` → 86.5; None when the cell is no percentage."""
    if not text:
        return None
    t = normalise(text)
    return to_decimal(t[:-1]) if _PERCENT.match(t) else None


def is_placeholder(text: str | None) -> bool:
    """``-``, ``—``, ``/`` and the like: a cell that is deliberately empty."""
    return normalise(text or "") in PLACEHOLDERS


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """``number``, ``percent``, ``amount``, ``target`` (a number with a unit or a direction), ``op``
    (a direction alone, as 指标性质 prints it), ``placeholder``, ``empty`` or ``words``."""
    t = normalise(text)
    if not t:
        return "empty"
    if t in PLACEHOLDERS:
        return "placeholder"
    if _PLAIN.match(t):
        return "number"
    if _PERCENT.match(t):
        return "percent"
    if _AMOUNT.match(t):
        return "amount"
    if _OP_ONLY.match(t):
        return "op"
    if _TARGET.match(t):
        return "target"
    return "words"


def is_value(text: str) -> bool:
    """A cell that holds a value rather than words."""
    return shape(text) in ("number", "percent", "amount", "target", "placeholder")


_PIECE = re.compile(r"^(?:0|[1-9][0-9]*)(?:\.[0-9]{1,2})?%?$")
MAX_SPLITS = 400


def splits(run: str, parts: int) -> list[list[str]]:
    """The ways a run of glued numbers (``303010100%``, ``2018``, ``2456.182456.1810100%10``) cuts
    into ``parts`` numbers: each a number without a leading zero, at most two decimals and a ``%``
    only at its end; a unit after the run stays with the last. At most ``MAX_SPLITS`` ways."""
    m = re.match(r"^([0-9.%]+)(.*)$", run)
    if not m or parts < 1:
        return []
    digits, tail = m.groups()
    if len(digits) > 30:
        return []
    out: list[list[str]] = []

    def walk(pos: int, acc: list[str]) -> None:
        if len(out) >= MAX_SPLITS:
            return
        if len(acc) == parts - 1:
            if _PIECE.match(digits[pos:]):
                out.append(acc + [digits[pos:]])
            return
        for end in range(pos + 1, len(digits)):
            piece = digits[pos:end]
            if _PIECE.match(piece):
                walk(end, acc + [piece])

    walk(0, [])
    return [p[:-1] + [p[-1] + tail] for p in out]


def glued(text: str) -> bool:
    """A run of digits that may be several numbers written together."""
    t = normalise(text)
    return bool(_DIGITS.match(t)) and len(t.rstrip("%").replace(".", "")) >= 3


__all__ = ["PLACEHOLDERS", "VALUE_RUN", "amount", "glued", "is_placeholder", "is_value", "number",
           "percent", "shape", "splits", "to_decimal"]
