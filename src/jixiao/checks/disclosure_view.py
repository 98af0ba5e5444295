"""What disclosure rules share: the document's disclosure model, its prose as numbered items, the
place of a match on the page, amounts and rounding as printed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.domain.disclosure import Disclosure, Paragraph, disclosure_of
from jixiao.domain.source import SourceRef

_ITEM = re.compile(r"^\s*(?:\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


@dataclass(slots=True)
class Passage:
    """Text made of one or more paragraphs of one part, with the paragraphs it came from."""

    text: str
    parts: list[tuple[int, Paragraph]]  # (offset in text, paragraph)
    section: str | None
    table: str | None

    def where(self, file: str, offset: int) -> SourceRef:
        """The page and line box of the character at ``offset``."""
        start, para = self.parts[0]
        for s, p in self.parts:
            if s <= offset:
                start, para = s, p
        return para.where(file, offset - start)


def disclosure(doc) -> Disclosure | None:
    """The document's disclosure model (built by the reader), or None."""
    return disclosure_of(doc)


def passages(dis: Disclosure, *parts: str) -> Iterator[Passage]:
    """Each paragraph of the given parts (all parts when none) joined with the paragraphs that
    continue it: a numbered item (1、… （项）。) and the lines under it up to the next item or heading."""
    current: Passage | None = None
    for p in dis.paragraphs:
        if parts and p.part not in parts:
            continue
        starts = p.heading or _ITEM.match(p.text) or current is None or current.section != p.section
        if starts:
            if current is not None:
                yield current
            current = Passage(p.text, [(0, p)], p.section, p.table)
        else:
            current.parts.append((len(current.text), p))
            current.text += p.text
    if current is not None:
        yield current


def body(doc) -> Iterator[tuple[Disclosure, Paragraph]]:
    """The paragraphs of a document's disclosure past its cover and contents."""
    dis = disclosure_of(doc)
    for p in dis.paragraphs if dis is not None else ():
        if p.part not in ("cover", "contents"):
            yield dis, p


def number(text: str) -> Decimal | None:
    """A printed number (``2,961.68``) as Decimal, or None."""
    try:
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def step(text: str) -> Decimal:
    """The last printed digit of a number (``321.02`` → 0.01)."""
    digits = text.split(".", 1)
    return Decimal(1).scaleb(-len(digits[1])) if len(digits) == 2 else Decimal(1)


def percent_range(part: Decimal, part_step: Decimal, whole: Decimal, whole_step: Decimal) -> tuple[Decimal, Decimal]:
    """The percentages ``part ÷ whole`` can be when both were rounded to their last digit."""
    lo_part, hi_part = part - part_step / 2, part + part_step / 2
    lo_whole, hi_whole = whole - whole_step / 2, whole + whole_step / 2
    if lo_whole <= 0:
        return Decimal(0), Decimal("Infinity")
    return lo_part / hi_whole * 100, hi_part / lo_whole * 100


def within(value: Decimal, value_step: Decimal, lo: Decimal, hi: Decimal) -> bool:
    """True when a value printed to ``value_step`` may come from somewhere in [lo, hi], rounded or
    cut off, or worked from unrounded amounts (one last digit either way)."""
    return lo - value_step * 2 <= value <= hi + value_step * 2


def plain(text: str) -> str:
    """Text without spaces (PDF lines put spaces around numbers)."""
    return re.sub(r"\s+", "", text)
