"""Text clean-up shared by every reader: width, spaces, HTML fragments, traditional characters."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from .memo import per_document

_TAG = re.compile(r"<[^>]{0,200}>")
# Check boxes survive as marks (☑ ticked, ☐ not) after the label they belong to.
_CHECKBOX = re.compile(r"<input\b[^>]{0,200}?type=[\"']?checkbox[^>]{0,200}>", re.I)
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_FULLWIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
)


# Runs of full-width characters: translating only the runs beats translating a whole CJK string
# character by character (a cell has a few full-width marks among many CJK characters).
_FULLWIDTH_RUN = re.compile("[\uff01-\uff5e\u3000]+")


# The full-width marks Chinese prose is made of: plain replaces handle them far more cheaply than a
# regex callback per mark, and the regex is left only for the rare other characters (digits, ％).
_COMMON_MARKS = (("，", ","), ("：", ":"), ("（", "("), ("）", ")"), ("；", ";"))


def _halfwidth_run(m: re.Match) -> str:
    return m.group().translate(_FULLWIDTH)


def _halfwidth(text: str) -> str:
    """``to_halfwidth`` of a text known to hold a full-width character."""
    for wide, narrow in _COMMON_MARKS:
        if wide in text:
            text = text.replace(wide, narrow)
    if _FULLWIDTH_RUN.search(text) is None:
        return text
    return _FULLWIDTH_RUN.sub(_halfwidth_run, text)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (０-９, ，：（）％) → half-width; CJK characters untouched."""
    if text.isascii() or _FULLWIDTH_RUN.search(text) is None:  # most cells: nothing to translate
        return text
    return _halfwidth(text)


def clean_cell(text: str | None) -> str:
    """A cell's text with HTML tags removed, entities decoded and spaces folded."""
    if not text:
        return ""
    if "<" in text:
        if "checkbox" in text:
            text = _CHECKBOX.sub(lambda m: "☑" if "checked" in m.group(0) else "☐", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "  " in text or "\t" in text or "\u3000" in text or "\xa0" in text:  # else no run to fold
        text = _SPACES.sub(" ", text)
    return text.strip()


@per_document
def compact(text: str) -> str:
    """Text for matching: half-width, no spaces at all (the cheap part of NFKC that forms need)."""
    if not text.isascii() and _FULLWIDTH_RUN.search(text) is not None:
        text = _halfwidth(text)
    return text.replace(" ", "")


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC  # imported lazily: the dictionary load takes ~0.2 s

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional → simplified characters (修繕 → 修缮) for matching, never for display."""
    return _converter().convert(text)

