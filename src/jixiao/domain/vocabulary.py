"""Every label the forms print, by the key readers use: the data is ``vocabulary.toml``.

Provinces word the same field in many ways (全年预算数 / 调整后预算数 / 全年预算数（A）/ 预算数), and
a new variant must be a line of data, not code. Labels are matched on ``normalise()``d text (no
pinyin glosses, simplified, half-width, no spaces) with their decorations taken off: a leading
``*`` or ``★``, numbering, a trailing colon and trailing brackets such as ``(A)``, ``(B/A)``,
``(万元)`` or ``(50分)``. It lives in the domain because level names and fund words are used by
domain parsing as well as by the form readers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import normalise

_PATH = Path(__file__).with_name("vocabulary.toml")

# Decorations around a label: taken off before a label is looked up, never shown changed.
_LEAD = re.compile(r"^(?:[*＊★☆]+|[0-9]+[.、]|[一二三四五六七八九十]+、|\([0-9一二三四五六七八九十]+\)|其中[:]?)+")
_TRAIL = re.compile(r"(?:[:;,.】\]]|\([^()]{0,14}\)分?)+$")  # 产出指标(40-50)分


def bare(key: str) -> str:
    """A normalised label without its decorations: ``*全年预算数(A):`` → ``全年预算数``; a label that is
    nothing but what counts as decoration elsewhere (``其中``) is kept as written."""
    lead = _LEAD.sub("", key)
    if not lead:
        return key
    return _TRAIL.sub("", lead) or lead


@dataclass(frozen=True, slots=True)
class Match:
    """One label found in a text: its key, its section and where it sits in the normalised text."""

    key: str
    section: str
    start: int
    end: int
    label: str


class Vocabulary:
    """Label lookups over the sections of the vocabulary file."""

    def __init__(self, data: dict[str, dict[str, list[str]]]):
        self.sections: dict[str, dict[str, str]] = {}
        self.layouts: dict[str, list[str]] = dict(data.get("layouts", {}))
        self._firsts = {(s, k): labels[0] for s, keys in data.items() if s not in ("layouts", "units")
                        for k, labels in keys.items() if labels}
        for section, keys in data.items():
            if section in ("layouts", "units"):
                continue
            table: dict[str, str] = {}
            for key, labels in keys.items():
                for label in labels:
                    table.setdefault(bare(normalise(label)), key)
            self.sections[section] = table
        self._patterns: dict[tuple[str, ...], re.Pattern] = {}

    def labels(self, section: str) -> dict[str, str]:
        """``{normalised label: key}`` of one section."""
        return self.sections.get(section, {})

    def key(self, section: str, text: str | None) -> str | None:
        """The key whose label ``text`` is (decorations aside), or None."""
        if not text:
            return None
        table = self.sections.get(section, {})
        t = normalise(text)
        return table.get(t) or table.get(bare(t))

    def first(self, section: str, key: str) -> str:
        """A key's first label as the file writes it (a short name to show), or the key."""
        return self._firsts.get((section, key), key)

    def keys_of(self, section: str, key: str) -> list[str]:
        """The normalised labels of one key, longest first."""
        table = self.sections.get(section, {})
        return sorted((lab for lab, k in table.items() if k == key), key=len, reverse=True)

    def starts(self, section: str, text: str) -> tuple[str, int] | None:
        """(key, length) of the longest label the normalised ``text`` starts with, decorations aside."""
        t = _LEAD.sub("", normalise(text))
        best = None
        for label, key in self.sections.get(section, {}).items():
            if t.startswith(label) and (best is None or len(label) > best[1]):
                best = (key, len(label))
        return best

    def scan(self, text: str, sections: tuple[str, ...]) -> list[Match]:
        """Every label of ``sections`` in a normalised text, longest first where two overlap."""
        pattern = self._patterns.get(sections)
        if pattern is None:
            labels = sorted({lab for s in sections for lab in self.sections.get(s, {})}, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(lab) for lab in labels if lab)) if labels else re.compile("(?!)")
            self._patterns[sections] = pattern
        out = []
        for m in pattern.finditer(text):
            label = m.group()
            section = next(s for s in sections if label in self.sections.get(s, {}))
            out.append(Match(self.sections[section][label], section, m.start(), m.end(), label))
        return out


@lru_cache(maxsize=1)
def units() -> list[str]:
    """Units of measure as printed after a number (read straight from the file: the domain's
    target parser needs them before any Vocabulary is built)."""
    with _PATH.open("rb") as f:
        return list(tomllib.load(f).get("units", {}).get("measure", []))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The package's vocabulary, loaded once."""
    with _PATH.open("rb") as f:
        return Vocabulary(tomllib.load(f))


__all__ = ["Match", "Vocabulary", "bare", "units", "vocabulary"]
