"""The words of a statement clause, found through the vocabulary: subjects, phases, comparisons.

All lookups run on normalised, quote-free text (see ``statement_text.key_of``); every hit keeps
where it is, so the reader can tell what stands right before a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.domain.budget import CLASS_NAMES
from jixiao.domain.vocabulary import vocabulary

SUBJECT_SECTIONS = ("three_public", "statement_subjects", "statement_pairs")
# The 三公 keys of the vocabulary → glossary categories (the total is ``three_public_total``).
THREE_PUBLIC = {"total": "three_public_total"}
_YEAR = re.compile(r"(20\d{2})年度?")
_NOT_OWN_YEAR = ("比", "较", "与", "截至", "至", "同口径比", "对比")
_SUBJECT_END = ("支出", "收入", "税", "费", "经费", "资金", "拨款", "采购")
_FALLBACK_CUT = re.compile(r"(?:安排|预计|共计|合计|总计|为|是|达到)")
_LEADING = re.compile(r"^(?:[,;:]|其中|包括|以及|和|及|另外|此外|一是|二是|三是)+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A vocabulary word found in a clause: its key, where it is, and the word."""

    key: str
    start: int
    end: int
    word: str
    year: int | None = None  # for a comparison with a named year (比2019年)


@lru_cache(maxsize=1)
def _vs_year() -> re.Pattern:
    """``比{year}年`` … of the vocabulary as one pattern, the year captured."""
    labels = [lab for lab, key in vocabulary().labels("changes").items() if key == "vs_year"]
    parts = sorted((re.escape(lab).replace(r"\{year\}", "(20\\d{2})") for lab in labels), key=len, reverse=True)
    return re.compile("|".join(parts) or "(?!)")


def scan(text: str, section: str) -> list[Hit]:
    """Every word of one vocabulary section in a normalised text."""
    return [Hit(m.key, m.start, m.end, m.label) for m in vocabulary().scan(text, (section,)) if "{" not in m.label]


def subjects(text: str) -> list[Hit]:
    """Subjects named in a text: 三公 parts, statement subjects, pairs (``a+b``)."""
    out = []
    for m in vocabulary().scan(text, SUBJECT_SECTIONS):
        key = THREE_PUBLIC.get(m.key, m.key) if m.section == "three_public" else m.key
        out.append(Hit(key, m.start, m.end, m.label))
    return out


def comparisons(text: str) -> list[Hit]:
    """What changes compare with: ``yoy``, ``vs_budget``, ``vs_year`` (with its year)."""
    out = [h for h in scan(text, "changes") if h.key != "vs_year"]
    for m in _vs_year().finditer(text):
        year = next(int(g) for g in m.groups() if g)
        out.append(Hit("vs_year", m.start(), m.end(), m.group(), year))
    out.sort(key=lambda h: h.start)
    return _drop_inner(out)


def _drop_inner(hits: list[Hit]) -> list[Hit]:
    """Hits lying inside a longer hit are the same words: keep the longer."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def phases(text: str) -> list[Hit]:
    """Phase words (预算, 决算, 执行 …), fund and table names holding 预算 left out."""
    return [h for h in scan(text, "phases") if h.key != "none"]


def own_year(text: str, taken: list[Hit]) -> tuple[int, int] | None:
    """(year, position) of the first ``20xx年`` that is the text's own year, not a comparison's or a date."""
    for m in _YEAR.finditer(text):
        if any(h.start <= m.start() < h.end for h in taken):
            continue
        before = text[max(0, m.start() - 4):m.start()]
        if before.endswith(_NOT_OWN_YEAR) or text[m.end():m.end() + 2].rstrip("0123456789")[:1] == "月":
            continue
        if _cited(text, m.start()):
            continue  # 《…操作规程(2022年修订)的通知》: a document cited, not the text's year
        return int(m.group(1)), m.start()
    return None


def _cited(text: str, at: int) -> bool:
    """Whether ``at`` stands inside a cited title (《…》) or in brackets (…年修订)."""
    head = text[:at]
    return head.count("《") > head.count("》") or head.count("(") + head.count("（") > head.count(")") + head.count("）")


def fallback_subject(label: str) -> str | None:
    """The words that open a list item and name it (``卫生健康支出`` of ``6、卫生健康支出安排``)."""
    t = _LEADING.sub("", _strip_mark(label))
    m = _YEAR.match(t)
    if m:
        t = t[m.end():].lstrip(",")
    cut = _FALLBACK_CUT.search(t)
    t = t[:cut.start()] if cut else t
    t = t.removesuffix("类科目").removesuffix("科目")
    if len(t) >= 2 and t.endswith(_SUBJECT_END) and t not in _SUBJECT_END and not re.search(r"[\d%]", t):
        return t
    return None


_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}[、.](?!\d))+")


def _strip_mark(text: str) -> str:
    return _MARK.sub("", text)


def item_subject(label: str) -> str | None:
    """What a numbered item names when no known word does (``12. 信息化建设与运行 291 万元``)."""
    t = _LEADING.sub("", _strip_mark(label))
    m = _YEAR.match(t)
    if m:
        t = t[m.end():]
    cut = _FALLBACK_CUT.search(t)
    t = (t[:cut.start()] if cut else t).strip(",:")
    return t if len(t) >= 2 and not re.search(r"[\d%]", t) else None


def function_class(subject: str) -> bool:
    """True when the words name a 类 of the functional classification (卫生健康支出, 城乡社区事务支出)."""
    t = subject.replace("事务", "")
    return any(t == name.replace("事务", "") for name in CLASS_NAMES.values())


__all__ = ["Hit", "comparisons", "fallback_subject", "item_subject", "function_class", "own_year", "phases", "scan", "subjects"]
