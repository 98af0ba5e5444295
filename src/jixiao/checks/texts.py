"""Text helpers for rules: comparable forms of cells, empty values, stated reasons, not-done words."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.domain.model import Project, Status
from jixiao.domain.text import clean_cell, compact, to_simplified

# Self-reported statuses that admit a shortfall and so need a reason.
SHORTFALL = (Status.NOT_DONE, Status.PARTLY_DONE)
_PUNCT = re.compile(r"[\s,，.。、;；:：!！?？\"'“”‘’()（）\[\]【】《》<>〈〉·…—\-_/\\|]+")
EMPTY_VALUES = frozenset({"", "无", "/", "-", "—", "——", "－", "待定", "暂无", "空"})
NOT_APPLICABLE = frozenset({"不适用", "无此项", "不涉及"})
# A part of the work was not done, in the words completion texts use.
_NOT_DONE = re.compile(
    r"未(?:完成|开展|实施|能|达到|达成|发放|采购|举办|启动|落实|到位|执行)|只完成|仅完成|没有完成"
    r"|无法|不开展|不再开展|未按(?:时|期)")
# Words that introduce a cause: 因…, 由于…, 受…影响, 疫情 ….
_REASON = re.compile(r"由于|受[^，,。；;]{0,12}影响|因(?!素)|疫情|离职|减少|取消|回收|调整|追加|调剂|不足")
_CLAUSE = re.compile(r"[^。；;\n]+")


_INVARIANT: set[str] = set()  # characters OpenCC leaves as they are (most of any text)


def simplified(text: str) -> str:
    """Traditional → simplified, skipping the slow converter when every character is simplified already."""
    for ch in text:
        if ch not in _INVARIANT:
            if ch < "\u2e80" or to_simplified(ch) == ch:
                _INVARIANT.add(ch)
            else:
                return to_simplified(text)
    return text


@lru_cache(maxsize=65536)
def comparable(text: str | None) -> str:
    """A cell reduced for comparison: simplified, half-width, no spaces or punctuation."""
    if not text:
        return ""
    return _PUNCT.sub("", simplified(compact(clean_cell(text))))


def is_empty_value(text: str | None) -> bool:
    """True for a cell that states nothing (blank, 无, /, 待定 …)."""
    if not text:
        return True
    return len(text) <= 8 and compact(text) in EMPTY_VALUES


def is_not_applicable(text: str | None) -> bool:
    """True for 不适用 and its variants: declared as having no indicator, not missing."""
    if not text or len(text) > 12 or not ("适用" in text or "不涉及" in text or "无此项" in text):
        return False
    return compact(text) in NOT_APPLICABLE


def not_done_clause(text: str | None) -> str | None:
    """The first clause of ``text`` saying a part of the work was not done, or None."""
    if not text or not _NOT_DONE.search(text):
        return None
    for clause in _CLAUSE.findall(text):
        if _NOT_DONE.search(clause):
            return clause.strip(" ,，")
    return None


def reason_clause(text: str | None) -> str | None:
    """The first clause of ``text`` that gives a cause (因…, 受…影响 …), or None."""
    if not text or is_empty_value(text) or not _REASON.search(text):
        return None
    for clause in _CLAUSE.findall(text):
        if _REASON.search(clause):
            return clause.strip(" ,，")
    return None


def shared_reason(p: Project, ctx) -> str | None:
    """:func:`stated_reason`, worked out once per project and run (several rules ask for it)."""
    return ctx.shared(("reason", id(p)), lambda: stated_reason(p))


def stated_reason(p: Project) -> str | None:
    """Where the project explains a shortfall: problems, deviation reasons, then completion texts."""
    if p.problems and not is_empty_value(p.problems):
        return clean_cell(p.problems)
    for ind in p.indicators:
        if ind.deviation_reason and not is_empty_value(ind.deviation_reason):
            return clean_cell(ind.deviation_reason)
    texts = [p.status_text] + [i.actual.text for i in p.indicators if i.actual is not None]
    texts += [i.target.text for i in p.indicators]
    for t in texts:
        clause = reason_clause(t)
        if clause:
            return clause
    return None


def short(text: str | None, limit: int = 40) -> str:
    """A cell cut for a message, with an ellipsis when cut."""
    t = clean_cell(text)
    return t if len(t) <= limit else t[:limit] + "…"


STATUS_WORDS = {Status.DONE: "完成", Status.MOSTLY_DONE: "基本完成", Status.PARTLY_DONE: "部分完成",
                Status.NOT_DONE: "未完成"}


def status_word(p: Project) -> str:
    """The completion word as written when short (已完成), else the status's standard word."""
    text = clean_cell(p.status_text)
    if text and len(text) <= 8:
        return text
    return STATUS_WORDS.get(p.status or "", p.status or "")
