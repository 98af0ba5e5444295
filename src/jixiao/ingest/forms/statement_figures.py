"""Figures of statement prose: each number with its subject, year, phase and what it compares with.

``广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,
比上年决算数增加38.97万元,增长168.7%`` gives four figures: the 2023 决算, the 2023 预算, the change
on last year and its rate. A clause that names no subject goes on with the last one; a new sentence
that names none after a 其中 list goes back to the list's whole (``同口径比2018年减少830万元``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain.budget import StatedFigure
from jixiao.domain.vocabulary import vocabulary

from .statement_clauses import Clause, ListState, Sentence, State, Subject, clauses
from .statement_numbers import Token
from .statement_text import MARK
from .statement_words import THREE_PUBLIC as THREE_PUBLIC_KEY
from .statement_words import (Hit, comparisons, fallback_subject, function_class, item_subject, own_year, phases,
                              scan, subjects)
from .statement_values import figure_what, last_before, subject_of

THREE_PUBLIC = frozenset({"three_public_total", "overseas_travel", "reception", "official_cars", "car_purchase",
                          "car_operation"})
THREE_PUBLIC_TABLE = "三公经费"
_ZERO = Decimal("0.00")
_AS_OF = re.compile(r"^(?:[,;]|\d{1,2}[、.])*截至(20\d{2})年")


@dataclass(slots=True)
class Context:
    """What the document and the headings above a paragraph say: year, phase, subject, money unit."""

    year: int | None = None
    phase: str | None = None
    subject: Subject | None = None
    money_unit: str = "万元"


@dataclass(slots=True)
class Found:
    """The figures read so far and the enumerations (其中 lists) their parts belong to."""

    figures: list[StatedFigure] = field(default_factory=list)
    members: dict[int, int] = field(default_factory=dict)  # figure index → list ident
    lists: dict[int, ListState] = field(default_factory=dict)

    def add(self, fig: StatedFigure, lst: ListState | None = None) -> None:
        """Keep a figure, and the list it is a part of."""
        if lst is not None:
            self.members[len(self.figures)] = lst.ident
            self.lists[lst.ident] = lst
        self.figures.append(fig)


@dataclass(slots=True)
class _Clause:
    """One clause being read: its words, and the sentence it is in."""

    clause: Clause
    sentence: Sentence
    year: int | None
    subjects: list[Hit]
    comparisons: list[Hit]
    directions: list[Hit]
    phases: list[Hit]
    ratios: list[Hit]

    def ref(self, tok: Token):
        """Where a number of the clause is."""
        return self.sentence.ref_at(self.clause.start + tok.start)


def read_paragraph(sentences: list[Sentence], ctx: Context, state: State, found: Found) -> None:
    """Every figure of a paragraph's sentences, in order, into ``found``."""
    state.subject = state.subject or ctx.subject
    state.item_start = bool(sentences) and bool(MARK.match(sentences[0].block.key))
    for sent in sentences:
        state.sentence_no += 1
        comps = comparisons(sent.key)
        year = own_year(sent.key, comps)
        if year is not None:
            state.year = year[0]
        state.change = None
        state.first_seen = False
        state.named = set()  # a list is certain of its whole only when the same sentence names it
        start = len(found.figures)
        outside: ListState | None = None
        year_now = state.year or ctx.year
        for i, clause in enumerate(clauses(sent.key)):
            if i:  # ``2025年执行数为…，2026年预算安排…``: a later clause's own year holds from there on
                own = own_year(clause.key, comparisons(clause.key))
                year_now = own[0] if own is not None else year_now
            if clause.nested and outside is None and state.subject is not None:
                outside = state.open_list or _NO_LIST  # a bracket lists the parts of what stands before it
                _new_list(state, state.subject, True)
            elif not clause.nested and outside is not None:
                state.open_list, outside = (None if outside is _NO_LIST else outside), None
            _read_clause(_words(clause, sent, year_now), ctx, state, found, i == 0)
            state.item_start = False
        _as_of(sent, found, start)
        state.prev_hard = sent.hard


