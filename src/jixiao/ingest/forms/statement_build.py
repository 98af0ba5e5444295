"""One number of a statement clause → a StatedFigure: a level, a change, a percentage or a count.

The words right before a number say what it is: a phase word (预算 / 决算 / 执行), a comparison
(比上年, 比年初预算, 比2019年), a direction (增加 / 减少), a ratio word (占, 完成预算的). What a clause
does not say it takes from the clauses before it in the sentence, then from the paragraph, the
headings above it and the document's title.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.budget import StatedFigure

from .statement_clauses import State, Subject
from .statement_numbers import MONEY, Token, to_yuan
from .statement_values import figure_what, last_before
from .statement_words import Hit, scan

_LAST_YEAR = ("上年", "去年")
_MARKS = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}[、.]|[.、])+")
_DIFFERENCE = ("差值", "差额")


def build_figure(w, tok: Token, prev: int, subject: Subject | None, ctx, st: State,
                 before: StatedFigure | None = None) -> StatedFigure | None:
    """The figure a number states, or None for a number that states none (a bare number in prose).

    The second of a pair (``各减少1267.86,2570.97万元``) is what the first is, for its own subject."""
    label = w.clause.key[prev:tok.start]
    if before is not None and label in (",", "、") and before.measure_unit == (tok.unit or ""):
        return _like(w, tok, subject, before)
    if tok.kind == "money":
        return _money(w, tok, prev, subject, ctx, st)
    if tok.kind == "percent":
        return _percent(w, tok, prev, subject, ctx, st)
    if tok.kind == "count":
        return _count(w, tok, prev)
    return _base_level(w, tok, prev, subject, ctx, st)


def _like(w, tok: Token, subject: Subject | None, before: StatedFigure) -> StatedFigure:
    sign = -1 if before.value < 0 else 1
    return _new(w, tok, before.label, subject, before.what, sign * tok.value, before.measure_unit, year=before.year,
                phase=before.phase, change=before.change, base_year=before.base_year, ratio=before.ratio,
                base=before.base)


def _in(hits: list[Hit], a: int, b: int, exclude: str | None = None) -> list[Hit]:
    return [h for h in hits if a <= h.start and h.end <= b and h.key != exclude]


def change_kind(comparisons: list[Hit], st: State, year: int | None) -> tuple[str, int | None]:
    """(change, base year) of a change: the comparison named, else the sentence's last, else 比上年."""
    if comparisons:
        kind, base_year = comparisons[-1].key, comparisons[-1].year
    elif st.change is not None:
        kind, base_year = st.change
    else:
        kind, base_year = "yoy", None
    if kind == "vs_year" and year is not None and base_year == year - 1:
        kind = "yoy"
    return kind, base_year


def _new(w, tok: Token, label: str, subject: Subject | None, kind: str, value: Decimal, unit: str, **facts):
    from .statement_figures import THREE_PUBLIC, THREE_PUBLIC_TABLE

    category = subject.category if subject is not None else None
    words = _MARKS.sub("", label.strip(",;:"))
    if subject is not None and subject.label not in words:
        words = f"{subject.label} {words}".strip()
    amount = to_yuan(value, unit) if unit in MONEY else None
    return StatedFigure(
        what=figure_what(subject, kind), label=words[-60:] or (subject.label if subject else ""), value=value,
        measure_unit=unit, amount=amount, text=w.sentence.text, source=w.ref(tok),
        table=THREE_PUBLIC_TABLE if category in THREE_PUBLIC else None, category=category,
        subject=subject.key if subject is not None else None, **facts)


def _money(w, tok: Token, prev: int, subject: Subject | None, ctx, st: State) -> StatedFigure:
    key = w.clause.key
    label = key[prev:tok.start]
    dirs = _in(w.directions, prev, tok.start, "flat")
    comps = _in(w.comparisons, 0, tok.start)
    difference = any(h.word in _DIFFERENCE for h in _in(w.comparisons, prev, tok.start))
    if dirs or difference:
        kind, base_year = change_kind(comps, st, w.year)
        sign = -1 if dirs and dirs[-1].key == "down" else 1
        st.change = (kind, base_year)
        return _new(w, tok, label, subject, "change", sign * tok.value, tok.unit or "", year=w.year,
                    phase=st.actual_phase or st.phase or ctx.phase, change=kind, base_year=base_year)
    listed = st.open_list.phase if st.open_list is not None and st.open_list.parent.key != (subject.key if subject
                                                                                          else None) else None
    phase = _phase(w, prev, tok.start) or listed or st.phase or ctx.phase
    year = w.year - 1 if w.year is not None and _last_year(w, label, prev) else w.year
    return _new(w, tok, label, subject, "level", tok.value, tok.unit or "", year=year, phase=phase)


