"""Sentences and clauses of a statement paragraph, and the state a reader carries across them.

A sentence ends at 。 ; ! ?; a clause at , : as well. Brackets hold their own clauses (``(公务用车购
置费0万元,公务用车运行维护费28万元)``): what they name does not become the sentence's subject, and
a stop or comma inside them ends nothing outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.source import SourceRef

from .statement_numbers import Token, tokens
from .statement_text import Block

_STOPS = frozenset("。;!?")
_CLAUSE = frozenset(",:")
_PRINTED_STOPS = re.compile(r"[。;；!！?？]")


@dataclass(frozen=True, slots=True)
class Subject:
    """What figures are about: its key (the category, else the words), category and words."""

    key: str
    category: str | None
    label: str
    pair: tuple[str, ...] = ()  # 收、支总计: the two categories, in order


@dataclass(slots=True)
class Clause:
    """A stretch of a sentence between commas and colons, with its numbers."""

    key: str
    start: int  # in the sentence
    tokens: list[Token]
    nested: bool = False  # inside brackets


@dataclass(slots=True)
class Sentence:
    """A sentence of a paragraph: its key, where it starts in the paragraph and how it ended."""

    key: str
    start: int
    block: Block
    hard: bool  # ended by 。 (a new thought), not by ; (the same enumeration goes on)
    text: str = ""  # as printed

    def ref_at(self, offset: int) -> SourceRef:
        """The source line of the character at ``offset`` of the sentence's key."""
        return self.block.ref_at(self.start + offset)


def sentences(block: Block) -> list[Sentence]:
    """A paragraph's sentences; a stop inside brackets ends nothing."""
    key, out, start, depth = block.key, [], 0, 0
    for i, ch in enumerate(key):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _STOPS:
            out.append(Sentence(key[start:i + 1], start, block, ch != ";"))
            start = i + 1
    if start < len(key):
        out.append(Sentence(key[start:], start, block, True))
    out = [s for s in out if s.key.strip("。;!?")]
    _printed(block, out)
    return out


def _printed(block: Block, out: list[Sentence]) -> None:
    """Give each sentence its printed text when printed and normalised stops line up, else the paragraph."""
    text = block.text
    parts = [p for p in _split_keep(text) if p.strip("。;；!！?？ ")]
    if len(parts) == len(out):
        for s, p in zip(out, parts):
            s.text = p.strip()
    else:
        for s in out:
            s.text = text.strip()


def _split_keep(text: str) -> list[str]:
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and _PRINTED_STOPS.match(ch):
            out.append(text[start:i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence in order; bracketed stretches holding a number come after the clause
    they sit in, marked nested, and are blanked out of it (offsets are kept)."""
    toks = tokens(sentence)
    masked, spans = _bracketed(sentence, toks)
    out: list[Clause] = []
    for a, b in _pieces(masked, 0, len(masked)):
        for na, nb in spans:  # a bracket ends the stretch before it: its parts are of what stands there
            if a <= na < b:
                out.append(_clause(masked, a, na - 1, toks, False))
                out += [_clause(sentence, x, y, toks, True) for x, y in _pieces(sentence, na, nb)]
                a = nb + 1
        out.append(_clause(masked, a, b, toks, False))
    return [c for c in out if c.key.strip("□ ")]


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``text[a:b]``: cut at , and : outside brackets and between no digits."""
    out, start, depth = [], a, 0
    for i in range(a, b):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _CLAUSE and not _between_digits(text, i):
            if i > start:
                out.append((start, i))
            start = i + 1
    if b > start:
        out.append((start, b))
    return out


def _clause(text: str, a: int, b: int, toks: list[Token], nested: bool) -> Clause:
    own = [Token(t.value, t.unit, t.start - a, t.end - a) for t in toks if a <= t.start and t.end <= b]
    if not nested:
        own = [t for t in own if text[a + t.start] != "□"]
    return Clause(text[a:b], a, own, nested)


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i] == "," and text[i - 1].isdigit() and text[i + 1].isdigit()


def _bracketed(text: str, toks: list[Token]) -> tuple[str, list[tuple[int, int]]]:
    """The text with each top-level bracket that holds a money or percent figure blanked, and where they were."""
    spans, depth, open_at = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
            open_at = i if depth == 1 else open_at
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and any(open_at < t.start < i and t.kind in ("money", "percent") for t in toks):
                spans.append((open_at + 1, i))
    masked = list(text)
    for a, b in spans:
        masked[a - 1:b + 1] = "□" * (b - a + 2)
    return "".join(masked), spans


@dataclass(slots=True)
class ListState:
    """An enumeration opened by 其中 / 包括: the subject its parts belong to."""

    parent: Subject
    certain: bool  # opened in the sentence that names the parent
    ident: int
    phase: str | None = None  # the phase the parent was stated in: its parts' phase unless they say theirs


@dataclass(slots=True)
class State:
    """What a paragraph has said so far: the subject, year, phase, comparison and open list."""

    subject: Subject | None = None
    main: Subject | None = None
    year: int | None = None
    phase: str | None = None
    first_phase: str | None = None  # the phase of the first level of the sentence (or the one before)
    first_seen: bool = False  # the sentence has stated a level
    actual_phase: str | None = None  # the last 决算 / 执行 level's phase
    change: tuple[str, int | None] | None = None
    open_list: ListState | None = None
    outer: list[ListState] = field(default_factory=list)  # lists the open one is nested in
    opened_last: bool = False  # the last clause opened a list (其中:), so the next paragraph goes on with it
    prev_hard: bool = True  # the sentence before ended with 。
    carried: bool = False  # the paragraph goes on with a list an earlier paragraph opened
    money_unit: str | None = None  # the unit of the last amount (a change stated in words is in it)
    sentence_no: int = 0  # sentences read in this paragraph
    item_start: bool = False  # at the first clause of a numbered item (1. … / (一) …)
    subject_at: int = 0  # the sentence that named the subject (a list opens only of a subject named lately)
    named: set[str] = field(default_factory=set)  # subjects given a level figure in this sentence
    lists: list[ListState] = field(default_factory=list)


__all__ = ["Clause", "ListState", "Sentence", "State", "Subject", "clauses", "sentences"]
