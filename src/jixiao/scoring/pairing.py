"""Pair the numbers of a target text with the numbers of its completion text.

Wide tables put several targets in one cell (``1.举办公益招聘会场数：不少于10场；2.档案托管数量：不少于
500份``) and report on them in another (``1.举办公益招聘会19场，完成目标；2.档案托管数量8803份``).
Both are split into items; numbered items are matched by their numbers. A target number is paired with
a completion number of the same unit whose words overlap most (character pairs), each number used
once; a completion number in a clause that says it did not happen (未开展, 取消 …) is never paired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.domain.targets import parse_target
from jixiao.domain.text import to_halfwidth

from .completion import NEGATION

_ENUM = re.compile(r"(?<![\d.])[(（]?(\d{1,2})[.、．)）]")
_YEAR = re.compile(r"20\d\d年")
_SEPARATORS = frozenset(";；。,，:：!！? \t\n")
_CLAUSE_SPLIT = re.compile(r"[，。；;、\n]|,(?!\d{3})")
_ITEM_SPLIT = re.compile(r"[；;]")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_DEADLINE = ("前", "之前", "以前", "内", "以内", "之内", "截止", "底前")
TIME_UNITS = frozenset({"月", "日", "天", "小时", "个工作日", "工作日", "分钟", "周", "季度"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from one clause: direction, value(s), unit and the clause it came from."""

    op: str
    value: Decimal
    unit: str | None
    clause: str
    item: int
    value_high: Decimal | None = None
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a text: its number (``2、``) if any, and its words."""

    number: int | None
    text: str


def split_items(text: str | None) -> list[Item]:
    """Numbered items (``1.…2.…``) or, when not numbered, the parts between semicolons."""
    if not text or not text.strip():
        return []
    return list(_split_items(text))


@lru_cache(maxsize=65536)
def _split_items(text: str) -> tuple[Item, ...]:
    s = to_halfwidth(text).strip()
    marks = _enumerators(s)
    if not marks:
        return tuple(Item(None, p.strip()) for p in _ITEM_SPLIT.split(s) if p.strip())
    items = []
    head = s[:marks[0].start()].strip(" ;；,，。")
    if head:
        items.append(Item(None, head))
    for m, nxt in zip(marks, [*marks[1:], None]):
        body = s[m.end():nxt.start() if nxt else len(s)].strip(" ;；,，。")
        if body:
            items.append(Item(int(m.group(1)), body))
    return tuple(items)


def _enumerators(s: str) -> list[re.Match]:
    """Item numbers that follow each other 1, 2, 3 …; a number glued to the text before it
    (``完成2、因疫情…``) counts when it is the next one and not the start of a decimal."""
    out: list[re.Match] = []
    for m in _ENUM.finditer(s):
        if int(m.group(1)) != len(out) + 1:
            continue
        after_sep = m.start() == 0 or s[m.start() - 1] in _SEPARATORS
        digit_next = s[m.end():m.end() + 1].isdigit()
        if digit_next and m.group(0)[-1] in ".．" and not (out or _YEAR.match(s, m.end())):
            continue  # ``1.5吨`` is a number, ``1.2021年…`` an item
        if after_sep or (out and not digit_next):
            out.append(m)
    return out


def quantities(item: Item, index: int) -> tuple[Quantity, ...]:
    """Every number of an item, one per clause, with the direction words around it."""
    return _quantities(item.text, index)


@lru_cache(maxsize=65536)
def _quantities(text: str, index: int) -> tuple[Quantity, ...]:
    # Pure in the text, and forms repeat their cells a lot: parsed once per distinct text.
    out = []
    for clause in _CLAUSE_SPLIT.split(text):
        if not clause.strip():
            continue
        tv = parse_target(clause)
        if tv.value is None:
            continue
        op = tv.op or "="
        if op == "=" and tv.unit in TIME_UNITS and any(w in clause for w in _DEADLINE):
            op = "≤"  # ``12月底前完成``: a deadline is a ceiling
        out.append(Quantity(op, tv.value, tv.unit, clause.strip(), index, tv.value_high,
                            bool(NEGATION.search(clause))))
    return tuple(out)


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    grams = set()
    for run in _CJK.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(grams)


def similarity(a: str, b: str) -> int:
    """How many character pairs two clauses share (numbers and punctuation ignored)."""
    return len(_bigrams(a) & _bigrams(b))


def _compatible(t: Quantity, c: Quantity) -> bool:
    return t.unit == c.unit or t.unit is None or c.unit is None


def pair(target_items: list[Item], completion_items: list[Item],
         ) -> tuple[list[tuple[Quantity, ...]], dict[int, list[tuple[Quantity, Quantity]]]]:
    """Target quantities per item, and the accepted (target, completion) pairs per target item."""
    tqs = [quantities(it, i) for i, it in enumerate(target_items)]
    cqs = [q for j, it in enumerate(completion_items) for q in quantities(it, j)]
    if not cqs or not any(tqs):
        return tqs, {}
    if len(tqs) == 1 and len(tqs[0]) == 1:  # the usual form row: one target number
        t = tqs[0][0]
        compatible = [c for c in cqs if _compatible(t, c) and not c.negated]
        if len(compatible) == 1 and not t.negated:
            return tqs, {0: [(t, compatible[0])]}
    by_number = {it.number: j for j, it in enumerate(completion_items) if it.number is not None}
    n_target = sum(len(q) for q in tqs)
    candidates = []
    for i, item in enumerate(target_items):
        allowed = by_number.get(item.number) if item.number is not None else None
        pool = [c for c in cqs if allowed is None or c.item == allowed]
        for t in tqs[i]:
            if t.negated:
                continue
            compatible = [c for c in pool if _compatible(t, c) and not c.negated]
            for c in compatible:
                sim = similarity(t.clause, c.clause)
                alone = n_target == 1 and len(compatible) == 1
                if sim > 0 or alone or (t.unit is not None and t.unit == c.unit and len(compatible) == 1):
                    candidates.append((-sim, t.item, id(t), t, c))
    candidates.sort(key=lambda x: (x[0], x[1]))
    used_t, used_c = set(), set()
    pairs: dict[int, list[tuple[Quantity, Quantity]]] = {}
    for _, item, _tid, t, c in candidates:
        if id(t) in used_t or id(c) in used_c:
            continue
        used_t.add(id(t))
        used_c.add(id(c))
        pairs.setdefault(item, []).append((t, c))
    return tqs, pairs


def aligned_text(item: Item, completion_items: list[Item], whole: str) -> str:
    """The completion words that report on ``item``: its numbered twin, else the whole text."""
    if item.number is not None:
        for c in completion_items:
            if c.number == item.number:
                return c.text
    return whole