def _phase(w, a: int, b: int) -> str | None:
    """The phase word nearest before a number (预算 in 一般公共预算 does not count)."""
    hit = last_before(_in(w.phases, a, b), b)
    return hit.key if hit is not None else None


def _last_year(w, label: str, prev: int) -> bool:
    """``上年年初结转资金``: 上年 not part of a comparison (比上年) or a name (上年结转) → last year's figure."""
    taken = [(h.start - prev, h.end - prev) for h in w.comparisons + w.subjects]
    for word in _LAST_YEAR:
        at = label.find(word)
        while at >= 0:
            if not any(a <= at < b for a, b in taken):
                return True
            at = label.find(word, at + 1)
    return False


def _percent(w, tok: Token, prev: int, subject: Subject | None, ctx, st: State) -> StatedFigure:
    label = w.clause.key[prev:tok.start]
    ratio = last_before(w.ratios, tok.start)
    dirs = _in(w.directions, prev, tok.start, "flat")
    facts: dict = {"year": w.year, "phase": st.phase or ctx.phase}
    if ratio is not None and ratio.key == "share":
        facts["ratio"], facts["base"] = "share", _share_base(w, ratio, tok, st)
    elif ratio is not None and ratio.key == "completion":
        facts.update(ratio="completion", change="vs_budget", phase=st.actual_phase or "final")
    elif ratio is not None and ratio.key == "of_base":
        kind, base_year = change_kind(_in(w.comparisons, 0, tok.start), st, w.year)
        facts.update(ratio="of_base", change=kind, base_year=base_year)
    elif dirs:
        kind, base_year = change_kind(_in(w.comparisons, 0, tok.start), st, w.year)
        facts.update(ratio="growth", change=kind, base_year=base_year)
        return _new(w, tok, label, subject, "change_rate", (-1 if dirs[-1].key == "down" else 1) * tok.value,
                    "%", **facts)
    return _new(w, tok, label, subject, "rate", tok.value, "%", **facts)


def _share_base(w, share: Hit, tok: Token, st: State) -> str | None:
    """What a share is of: the subject named after 占, else the open list's whole, else None."""
    named = _in(w.subjects, share.end, tok.start)
    if named:
        return named[-1].key
    return st.open_list.parent.key if st.open_list is not None else None


def _count(w, tok: Token, prev: int) -> StatedFigure:
    """A count (24批次, 345辆): what it counts, from the words before it or right after it."""
    key = w.clause.key
    hits = scan(key, "statement_counts")
    before = last_before(hits, tok.start, after=prev)
    after = next((h for h in hits if h.end > tok.start + len(format(tok.value, "f"))), None)
    hit = before or after
    counted = Subject(hit.key, hit.key, hit.word) if hit is not None else None
    label = key[prev:tok.start] or (after.word if after is not None else tok.unit or "")
    fig = _new(w, tok, label, counted, "count", tok.value, tok.unit or "")
    fig.table = None
    return fig


def _base_level(w, tok: Token, prev: int, subject: Subject | None, ctx, st: State) -> StatedFigure | None:
    """``较上年2.08减少0.03万元``: a bare number between a comparison and a direction is last year's level."""
    key = w.clause.key
    comps = _in(w.comparisons, prev, tok.start)
    follows = any(h.start == tok.end and h.key in ("up", "down") for h in w.directions)
    unit = next((t.unit for t in w.clause.tokens if t.start > tok.start and t.kind == "money"), None)
    if not comps or not follows or unit is None or w.year is None:
        return None
    base_year = comps[-1].year or w.year - 1
    return _new(w, tok, key[prev:tok.start], subject, "level", tok.value, unit, year=base_year,
                phase=st.phase or ctx.phase)


__all__ = ["build_figure", "change_kind"]