def _as_of(sent: Sentence, found: Found, start: int) -> None:
    """``截至2022年12月31日,资产原值合计…``: a stock on a date is of no year's 预算 or 决算."""
    m = _AS_OF.match(sent.key)
    if m is None:
        return
    for f in found.figures[start:]:
        if f.change is None and f.ratio is None:
            f.year, f.phase = int(m.group(1)), None


def _words(clause: Clause, sent: Sentence, year: int | None) -> _Clause:
    k = clause.key
    return _Clause(clause, sent, year, subjects(k), comparisons(k), scan(k, "directions"), phases(k),
                   scan(k, "ratios"))


def _read_clause(w: _Clause, ctx: Context, st: State, found: Found, first: bool) -> None:
    saved = st.subject
    _open_lists(w, st)
    if w.comparisons and not w.clause.tokens:
        st.change = (w.comparisons[-1].key, w.comparisons[-1].year)
    if not w.clause.tokens:
        _flat(w, ctx, st, found)
        if w.subjects:
            st.subject, st.subject_at = subject_of(w.subjects[-1]), st.sentence_no
        own = [h for h in w.phases if not any(c.start <= h.start < c.end for c in w.comparisons)]
        if own and w.clause.key.endswith("中"):  # ``…支出决算中,``: what follows is of that phase
            st.phase = own[-1].key
    prev = 0
    same_kind: dict[str, int] = {}
    before = None
    for i, tok in enumerate(w.clause.tokens):
        subject = _subject(w, tok, prev, st, first and i == 0)
        j = same_kind.get(tok.kind, 0)
        same_kind[tok.kind] = j + 1
        before = _figure(w, tok, prev, _pick(subject, j), ctx, st, found, before)
        if subject is not None:
            if subject is not st.subject:
                st.subject_at = st.sentence_no
            st.subject = subject
        prev = tok.end
    if w.clause.nested:
        st.subject = saved


def _pick(subject: Subject | None, j: int) -> Subject | None:
    """The j-th subject of a pair (收、支总计 各是 A, B), else the subject itself."""
    if subject is None or not subject.pair:
        return subject
    key = subject.pair[min(j, len(subject.pair) - 1)]
    return Subject(key, key, subject.label)


def _open_lists(w: _Clause, st: State) -> None:
    """其中 / 包括 open a list of the current subject's parts; ``…决算中,`` one of the subject it names."""
    key = w.clause.key
    opens = scan(key, "list_openers")
    st.opened_last = False
    recent = st.subject is not None and st.sentence_no - st.subject_at <= 1  # named in this sentence or the last
    if opens and recent and (not w.subjects or opens[0].start < w.subjects[0].start):
        certain = st.subject.key in st.named
        parent = st.main if opens[0].key == "parts" and key.startswith("按") and st.main else st.subject
        _new_list(st, parent, certain)
        # ``其中:`` ending the paragraph opens a list the next paragraphs give; ``主要包括甲、乙`` lists names
        st.opened_last = not w.clause.tokens and not key[opens[0].end:].strip(":,")
    elif not w.clause.tokens and w.subjects and key.endswith("中"):
        _new_list(st, subject_of(w.subjects[-1]), True)
        st.opened_last = True
    elif key.startswith("按") and key.endswith("划分") and st.main is not None:
        _new_list(st, st.main, False)


_LIST_IDS = itertools.count(1)
_NO_LIST = ListState(Subject("", None, ""), False, 0)


def _new_list(st: State, parent: Subject, certain: bool) -> None:
    if st.open_list is not None and st.open_list.parent.key != parent.key:
        st.outer.append(st.open_list)
    st.open_list = ListState(parent, certain, next(_LIST_IDS), st.first_phase or st.phase)
    st.lists.append(st.open_list)


def _leave_nested(st: State, subject: Subject) -> None:
    """A 三公 part that is no part of the open list's whole ends that list: back to the list it is in."""
    parents = vocabulary().labels("three_public_parents")
    parent_of = {child: THREE_PUBLIC_KEY.get(p, p) for child, p in parents.items()}
    while (st.open_list is not None and st.outer and subject.category in parent_of
           and st.open_list.parent.category in THREE_PUBLIC and parent_of[subject.category] != st.open_list.parent.key):
        st.open_list = st.outer.pop()


