"""Text clean-up shared by every reader: width, spaces, HTML fragments, traditional characters."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from .memo import per_document

_TAG = re.compile(r"<[^>]{0,200}>")
# Check boxes survive as marks (☑ ticked, ☐ not) after the label they belong to.
_CHECKBOX = re.compile(r"<input\b[^>]{0,200}?type=[\"']?checkbox[^>]{0,200}>", re.I)
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_FULLWIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " ", "\ufe66": "=", "\ufe64": "<", "\ufe65": ">"}
)  # and the small forms of = < > (﹦ ﹤ ﹥) some templates print in 指标性质


# Runs of full-width characters: translating only the runs beats translating a whole CJK string
# character by character (a cell has a few full-width marks among many CJK characters).
_FULLWIDTH_RUN = re.compile("[\uff01-\uff5e\u3000\ufe64-\ufe66]+")


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


@lru_cache(maxsize=1)
def _t2s_chars() -> dict[int, str]:
    """OpenCC's character table (TSCharacters): each traditional character that has its own
    simplified form → that form. Labels and names are matched character by character, so a
    key keeps the length of its text (positions in a key map back to the original)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0]
        if len(trad) == 1 and len(first) == 1 and first != trad:
            table[ord(trad)] = first
    return table


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """The characters the table changes: a text holding none of them is simplified already."""
    return re.compile("[" + "".join(sorted(re.escape(chr(c)) for c in _t2s_chars())) + "]")


@lru_cache(maxsize=1)
def _traditional_set() -> frozenset[str]:
    """The same characters as a set: ``isdisjoint`` answers "simplified already" at C speed."""
    return frozenset(chr(c) for c in _t2s_chars())


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional → simplified characters (修繕 → 修缮) for matching, never for display (OpenCC,
    phrases included)."""
    if text.isascii() or _traditional_set().isdisjoint(text):
        return text
    return _converter().convert(text)


def simplified_chars(text: str) -> str:
    """``to_simplified`` character by character: the same length, so positions still match."""
    if text.isascii() or _traditional_set().isdisjoint(text):
        return text
    return text.translate(_t2s_chars())


# A pinyin gloss a mirror site prints after a character: ``項(xiàng)目``, ``數(shù)量``. Only
# lowercase Latin with a tone mark counts, so ``(A)``, ``(B/A)`` and ``(X)`` stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_ANY_SPACE = re.compile(r"\s+")
_GLOSS = re.compile(rf"[(（][a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*[)）]")


def drop_glosses(text: str) -> str:
    """The text without pinyin glosses (``項(xiàng)目`` → ``項目``)."""
    if "(" not in text and "（" not in text:
        return text
    return _GLOSS.sub("", text)


@per_document
def normalise(text: str) -> str:
    """Text as labels are matched: no pinyin glosses, simplified, half-width, no spaces at all.

    The original text is kept for display; this is only ever a key.
    """
    key = compact(drop_glosses(text))
    if not key.isalnum():  # tabs, hard and other spaces compact() leaves
        key = _ANY_SPACE.sub("", key)
    return simplified_chars(key)


def normalise_map(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, for each of its characters, the index of the character of ``text``
    it came from: a label found in the key is cut from the original text at the same place."""
    dropped = [False] * len(text)
    if "(" in text or "（" in text:
        for m in _GLOSS.finditer(text):
            for i in range(m.start(), m.end()):
                dropped[i] = True
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if dropped[i]:
            continue
        ch = to_halfwidth(ch)
        if ch.isspace():
            continue
        chars.append(ch)
        where.append(i)
    return simplified_chars("".join(chars)), where
