"""Which projects of different documents are the same project.

Matched by project code when both have one; else by unit plus name, insensitive to traditional or
simplified characters, width, spaces and punctuation (修繕维护 = 修缮维护); else fuzzily (rapidfuzz
ratio ≥ ``fuzzy_threshold``) among names one edit apart, found through a deletion index so the cost
stays linear in the number of projects. Numbers in names must agree (第一期 ≠ 第二期), units must be
compatible (one name contains the other: 职业训练中心 ⊂ 龙岗区职业训练中心), and the district and city
named by unit or department must not differ.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from jixiao.domain.model import Document, Project
from jixiao.domain.text import compact, to_simplified

from .texts import comparable

_DISTRICT = re.compile(r"(?:^|市)([\u4e00-\u9fff]{2,3}?[区县])")
_CITY = re.compile(r"([\u4e00-\u9fff]{2,3}?市)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Match:
    """Two documents' copies of one project, and how they were found to be the same."""

    a: Project
    b: Project
    doc_a: Document
    doc_b: Document
    how: str  # code, name, fuzzy
    score: float
    variant: bool  # names equal only after traditional → simplified conversion


@dataclass(slots=True)
class _Entry:
    doc_index: int
    doc: Document
    project: Project
    name: str
    unit: str
    region: tuple[str | None, str | None]


def name_key(name: str | None) -> str:
    """A project name reduced for matching (simplified, no punctuation, no trailing 项目)."""
    key = comparable(name)
    return key[:-2] if key.endswith("项目") and len(key) > 4 else key


def _region(*texts: str | None) -> tuple[str | None, str | None]:
    city = district = None
    for t in texts:
        if not t:
            continue
        t = compact(t)
        if district is None and (m := _DISTRICT.search(t)):
            district = m.group(1)
        if city is None and (m := _CITY.search(t)):
            city = m.group(1)
    return city, district


def _compatible(x: _Entry, y: _Entry) -> bool:
    if x.doc_index == y.doc_index:
        return False
    if x.project.year and y.project.year and x.project.year != y.project.year:
        return False
    for a, b in zip(x.region, y.region):
        if a and b and a != b:
            return False
    return not x.unit or not y.unit or x.unit in y.unit or y.unit in x.unit


def _entries(docs: list[Document]) -> list[_Entry]:
    out = []
    units: dict[tuple, tuple[str, tuple]] = {}  # a document has few units: work each out once
    for i, doc in enumerate(docs):
        for p in doc.projects:
            key = (p.unit, doc.department, doc.title)
            if key not in units:
                units[key] = (comparable(p.unit).removesuffix("本级"), _region(*key))
            unit, region = units[key]
            out.append(_Entry(i, doc, p, name_key(p.name), unit, region))
    return out


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _fuzzy_key(name: str) -> tuple[str, str]:
    return "/".join(_DIGITS.findall(name)), _DIGITS.sub("#", name)


MAX_GROUP = 50  # a deletion key shared by more names than this says nothing about any of them


def _cross(group: list[_Entry]):
    for i, x in enumerate(group):
        for y in group[i + 1:]:
            if _compatible(x, y):
                yield (x, y) if x.doc_index < y.doc_index else (y, x)


def _exact_pairs(entries: list[_Entry]) -> list[tuple]:
    by_code: dict[str, list[_Entry]] = defaultdict(list)
    by_name: dict[tuple, list[_Entry]] = defaultdict(list)
    for e in entries:
        if e.project.code:
            by_code[e.project.code].append(e)
        if e.name:
            by_name[e.name].append(e)
    pairs = [(3, 100.0, "code", x, y) for g in by_code.values() if len(g) > 1 for x, y in _cross(g)]
    pairs += [(2, 100.0, "name", x, y) for g in by_name.values() if len(g) > 1 for x, y in _cross(g)]
    return pairs


def _fuzzy_pairs(entries: list[_Entry], threshold: int) -> list[tuple]:
    by_digits: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
    for e in entries:
        digits, body = _fuzzy_key(e.name)
        if len(body) >= 3:
            by_digits[digits].append((body, e))
    index: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
    for digits, bucket in by_digits.items():
        if len(bucket) < 2 or len({e.doc_index for _, e in bucket}) < 2:
            continue  # names with these numbers occur in one document only
        for body, e in bucket:
            for d in _deletions(body):
                index[(digits, d)].append(e)
    seen, pairs = set(), []
    for group in index.values():
        if len(group) < 2 or len(group) > MAX_GROUP:
            continue
        for x, y in _cross(group):
            key = (id(x), id(y))
            if x.name == y.name or key in seen:
                continue
            seen.add(key)
            score = fuzz.ratio(x.name, y.name)
            if score >= threshold:
                pairs.append((1, score, "fuzzy", x, y))
    return pairs


def _is_variant(a: str, b: str) -> bool:
    ca, cb = compact(a), compact(b)
    return ca != cb and to_simplified(ca) == to_simplified(cb)


def match_projects(docs: list[Document], threshold: int = 90) -> list[Match]:
    """Pairs of projects in different documents that are the same project (each used once per pair of documents)."""
    entries = _entries(docs)
    pairs = _exact_pairs(entries) + _fuzzy_pairs(entries, threshold)
    pairs.sort(key=lambda t: (-t[0], -t[1], t[3].doc_index, t[4].doc_index))
    used: set[tuple[int, int]] = set()
    out = []
    for _tier, score, how, x, y in pairs:
        if (id(x.project), y.doc_index) in used or (id(y.project), x.doc_index) in used:
            continue
        used.add((id(x.project), y.doc_index))
        used.add((id(y.project), x.doc_index))
        out.append(Match(x.project, y.project, x.doc, y.doc, how, score, _is_variant(x.project.name, y.project.name)))
    order = {id(d): i for i, d in enumerate(docs)}
    out.sort(key=lambda m: (order[id(m.doc_a)], m.a.source.line or 0 if m.a.source else 0))
    return out


def shared_matches(ctx) -> list[Match]:
    """The run's project matches, computed once for all cross-document rules."""
    return ctx.shared("matches", lambda: match_projects(ctx.documents, ctx.settings.fuzzy_threshold))


def related(doc: Document, project: Project | None = None) -> dict:
    """The other copy, as a finding's ``related`` object: document, project id and name, source."""
    out: dict = {"document": doc.file}
    if project is not None:
        out.update(project_id=project.details.get("id"), project=project.name,
                   source=project.source.to_dict() if project.source else None)
    return out
