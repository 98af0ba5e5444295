"""测算依据: the chain of ``price*quantity=amount`` terms behind a budget amount.

The text is read, never evaluated: products (``2360*12个月*120人=339.84万元``, ``2人，5万/人``),
sums (``96371.64+8000+165440=269811.64元``) and stated totals (``以上合计：1025.16万元``) become
terms, each with its factors, the result as stated and the result as computed. Which amounts a
total adds up is ambiguous in prose, so a few readings are tried (the terms since the last total,
the numbered items just above it, all amounts since the last total) and the one that agrees with
the stated figure is kept; when none agrees the closest is kept and the checker reports the gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .basis_terms import (
    _TOTAL,
    Quantity,
    Term,
    amounts,
    markers,
    normalise_basis_text,
    paren_depth,
    products,
    rates,
    sums,
    to_dec,
    yuan_str,
)
from .text import clean_cell

@dataclass(slots=True)
class Basis:
    """A parsed 测算依据: the text as written, its terms in reading order, its stated total."""

    text: str
    terms: list[Term] = field(default_factory=list)
    stated_total: Term | None = None
    computed_total: Decimal | None = None  # yuan: the stated total's reading, else the top items

    def to_dict(self) -> dict:
        """JSON-ready (decimal strings): ``{text, terms, stated_total, computed_total}``."""
        st = self.stated_total
        return {
            "text": self.text, "terms": [t.to_dict() for t in self.terms],
            "stated_total": None if st is None or st.stated is None else {
                **st.stated.to_dict(), "text": st.text, "yuan": yuan_str(st.stated.base())},
            "computed_total": yuan_str(self.computed_total),
        }



def parse_basis(text: str | None) -> Basis:
    """Read the terms and totals of a 测算依据 text; never raises, never evaluates."""
    raw = clean_cell(text)
    s = normalise_basis_text(raw)
    depth = paren_depth(s)
    terms = products(s, depth) + sums(s, depth) + rates(s)
    terms.sort(key=lambda t: t.start)
    totals, stated_total, computed_total = read_totals(s, terms, depth)
    all_terms = sorted(terms + totals, key=lambda t: t.start)
    return Basis(raw, all_terms, stated_total, computed_total)




@dataclass(slots=True)
class _Item:
    """A numbered item (一、 （1） 1、 ①) and the text it spans, with its nesting level."""

    start: int
    end: int
    level: int
    parent: int | None


def _items(s: str) -> list[_Item]:
    """Numbered items with levels in order of first appearance of each numbering style."""
    found = markers(s)
    levels: dict[str, int] = {}
    for _, _, style in found:
        levels.setdefault(style, len(levels))
    items: list[_Item] = []
    for k, (a, _, style) in enumerate(found):
        level = levels[style]
        end = next((m[0] for m in found[k + 1:] if levels[m[2]] <= level), len(s))
        parent = next((j for j in range(len(items) - 1, -1, -1)
                       if items[j].level < level and items[j].end > a), None)
        items.append(_Item(a, end, level, parent))
    return items


class _Reader:
    """Reads the stated totals of one text: which amounts each of them adds up."""

    def __init__(self, s: str, terms: list[Term], depth: list[int]) -> None:
        self.s, self.terms = s, [t for t in terms if not t.nested]
        self.items = _items(s)
        self.totals: list[Term] = []
        self.total_matches = list(_TOTAL.finditer(s))  # scanned once: read() goes through them again
        spans = [(m.start(), m.end()) for m in self.total_matches if not depth[m.start()]]
        entries = [e for e in amounts(s, depth, terms) if not any(a <= e[0] < b for a, b in spans)]
        for t in self.terms:
            computed = t.computed_base() if t.stated is None else None
            if computed is not None:
                entries.append((t.start, computed, t.text))
        self.entries = sorted(entries, key=lambda e: e[0])

    def read(self) -> None:
        for m in self.total_matches:
            if any(t.start <= m.start() < t.end for t in self.terms):
                continue
            stated = Quantity(to_dec(m.group("n")), m.group("u"), m.group("n") + m.group("u"))
            prev = self.totals[-1].end if self.totals else 0
            addends = self._choose(self._candidates(m.start(), prev), stated, m.group(0))
            self.totals.append(Term("total", m.group(0), addends, stated, m.start(), m.end()))

    def _candidates(self, p: int, prev: int) -> list[list[Quantity]]:
        out = [_quantities((t.value_base(), t.text) for t in self.terms if prev <= t.start < p)]
        for level in sorted({i.level for i in self.items}, reverse=True):
            out.append(self._item_run(level, p))
        out.append(_quantities((v, txt) for pos, v, txt in self.entries if prev <= pos < p))
        return [c for c in out if c]

    def _item_run(self, level: int, p: int) -> list[Quantity]:
        """The amounts of the item at ``level`` holding ``p`` and of its earlier siblings."""
        holder = next((i for i in self.items if i.level == level and i.start <= p < i.end), None)
        if holder is None:
            return []
        run = [i for i in self.items if i.level == level and i.parent == holder.parent and i.start <= holder.start]
        return [q for q in (self.item_amount(i, p) for i in run) if q is not None]

    def item_amount(self, item: _Item, p: int) -> Quantity | None:
        """An item's amount: the last total inside it, else the first amount it states."""
        end = min(item.end, p)
        inner = [t for t in self.totals if item.start <= t.start and t.end <= end]
        stated = inner[-1].stated if inner else None
        if stated is not None:  # a total always states its figure
            return _q(stated.base(), inner[-1].text)
        first = next((e for e in self.entries if item.start <= e[0] < end), None)
        return _q(first[1], first[2]) if first else None

    @staticmethod
    def _choose(candidates: list[list[Quantity]], stated: Quantity, text: str) -> list[Quantity]:
        """The first reading that agrees with the stated figure, else the closest one."""
        if not candidates:
            return []
        target = stated.base()
        tol = _tolerance(stated, text)
        diffs = [abs(sum((q.value for q in c), Decimal(0)) - target) for c in candidates]
        for c, d in zip(candidates, diffs):
            if d <= tol:
                return c
        return candidates[diffs.index(min(diffs))]

    def top_total(self) -> Decimal | None:
        """Without a stated total: the top-level items, else the terms, else the amounts."""
        top = [q for q in (self.item_amount(i, len(self.s)) for i in self.items if i.level == 0) if q is not None]
        for reading in (top, _quantities((t.value_base(), t.text) for t in self.terms),
                        _quantities((v, txt) for _, v, txt in self.entries)):
            if reading:
                return sum((q.value for q in reading), Decimal(0))
        return None


