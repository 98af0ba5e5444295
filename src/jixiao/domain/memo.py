"""Per-document memos for the pure text functions readers call on the same cells again and again.

A form repeats its labels, headers and common values on every page and row (``数量指标``, ``≥90%``,
``项目名称``), and several readers normalise the same cell: four calls in five are for a text the
document has already seen. Each memo is emptied when a new document is read (``new_document``), so
what one document costs does not depend on what was read before it, and memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_MEMOS: list = []
MAX_ENTRIES = 8192  # per memo and document: far more distinct labels than any real form holds


def per_document(fn: F) -> F:
    """``fn`` (pure, one hashable argument) remembered until the next ``new_document()``."""
    memo = lru_cache(maxsize=MAX_ENTRIES)(fn)
    _MEMOS.append(memo)
    return memo  # type: ignore[return-value]


_CLEARS: list[Callable[[], None]] = []


def on_new_document(clear: Callable[[], None]) -> None:
    """Have ``clear`` called whenever a new document is read (for memos of other shapes)."""
    _CLEARS.append(clear)


def new_document() -> None:
    """Forget what earlier documents' texts gave."""
    for memo in _MEMOS:
        memo.cache_clear()
    for clear in _CLEARS:
        clear()