def _subject(w: _Clause, tok: Token, prev: int, st: State, first: bool) -> Subject | None:
    """The subject of a number: named just before it, else a list item's opening words, else carried."""
    label_hits = [h for h in w.subjects if prev <= h.start and h.end <= tok.start]
    share = last_before(w.ratios, tok.start, "share")
    if share is not None:
        label_hits = [h for h in label_hits if h.end <= share.start]
    if label_hits:
        named = subject_of(_strongest(label_hits))
        _leave_nested(st, named)
        return named
    label = w.clause.key[prev:tok.start]
    if (prev == 0 or label.startswith("、")) and not _in_label(w.comparisons + w.directions, tok.start, prev):
        words = fallback_subject(label.lstrip("、"))
        if words is not None:
            return Subject(words, "function_class" if function_class(words) else None, words)
    if first and prev == 0 and st.item_start:
        words = item_subject(label)  # a numbered item names itself; it is no more of the item before it
        if words is not None:
            return Subject(words, "function_class" if function_class(words) else None, words)
    if first and st.prev_hard and st.open_list is not None and not st.opened_last and tok.kind != "count":
        parent, st.open_list = st.open_list.parent, None
        st.subject = parent
        return parent
    return st.subject


def _in_label(hits: list[Hit], end: int, start: int = 0) -> bool:
    return any(start <= h.start and h.end <= end for h in hits)


def _strongest(hits: list[Hit]) -> Hit:
    """The subject words before a number name: a 三公 part wins over the fund or total words around it
    (``一般公共预算财政拨款“三公”经费支出``, ``因公出国(境)费支出预算``)."""
    parts = [h for h in hits if h.key in THREE_PUBLIC]
    return (parts or hits)[-1]


def _figure(w: _Clause, tok: Token, prev: int, subject: Subject | None, ctx: Context, st: State,
            found: Found, before: StatedFigure | None) -> StatedFigure | None:
    from .statement_build import build_figure

    fig = build_figure(w, tok, prev, subject, ctx, st, before)
    if fig is None:
        return None
    in_list = st.open_list if (fig.change is None and st.open_list is not None and subject is not None
                               and (fig.amount is not None or fig.ratio == "share")
                               and subject.key != st.open_list.parent.key and fig.ratio in (None, "share")) else None
    if in_list is not None and fig.base is None:
        fig.base = in_list.parent.key
    found.add(fig, in_list if fig.ratio is None and fig.amount is not None else None)
    if fig.amount is not None:
        st.money_unit = fig.measure_unit
    if fig.change is None and fig.amount is not None:
        if not st.first_seen:
            st.first_phase, st.first_seen = fig.phase, True
        st.phase = fig.phase
        st.actual_phase = fig.phase if fig.phase != "budget" else st.actual_phase
        if subject is not None:
            st.named.add(subject.key)
            st.main = st.main or subject
    return fig


def _flat(w: _Clause, ctx: Context, st: State, found: Found) -> None:
    """``与2023年预算持平`` / ``较上年无增减``: a change of nothing, stated in words."""
    flat = [h for h in w.directions if h.key == "flat"]
    subject = subject_of(w.subjects[-1]) if w.subjects else st.subject
    if not flat or subject is None or subject.pair:
        return
    from .statement_build import change_kind

    kind, base_year = change_kind(w.comparisons, st, w.year)
    words = w.clause.key if subject.label in w.clause.key else f"{subject.label} {w.clause.key}"
    fig = StatedFigure(figure_what(subject, "change"), words.strip(",;:。"), _ZERO,
                       st.money_unit or ctx.money_unit, _ZERO, None, None, w.sentence.text,
                       w.sentence.ref_at(w.clause.start + flat[0].start), w.year, st.phase or ctx.phase, kind,
                       base_year, THREE_PUBLIC_TABLE if subject.category in THREE_PUBLIC else None, None,
                       subject.category, None, subject.key, None)
    found.add(fig)


__all__ = ["Context", "Found", "THREE_PUBLIC", "THREE_PUBLIC_TABLE", "read_paragraph"]
