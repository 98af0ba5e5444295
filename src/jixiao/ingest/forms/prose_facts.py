"""Money a self-evaluation states in sentences: ``财政年初预算40万元``, ``全年预算数为200万元``,
``实际支出10萬元``, ``执行率100%``.

The same labels as the money block's columns (the vocabulary's ``money_columns``), each followed
in its sentence by a few linking words and an amount: the label names what the amount is. Used
where a form's table does not give the figure, and for self-evaluation reports written as prose.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import normalise
from jixiao.domain.vocabulary import vocabulary

from .tokens import Token

_LINK = r"(?:数|金额|资金)?(?:为|是|达到|达|共|计|合计|:)?(?:人民币)?"
_AMOUNT = r"([0-9][0-9,]*(?:\.[0-9]+)?)(万元|万|元|%)"
_KEYS = ("budget_initial", "budget", "actual", "rate")
_PATTERN: re.Pattern | None = None


def _pattern() -> re.Pattern:
    global _PATTERN
    if _PATTERN is None:
        labels = vocabulary().labels("money_columns")
        words = sorted((lab for lab, key in labels.items() if key in _KEYS and len(lab) >= 2), key=len, reverse=True)
        _PATTERN = re.compile(f"({'|'.join(map(re.escape, words))}){_LINK}{_AMOUNT}")
    return _PATTERN


def sentences(toks: list[Token]) -> list[tuple[str, Token]]:
    """Each cell's whole normalised text (pieces of a cut cell joined again) and its first token."""
    out: list[tuple[str, Token]] = []
    last = None
    for t in toks:
        if t.piece and (t.row, t.col) == last and out:
            out[-1] = (out[-1][0] + t.key, out[-1][1])
        else:
            out.append((t.key, t))
        last = (t.row, t.col)
    return out


def money_facts(toks: list[Token]) -> dict[str, tuple[Decimal, Token]]:
    """{key: (value, token)} of the first amount stated after each label: money in yuan, a rate
    as a percentage."""
    labels = vocabulary().labels("money_columns")
    found: dict[str, tuple[Decimal, Token]] = {}
    for text, tok in sentences(toks):
        if len(text) < 6 or not any(c.isdigit() for c in text):
            continue
        for m in _pattern().finditer(normalise(text)):
            key = labels.get(m.group(1))
            number, unit = Decimal(m.group(2).replace(",", "")), m.group(3)
            if key is None or key in found or (unit == "%") != (key == "rate"):
                continue
            if key == "rate":
                found[key] = (number, tok)
            else:
                found[key] = (to_yuan(number, "wan_yuan" if unit.startswith("万") else "yuan"), tok)
    return found


__all__ = ["money_facts", "sentences"]
