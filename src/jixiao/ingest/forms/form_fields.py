"""Facts of a form found by their labels (项目名称, 主管部门, 实施单位 …) in the token stream.

The value of a label is what follows it: in the same cell after a colon, in the next cell of
its row, the cell below when one cell stands per line, or the words up to the next label in a
flattened line. A label followed directly by another label has no value.
"""

from __future__ import annotations

import re

from jixiao.domain.model import MoneyUnit

from .tokens import Token

STRUCTURE = ("form_titles", "fields", "money_columns", "money_rows", "funds", "goal_columns",
             "indicator_columns", "closing", "level1", "level2", "target_money")
_NEXT_ROW_OK = frozenset({"cells", "stream", "prose"})
_UNIT = re.compile(r"(?:单位|金额)\s*[:：]\s*(万元|元)|[(（](万元|元)[)）]")
_YEAR = re.compile(r"(20[0-9]{2})\s*年")
_OTHER_PAIR = re.compile(r"^[^\d:：]{2,6}[:：]\S")


def value_of(toks: list[Token], i: int, stop: int) -> tuple[str, Token] | None:
    """The value of the label at ``toks[i]``, or None."""
    label = toks[i]
    if label.inline:
        return label.inline, label
    j = i + 1
    while j < stop:
        t = toks[j]
        if t.row != label.row and label.layout not in _NEXT_ROW_OK and not (label.piece and t.piece):
            return None  # the label ends its row in a real table: its cell was left empty
        text = t.text.lstrip(":： ")  # a label cut from flattened text leaves its colon with the value
        if not text:
            j += 1
            continue
        if (t.is_label(*STRUCTURE) and not _names_itself(label, t)) or _OTHER_PAIR.match(text):
            return None  # the next cell is another label (or another label and its value)
        if t.layout == "space":  # words split at spaces: the value runs up to the next label
            words = [text]
            for u in toks[j + 1:stop]:
                if u.row != t.row or u.is_label(*STRUCTURE) or not u.text:
                    break
                words.append(u.text)
            return " ".join(words), t
        return text, t
    return None


def _names_itself(label: Token, value: Token) -> bool:
    """A project named like a form (项目名称 | 2020年…补助经费支出绩效自评表): a title is a name's value."""
    return label.label("fields") == "name" and set(value.labels) == {"form_titles"} and len(value.key) > 8


def facts(toks: list[Token], start: int, stop: int, keys: tuple[str, ...]) -> dict[str, tuple[str, Token]]:
    """The first value of each field label of ``keys`` in ``toks[start:stop]``."""
    out: dict[str, tuple[str, Token]] = {}
    for i in range(start, stop):
        key = toks[i].label("fields")
        if key in keys and key not in out:
            found = value_of(toks, i, stop)
            if found:
                out[key] = found
    return out


def money_unit(toks: list[Token], start: int, stop: int) -> str | None:
    """万元 or 元 as the form states it (单位：万元, 项目资金（万元）, 金额单位:元); None when it does not."""
    for t in toks[start:stop]:
        if "元" not in t.text:
            continue
        m = _UNIT.search(t.key)
        if m and (t.is_label() or "单位" in t.key or len(t.key) <= 14):
            return MoneyUnit.WAN_YUAN if (m.group(1) or m.group(2)) == "万元" else MoneyUnit.YUAN
    return None


def year_of(text: str) -> int | None:
    """The first ``20xx年`` of a title."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


__all__ = ["STRUCTURE", "facts", "money_unit", "value_of", "year_of"]
