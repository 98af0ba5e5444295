"""What the sentence says right before a narrative figure: its clause and the function code in it.

A figure's own label is cut short where the statement reader takes numbers out of the words (the
codes in ``公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元`` are numbers too), so the
linker reads the sentence again: the clause that ends at the figure's number (the k-th time that
number is written, for the k-th figure of that value in the sentence) and the 类/款/项 code the
clause spells out (``2040601``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao.domain.text import normalise

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BREAK = re.compile(r"[,;:。!?，；：]")  # after normalise the full-width marks are half-width
_CODE = re.compile(r"\((\d{3})类\)(?:[^类,;:。]*?\((\d{2})款\))?(?:[^类款,;:。]*?\((\d{2})项\))?")


def words_before(sentence: str | None, value: Decimal, nth: int) -> str:
    """The normalised sentence up to the ``nth`` (0-based) writing of ``value``; empty when the
    sentence does not write it that often."""
    if not sentence:
        return ""
    key = normalise(sentence)
    seen = 0
    for m in _NUMBER.finditer(key):
        try:
            written = Decimal(m.group().replace(",", ""))
        except InvalidOperation:
            continue
        if written != abs(value):
            continue
        if seen == nth:
            return key[:m.start()]
        seen += 1
    return ""


def last_clause(words: str) -> str:
    """The words after the last clause break."""
    breaks = [b.end() for b in _BREAK.finditer(words)]
    return words[breaks[-1] if breaks else 0:]


def function_code(words: str) -> str | None:
    """The last function code the words spell as ``(204类)…(06款)…(01项)``: class, class and 款,
    or all three; None where they name no class."""
    found = list(_CODE.finditer(words))
    if not found:
        return None
    m = found[-1]
    code = m.group(1)
    for part in m.groups()[1:]:
        if part is None:
            break
        code += part
    return code


__all__ = ["function_code", "last_clause", "words_before"]
