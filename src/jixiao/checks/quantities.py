"""Numbers stated in prose, with what they count: ``培训总量500万人次`` → (5000000, 人次, 培训总量).

Used to compare a goal text with the indicators: the same subject (the words before the number) in
the same unit should carry the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.domain.targets import UNITS
from jixiao.domain.text import compact, to_halfwidth

# Calendar words are dates, not quantities; 个月 stays a quantity.
_SKIP_UNITS = {"年", "月", "日", "周", "季度", "前", "分", "万"}
_UNIT_RE = "|".join(re.escape(u) for u in UNITS if u not in _SKIP_UNITS)
_MENTION = re.compile(rf"(?<![\d.])(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<wan>万(?!元|平方米))?(?P<unit>{_UNIT_RE})")
_OPS = re.compile(r"(不少于|不低于|不超过|不高于|达到|超过|至少|控制在|大于等于|小于等于|大于|小于|[≥≤><=]|达|为|约|共|累计|维持)+$")
_CLAUSE = re.compile(r"[，,。；;、\n]")
_ENUM = re.compile(r"^[(（]?\d{1,2}[.、．)）]")
MIN_KEY = 3
KEY_CHARS = 8


@dataclass(frozen=True, slots=True)
class Mention:
    """One number in prose: value (scaled by 万), unit, and the subject words before it."""

    value: Decimal
    unit: str
    key: str
    text: str


def _key(before: str) -> str:
    before = _ENUM.sub("", before)
    before = _OPS.sub("", before)
    return re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", before)[-KEY_CHARS:]


def _after(rest: str) -> str:
    words = re.match(r"[\u4e00-\u9fffA-Za-z]*", rest).group(0)
    return words.removeprefix("的")[:KEY_CHARS]


@lru_cache(maxsize=16384)
def mentions(text: str | None) -> tuple[Mention, ...]:
    """Every quantity in ``text`` with its subject; dates and list numbers are left out."""
    if not text:
        return ()
    out = []
    for clause in _CLAUSE.split(compact(to_halfwidth(text))):
        for m in _MENTION.finditer(clause):
            try:
                value = Decimal(m.group("num").replace(",", ""))
            except InvalidOperation:
                continue
            if m.group("wan"):
                value *= 10000
            key = _key(clause[:m.start()])
            if len(key) < MIN_KEY:  # 开展100场社区教育公益培训: the subject follows the number
                key = _after(clause[m.end():])
            if len(key) >= MIN_KEY:
                out.append(Mention(value, m.group("unit"), key, clause))
    return tuple(out)