def _q(value: Decimal | None, text: str) -> Quantity | None:
    """An addend in base units (yuan for money)."""
    return None if value is None else Quantity(value, "元", text)


def _quantities(values: Iterable[tuple[Decimal | None, str]]) -> list[Quantity]:
    """``_q`` of each (value, text) that has a value."""
    return [Quantity(v, "元", text) for v, text in values if v is not None]


def _tolerance(stated: Quantity, text: str) -> Decimal:
    """Half a unit of the stated figure's last digit; 1% when it is marked as approximate (约)."""
    exp = stated.value.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    tol = Decimal(5) * Decimal(10) ** (-places - 1) * (stated.base() / stated.value if stated.value else 1)
    return max(tol, abs(stated.base()) / 100) if "约" in text or "≈" in text else tol


def read_totals(s: str, terms: list[Term], depth: list[int]):
    """The total terms of a text, the overall stated total and the computed total (yuan)."""
    reader = _Reader(s, terms, depth)
    reader.read()
    totals = reader.totals
    overall = [t for t in totals if "以上" in t.text or "总计" in t.text]
    stated_total = overall[-1] if overall else (totals[0] if len(totals) == 1 else None)
    if stated_total is not None:
        computed = stated_total.computed_base()
    else:
        computed = reader.top_total()
    return totals, stated_total, computed
