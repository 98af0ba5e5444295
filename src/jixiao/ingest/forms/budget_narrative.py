"""The narrative of a 部门预算 (第一部分 … 第八部分): who the department is and the figures it states.

Lines broken inside a sentence are joined into paragraphs (each figure keeps the line its number
is on). Headings give the part (第三部分) and, when a heading names a unit, the unit the following
figures are about. Counts under 机构编制 become staffing; every other figure a stated figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.domain.budget import DepartmentBudget, Staffing, StatedFigure
from jixiao.domain.source import SourceRef
from jixiao.domain.text import to_halfwidth
from jixiao.ingest.grid import Row

from .budget_cells import plain
from .budget_figures import Figure, figures_in_half, what_of
from .budget_names import UnitLinker, aliases_in, strip_list_mark
from .common import find_year

_PART = re.compile(r"第[一二三四五六七八九十]+部分")
_HEADING = re.compile(r"^(?:#+\s*|\*\*)*[一二三四五六七八九十]{1,3}[、.．]")
_LIST_ITEM = re.compile(r"^\d{1,2}[.．、]")
_END = re.compile(r"[。；;：:！？!?]\**$")
_END_MARKS = frozenset("。；;：:！？!?")
_LEAD_END = re.compile(r"[。，,：:]")
_TITLE = re.compile(r"(20\d{2})\s*年\s*(.+?)\s*部门预算")
_STAFFING = (
    ("实有在编", "staff"), ("行政编制", "administrative_posts"), ("事业编制", "institutional_posts"),
    ("离休", "veteran_retired"), ("退休", "retired"), ("雇员", "employees"), ("学生", "students"),
    ("在校生", "students"), ("非定编", "vehicles_other"), ("定编", "vehicles_quota"), ("车", "vehicles"),
)


@dataclass(slots=True)
class Paragraph:
    """Joined text of one or more lines, with where each line starts in it."""

    text: str
    starts: list[tuple[int, SourceRef]] = field(default_factory=list)
    heading: bool = False

    def ref_at(self, offset: int) -> SourceRef:
        """The source line of the character at ``offset``."""
        ref = self.starts[0][1]
        for start, r in self.starts:
            if start <= offset:
                ref = r
        return ref


def paragraphs(rows: list[Row]) -> list[Paragraph]:
    """Lines → paragraphs: a line that does not end a sentence continues on the next line."""
    out: list[Paragraph] = []
    for row in rows:
        text = " ".join(row.nonempty()).strip()
        if not text:
            continue
        heading = text.startswith("#") or bool(_PART.search(text) and len(text) < 40)
        last = out[-1] if out else None
        joins = (last is not None and not last.heading and not heading and not ends_sentence(last.text)
                 and not _LIST_ITEM.match(plain(text)) and not _HEADING.match(text))
        if joins and last is not None:
            last.starts.append((len(last.text), row.ref))
            last.text += text
        else:
            out.append(Paragraph(text, [(0, row.ref)], heading or bool(_HEADING.match(text) and len(text) < 40)))
    return out


def ends_sentence(text: str) -> bool:
    """``_END.search(text)``: a stop, then only ``*``, at the end; looked up at the end instead of
    scanning the whole paragraph (``$`` also matches before a final newline: those ask the regex)."""
    if text.endswith("\n"):
        return bool(_END.search(text))
    return text.rstrip("*")[-1:] in _END_MARKS


@dataclass(slots=True)
class _Place:
    part: str | None = None
    heading: str = ""
    unit: str | None = None


def read_narrative(rows: list[Row], budget: DepartmentBudget, units: list[str]) -> None:
    """Department, year, functions, goals, staffing and stated figures from the narrative rows."""
    paras = paragraphs(rows)
    title_facts(paras, budget)
    aliases: dict[str, str] = {}
    for p in paras:
        aliases.update(aliases_in(p.text))
    budget.aliases = aliases
    linker = UnitLinker(units, budget.department, aliases)
    place = _Place()
    for p in paras:
        if p.heading:
            _enter(p, place, linker)
            continue
        _texts(p, place, budget)
        if "编制" in place.heading:
            _staffing(p, linker, budget)
        else:
            _figures(p, place, budget)


def title_facts(paras: list[Paragraph], budget: DepartmentBudget) -> None:
    """Year and department from a ``2020年…部门预算`` title among the first paragraphs."""
    for p in paras[:5]:
        m = _TITLE.search(plain(p.text))
        if m:
            budget.year = budget.year or int(m.group(1))
            budget.department = budget.department or m.group(2)
            return
    budget.year = budget.year or (find_year(paras[0].text) if paras else None)


def _enter(p: Paragraph, place: _Place, linker: UnitLinker) -> None:
    text = plain(p.text)
    m = _PART.search(text)
    if m:
        place.part, place.heading, place.unit = m.group(0), text, None
        return
    place.heading = text
    place.unit = linker.link(strip_list_mark(text.lstrip("#"))) if _HEADING.match(text) else None


def _texts(p: Paragraph, place: _Place, budget: DepartmentBudget) -> None:
    if "主要职能" in place.heading:
        budget.functions = (budget.functions + "\n" if budget.functions else "") + p.text
    elif "工作目标" in place.heading:
        budget.goals = (budget.goals + "\n" if budget.goals else "") + p.text


def _plain_of(text: str, half: str) -> str:
    """``plain(text)`` from its half-width form: without marks ``plain`` only half-widths and drops
    spaces, so a paragraph already half-width for its figures is not half-widthed again."""
    if "#" in text or "*" in text:
        return plain(text)
    return half.replace(" ", "")


def _staffing(p: Paragraph, linker: UnitLinker, budget: DepartmentBudget) -> None:
    half = to_halfwidth(p.text)
    text = _plain_of(p.text, half)
    unit = None
    if _LIST_ITEM.match(text):
        at = min((text.find(w) for w, _ in _STAFFING[:3] if w in text), default=-1)
        unit = linker.link(text[:at]) if at > 0 else None
    for fig in figures_in_half(half):
        if fig.is_money or fig.measure_unit == "%":
            continue
        measure = next((m for w, m in _STAFFING if w in fig.label), None)
        if measure is None:
            continue
        # Staffing's fields in order (tests pin it): a call by keyword costs twice as much
        budget.staffing.append(Staffing(unit, measure, int(fig.value), fig.label, p.text, p.ref_at(fig.start)))


def _figures(p: Paragraph, place: _Place, budget: DepartmentBudget) -> None:
    half = to_halfwidth(p.text)
    figs = figures_in_half(half)
    if not figs:
        return
    key = _plain_of(p.text, half)
    end = _LEAD_END.search(key)
    lead = key[:end.start()] if end else key  # the words before the first comma or stop
    text, unit, part = p.text, place.unit, place.part
    for i, fig in enumerate(figs):
        # StatedFigure's fields in order (tests pin it): a call by keyword costs twice as much
        budget.stated_figures.append(StatedFigure(
            _what(fig, i, key, place, lead), fig.label, fig.value, fig.measure_unit, fig.yuan, unit, part, text,
            p.ref_at(fig.start)))


def _what(fig: Figure, i: int, key: str, place: _Place, lead: str) -> str:
    """What a figure states; ``key`` is its paragraph's text as ``plain`` gives it."""
    if place.unit and i == 0 and fig.is_money and _LIST_ITEM.match(key):
        return "project"
    what = what_of(fig, lead)
    if what == "unit_budget" and not place.unit:
        return "budget"
    return what
