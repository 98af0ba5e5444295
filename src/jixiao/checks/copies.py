"""Two copies of one project compared cell by cell: which cells are cut short, which differ.

Texts are compared in :func:`jixiao.checks.texts.comparable` form, so width, spaces, punctuation and
traditional characters do not count as differences. A cell is cut short when its text is a proper
beginning of the other copy's text (PDF extraction and narrow cells cut long texts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.domain.model import Project
from jixiao.domain.source import SourceRef

from .matching import Match
from .texts import comparable

FIELDS = (("goal", "绩效目标"), ("status_text", "整体完成情况"), ("problems", "存在的问题"),
          ("rectification", "整改情况"))
MIN_CUT = 2  # characters missing before a text counts as cut short


@dataclass(frozen=True, slots=True)
class CutCell:
    """A cell of one copy that is only the beginning of the other copy's cell."""

    field: str
    short: str
    full: str
    source: SourceRef | None


@dataclass(slots=True)
class Comparison:
    """What differs between the two copies of a matched project."""

    match: Match
    cut_a: list[CutCell] = field(default_factory=list)
    cut_b: list[CutCell] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)


def is_cut(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` cut off (both in comparable form)."""
    return bool(short) and len(full) - len(short) >= MIN_CUT and full.startswith(short)


def _texts(p: Project) -> list[tuple[str, SourceRef | None]]:
    out = []
    for ind in p.indicators:
        out.append((ind.target.text, ind.source))
        if ind.actual is not None:
            out.append((ind.actual.text, ind.source))
    return [(t, s) for t, s in out if len(comparable(t)) >= 4]


def _cut_indicator_texts(x: Project, y: Project) -> list[CutCell]:
    """Indicator texts of ``x`` that are cut-off versions of texts of ``y`` (and nowhere whole in ``y``)."""
    full = [(comparable(t), t) for t, _ in _texts(y)]
    whole = {c for c, _ in full}
    out = []
    for text, source in _texts(x):
        c = comparable(text)
        if c in whole:
            continue
        longer = next((t for fc, t in full if is_cut(c, fc)), None)
        if longer is not None:
            out.append(CutCell("指标内容或完成情况", text, longer, source))
    return out


def compare(m: Match) -> Comparison:
    """Compare the copies' text cells: cut on either side, or worded differently."""
    out = Comparison(m)
    for attr, label in FIELDS:
        ta, tb = getattr(m.a, attr), getattr(m.b, attr)
        ca, cb = comparable(ta), comparable(tb)
        if not ca or not cb or ca == cb:
            continue
        if is_cut(ca, cb):
            out.cut_a.append(CutCell(label, ta, tb, m.a.source))
        elif is_cut(cb, ca):
            out.cut_b.append(CutCell(label, tb, ta, m.b.source))
        else:
            out.differing.append(label)
    out.cut_a += _cut_indicator_texts(m.a, m.b)
    out.cut_b += _cut_indicator_texts(m.b, m.a)
    return out


def shared_comparisons(ctx) -> list[Comparison]:
    """Comparisons of every matched pair, computed once per run."""
    from .matching import shared_matches

    return ctx.shared("comparisons", lambda: [compare(m) for m in shared_matches(ctx)])


MONEY_SIDES = (("budget", "预算"), ("actual", "实际支出"))


def money_differences(m: Match, ctx) -> list[tuple[str, object, object]]:
    """Amounts the two copies state differently beyond both documents' rounding."""
    from .amounts import HALF, document_step
    from .sums import PART_LABELS

    tolerance = (document_step(m.doc_a, ctx) + document_step(m.doc_b, ctx)) * HALF
    out = []
    for side, label in MONEY_SIDES:
        ma, mb = getattr(m.a, side), getattr(m.b, side)
        pairs = [("total", ma.total, mb.total)]
        pairs += [(k, v, mb.parts[k]) for k, v in ma.parts.items() if k in mb.parts and (v or mb.parts[k])]
        for key, va, vb in pairs:
            if va is not None and vb is not None and abs(va - vb) > tolerance:
                out.append((f"{label}{PART_LABELS.get(key, key)}", va, vb))
    return out
