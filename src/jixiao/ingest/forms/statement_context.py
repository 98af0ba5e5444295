"""What a statement's title and headings say: the year, the phase, the department, the subject.

The title is the first short line naming a statement (``2023年广东省财政厅…“三公”经费支出决算情况
说明``); its year and phase (预算 / 决算 / 执行) hold for every figure that says neither. A heading
says them for its section (``一、2023年财政预算执行情况`` in a 2024 预算报告). A document with no
title takes its phase from its headings, then from what its figures are compared with (a figure
compared with 年初预算 is itself a 决算), then from the phase words its sentences use most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .statement_clauses import Subject
from .statement_figures import Context
from .statement_text import MARK, Block, is_unit_line
from .statement_values import subject_of
from .statement_words import comparisons, own_year, phases, scan, subjects

_TITLE_LINES = 14
_DEPT_STOP = re.compile(r"(?:一般公共预算|部门预算|部门决算|单位预算|单位决算|部门|单位|三公|财政拨款|政府预算|预算|决算|本级)")
_LEVELS = ((re.compile(r"^第[一二三四五六七八九十]+部分"), 0), (re.compile(r"^[一二三四五六七八九十]{1,3}[、.]"), 1),
           (re.compile(r"^[(][一二三四五六七八九十]{1,3}[)]"), 2), (re.compile(r"^\d{1,2}[、.]"), 3),
           (re.compile(r"^[(]\d{1,2}[)]"), 4))
_UNIT = re.compile(r"单位[:：](万元|元)")
_YEAR_END = re.compile(r"20\d{2}年度?$")
# How organisation names end (局, 中心, 人民政府, 县 …), a bracketed note after them aside.
_ORG_END = re.compile(r"(?:厅|局|委|办|中心|院|校|所|站|馆|会|队|园|部|处|区|县|市|省|镇|乡|街道|政府|集团|公司)"
                      r"(?:\([^()]*\))?$")


@dataclass(slots=True)
class Facts:
    """The document's own facts."""

    title: str | None = None
    year: int | None = None
    phase: str | None = None
    department: str | None = None
    money_unit: str | None = None


def own_phase(key: str) -> str | None:
    """The phase a title or heading names (a phase word inside a comparison does not count)."""
    comps = comparisons(key)
    own = [h for h in phases(key) if not any(c.start <= h.start < c.end for c in comps)]
    return own[-1].key if own else None


def document_facts(blocks: list[Block]) -> Facts:
    """Title, year, phase, department and money unit of a statement."""
    facts = Facts()
    title = _title(blocks)
    if title is not None:
        text, key = title
        facts.title = text.strip()
        year = own_year(key, comparisons(key))
        facts.year = year[0] if year else None
        facts.phase = own_phase(key)
        facts.department = _department(key, year[1] if year else None)
    facts.year = facts.year or _first_year(blocks)
    facts.phase = facts.phase or _phase_of(blocks)
    facts.money_unit = _money_unit(blocks)
    return facts


def _title(blocks: list[Block]) -> tuple[str, str] | None:
    """(printed, key) of the first short line among the first ones naming a statement and a year: a
    heading or a line of its own; a title broken over two lines is joined (``…(管委会)2024年`` /
    ``一般公共预算“三公”经费预算``). A numbered heading (一、…) is a section, not the title."""
    for block in blocks[:_TITLE_LINES]:
        lines = block.lines if block.kind == "table" else [block]
        for i, line in enumerate(lines):
            key, text = line.key, line.text
            if block.kind == "table" and i + 1 < len(lines) and _YEAR_END.search(key):
                key, text = key + lines[i + 1].key, text + lines[i + 1].text
            if len(key) <= 80 and not MARK.match(key) and re.search(r"20\d{2}年", key) \
                    and scan(key, "statement_titles"):
                return text, key
    return None


def _department(key: str, year_at: int | None) -> str | None:
    """The organisation a title names: the words before its year, else those after it."""
    if year_at is None:
        return None
    before = key[:year_at].strip(",:")
    if _ORG_END.search(before) and not before[0].isdigit():
        return before
    rest = re.sub(r"^20\d{2}年度?", "", key[year_at:])
    stop = _DEPT_STOP.search(rest)
    name = rest[:stop.start()] if stop else ""
    return name if _ORG_END.search(name) else None


def _first_year(blocks: list[Block]) -> int | None:
    for block in blocks:
        if block.kind != "table":
            year = own_year(block.key, comparisons(block.key))
            if year is not None:
                return year[0]
    return None


def _phase_of(blocks: list[Block]) -> str | None:
    """Headings' phases first; then a comparison with the budget (决算 vs 预算); then the words used most."""
    for block in blocks:
        if block.kind == "heading" and own_phase(block.key):
            return own_phase(block.key)
    keys = [b.key for b in blocks if b.kind != "table"]
    if any(h.key == "vs_budget" for k in keys for h in comparisons(k)):
        return "final"
    votes = Counter(h.key for k in keys for h in phases(k))
    return votes.most_common(1)[0][0] if votes else None


def _money_unit(blocks: list[Block]) -> str | None:
    for block in blocks:
        for line in block.lines:
            m = _UNIT.search(line.key) if is_unit_line(line.key) or "单位:" in line.key else None
            if m:
                return "wan_yuan" if m.group(1) == "万元" else "yuan"
    return None


@dataclass(slots=True)
class _Heading:
    level: int
    key: str
    year: int | None
    phase: str | None
    subject: Subject | None


@dataclass(slots=True)
class Headings:
    """The headings above the current place, each with what it says."""

    facts: Facts
    stack: list[_Heading] = field(default_factory=list)
    last: str | None = None

    def enter(self, key: str) -> None:
        """A heading: it replaces those at its level and below."""
        level = next((n for pattern, n in _LEVELS if pattern.match(key)), -1)
        self.stack = [h for h in self.stack if h.level < level]
        year = own_year(key, comparisons(key))
        subs = subjects(key)
        self.stack.append(_Heading(level, key, year[0] if year else None, own_phase(key),
                                   subject_of(subs[-1]) if subs else None))
        self.last = key

    def context(self) -> Context:
        """The year, phase and subject the headings above say, over the document's own."""
        ctx = Context(self.facts.year, self.facts.phase, None,
                      "元" if self.facts.money_unit == "yuan" else "万元")
        for h in self.stack:
            ctx.year = h.year or ctx.year
            ctx.phase = h.phase or ctx.phase
            ctx.subject = h.subject or ctx.subject
        return ctx

    def title_near(self, block: Block) -> str | None:
        """The last heading before a table: its title, unless the table names its own."""
        return self.last


__all__ = ["Facts", "Headings", "document_facts", "own_phase"]
