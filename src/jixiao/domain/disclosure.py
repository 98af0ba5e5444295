"""A published 部门预算 / 部门决算 as a document (预算公开、决算公开): its parts with their pages, its
tables by standard key, its explanation paragraphs linked to the table and line they describe.

The reader builds a :class:`Disclosure` beside the budget lines; it is kept as plain JSON in the
document's ``meta`` (``to_dict`` / ``from_dict``) so the checker sees after a reload what the reader
saw. What a disclosure must hold (the required tables by phase, the words of part headings, what a
科目 is for) is data in ``disclosure.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .source import SourceRef

PARTS = ("cover", "contents", "overview", "tables", "explanations", "glossary")
Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Part:
    """One part of the document and the pages it covers."""

    key: str  # cover, contents, overview, tables, explanations, glossary
    title: str
    first_page: int
    last_page: int


@dataclass(slots=True)
class DisclosedTable:
    """A printed table known by its standard key, whatever its printed title."""

    key: str  # vocabulary [printed_tables] key: income_spending, general_public …
    title: str
    first_page: int | None
    last_page: int | None
    amounts: int = 0  # amounts printed in it
    empty_note: str | None = None
    box: Box | None = None  # the title's box on the first page


@dataclass(slots=True)
class Paragraph:
    """A paragraph of prose: its text and where each of its lines starts (offset, page, box)."""

    text: str
    part: str
    lines: list[tuple[int, int | None, Box | None]] = field(default_factory=list)
    heading: bool = False
    section: str | None = None  # the heading it stands under (五、一般公共预算财政拨款支出决算情况说明)
    table: str | None = None  # the table key the section explains
    line: str | None = None  # the table line it describes (``table title｜row label｜column``)

    @property
    def page(self) -> int | None:
        """The page the paragraph starts on."""
        return self.lines[0][1] if self.lines else None

    def where(self, file: str, offset: int = 0) -> SourceRef:
        """The page and line box of the character at ``offset``."""
        page, box = (self.lines[0][1], self.lines[0][2]) if self.lines else (None, None)
        for start, p, b in self.lines:
            if start <= offset:
                page, box = p, b
        return SourceRef(file, page=page, box=box)


@dataclass(slots=True)
class Disclosure:
    """The document as a disclosure: phase, year, the name on the cover, parts, tables, paragraphs."""

    phase: str  # budget 预算 / final 决算
    year: int | None
    cover_name: str | None
    cover_box: Box | None = None
    pages: int = 0
    parts: list[Part] = field(default_factory=list)
    tables: list[DisclosedTable] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def part_of(self, page: int | None) -> str | None:
        """The part a page belongs to (the last part starting on or before it)."""
        found = None
        for p in self.parts:
            if page is not None and p.first_page <= page <= p.last_page:
                found = p.key
        return found

    def table(self, key: str) -> DisclosedTable | None:
        """The first table of a standard key, or None."""
        return next((t for t in self.tables if t.key == key), None)

    def in_part(self, *keys: str) -> list[Paragraph]:
        """The paragraphs of the given parts."""
        return [p for p in self.paragraphs if p.part in keys]

    def to_dict(self) -> dict:
        """Plain JSON, stored in the document's meta."""
        return {
            "phase": self.phase, "year": self.year, "cover_name": self.cover_name,
            "cover_box": _box(self.cover_box), "pages": self.pages,
            "parts": [[p.key, p.title, p.first_page, p.last_page] for p in self.parts],
            "tables": [{"key": t.key, "title": t.title, "first_page": t.first_page, "last_page": t.last_page,
                        "amounts": t.amounts, "empty_note": t.empty_note, "box": _box(t.box)} for t in self.tables],
            "paragraphs": [{"text": p.text, "part": p.part, "heading": p.heading, "section": p.section,
                            "table": p.table, "line": p.line,
                            "lines": [[o, pg, _box(b)] for o, pg, b in p.lines]} for p in self.paragraphs],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Disclosure:
        """The stored JSON back into a disclosure."""
        return cls(
            phase=data.get("phase", "budget"), year=data.get("year"), cover_name=data.get("cover_name"),
            cover_box=_unbox(data.get("cover_box")), pages=data.get("pages", 0),
            parts=[Part(*p) for p in data.get("parts", [])],
            tables=[DisclosedTable(t["key"], t.get("title", ""), t.get("first_page"), t.get("last_page"),
                                   t.get("amounts", 0), t.get("empty_note"), _unbox(t.get("box")))
                    for t in data.get("tables", [])],
            paragraphs=[Paragraph(p["text"], p.get("part", "explanations"),
                                  [(o, pg, _unbox(b)) for o, pg, b in p.get("lines", [])],
                                  p.get("heading", False), p.get("section"), p.get("table"), p.get("line"))
                        for p in data.get("paragraphs", [])],
        )


def _box(box: Box | None) -> list[float] | None:
    return None if box is None else [round(v, 1) for v in box]


def _unbox(value) -> Box | None:
    return None if not value else (float(value[0]), float(value[1]), float(value[2]), float(value[3]))


def disclosure_of(doc) -> Disclosure | None:
    """The disclosure model of a document (from its meta), or None for other documents."""
    meta = getattr(doc, "extras", {}).get("meta") or {}
    data = meta.get("disclosure") if isinstance(meta, dict) else None
    if not isinstance(data, dict):
        return None
    kept = _PARSED.get(id(data))
    if kept is not None and kept[0] is data:
        return kept[1]
    out = Disclosure.from_dict(data)
    if len(_PARSED) >= _KEEP:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[id(data)] = (data, out)  # every rule of a run asks for the same document's model
    return out


_PARSED: dict[int, tuple[dict, Disclosure]] = {}
_KEEP = 64


@lru_cache(maxsize=1)
def rules_data() -> dict:
    """``disclosure.toml``: required tables by phase, part headings, 科目 topics."""
    with open(Path(__file__).with_name("disclosure.toml"), "rb") as fh:
        return tomllib.load(fh)


def required_tables(phase: str) -> list[str]:
    """The standard keys of the tables a disclosure of ``phase`` must print."""
    return list(rules_data().get("required", {}).get(phase, {}).get("tables", []))


def part_label(key: str) -> str:
    """The Chinese name of a part (封面, 目录, 概况 …)."""
    return rules_data().get("part_labels", {}).get(key, key)
