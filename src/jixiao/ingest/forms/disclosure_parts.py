"""A printed 部门预算 / 部门决算 as a disclosure: cover, contents, parts with their pages, tables by
standard key, explanation paragraphs linked to the table and line they describe.

Parts are found from headings (the words are data, ``[parts]`` in ``domain/disclosure.toml``); a
page holding a titled table belongs to the tables part whatever heading came before. The contents
page is the one headed 目录 and the pages after it that hold only short heading lines. Within the
explanations, a heading that names a table (一般公共预算财政拨款支出决算情况说明) links the
paragraphs under it to that table; a paragraph whose figure the reader linked to a table line
describes that line.
"""

from __future__ import annotations

import re

from jixiao.domain.budget import DepartmentBudget
from jixiao.domain.disclosure import DisclosedTable, Disclosure, Paragraph, Part, rules_data
from jixiao.domain.text import normalise
from jixiao.ingest.grid import Grid, Row

from .budget_narrative import paragraphs
from .printed_tables import PrintedTable, is_amount, table_kind

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"20\d{2}")
_NAMED = re.compile(r"(?:主管部门|预算部门|部门名称|单位名称|编制部门)[:：]\s*(\S+)")
_NUMBERED = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、])")
_HEADING_END = ("说明", "情况", "概况", "解释", "职能", "设置", "构成", "表", "职责")
_HEADING_MAX = 40
_CONTENTS_LINE = 45
_CONTENTS_PAGES = 3
_EXPLAINED = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．])\s*")


def build(grids: list[Grid], tables: list[PrintedTable], budget: DepartmentBudget, phase: str,
          year: int | None) -> Disclosure | None:
    """The disclosure model of a printed budget or final account (None when it has no pages)."""
    rows = [r for g in grids for r in g.rows if r.ref is not None and r.ref.page is not None]
    if not rows:
        return None
    first = min(r.ref.page for r in rows)
    pages = max(r.ref.page for r in rows)
    in_table = _table_pages(tables)
    cover = [r for r in rows if r.ref.page == first]
    name, box = cover_name(cover)
    out = Disclosure(phase=phase, year=year, cover_name=name, cover_box=box, pages=pages)
    out.tables = [_table(t) for t in tables if t.kind != "target_forms"]
    contents = _contents_pages(rows, first)
    assigned = [(r, _fixed_part(r, first, contents, in_table)) for r in rows]
    _walk(assigned, out)
    _link(out, budget)
    return out


def cover_name(rows: list[Row]) -> tuple[str | None, tuple | None]:
    """The department named on the cover: after 主管部门：, else the cover's words before the year."""
    texts = [_SPACE.sub("", " ".join(r.nonempty())) for r in rows]
    for text, r in zip(texts, rows):
        m = _NAMED.search(text)
        if m:
            return m.group(1), r.ref.box
    joined = "".join(texts)
    m = _YEAR.search(joined)
    head = joined[:m.start()] if m else ""
    head = re.sub(r"(?:区级|市级|省级)?$", "", head)
    if len(head) < 4:
        return None, None
    return head, rows[0].ref.box


def _table_pages(tables: list[PrintedTable]) -> set[int]:
    pages: set[int] = set()
    for t in tables:
        for r in (*t.header, *t.body):
            if r.ref is not None and r.ref.page is not None:
                pages.add(r.ref.page)
        if t.title_ref is not None and t.title_ref.page is not None:
            pages.add(t.title_ref.page)
    return pages


def _contents_pages(rows: list[Row], cover: int) -> set[int]:
    """The 目录 page and the following pages of short lines only (a contents continued)."""
    by_page: dict[int, list[str]] = {}
    for r in rows:
        by_page.setdefault(r.ref.page, []).append(_SPACE.sub("", r.text()))
    start = next((p for p in sorted(by_page) if p > cover and any(t == "目录" for t in by_page[p])), None)
    if start is None:
        return set()
    out = {start}
    for p in range(start + 1, start + _CONTENTS_PAGES + 1):
        lines = [t for t in by_page.get(p, []) if t]
        if not lines or any(len(t) > _CONTENTS_LINE for t in lines) or not _looks_listed(lines):
            break
        out.add(p)
    return out


def _looks_listed(lines: list[str]) -> bool:
    """Lines of a contents: most numbered or naming a part, none a sentence."""
    numbered = sum(1 for t in lines if _NUMBERED.match(t) or _part_word(t))
    return numbered * 2 >= len(lines) and not any(t.endswith(("。", "；")) for t in lines)


def _fixed_part(row: Row, cover: int, contents: set[int], table_pages: set[int]) -> str | None:
    page = row.ref.page
    if page == cover:
        return "cover"
    if page in contents:
        return "contents"
    if page in table_pages:
        return "tables" if row.layout is None else "table_page"
    return None


def _part_word(text: str) -> str | None:
    """The part a heading opens, from its words (``[parts]``), or None."""
    for key, words in rules_data().get("parts", {}).items():
        if key == "contents":
            continue
        if any(w in text for w in words):
            return key
    return None


def is_heading(text: str) -> bool:
    """A short line that opens a part or section: numbered, or ending as headings end."""
    text = _SPACE.sub("", text)
    if not text or len(text) > _HEADING_MAX or text.endswith(("，", ",", "；", "、")):
        return False
    return bool(_NUMBERED.match(text)) or text.endswith(_HEADING_END)


def _walk(assigned: list[tuple[Row, str | None]], out: Disclosure) -> None:
    """Rows → parts (runs of pages) and paragraphs of prose, each with its part and section."""
    current, switched = "overview", None
    runs: list[list] = []  # [key, title, first_page, last_page]
    prose: list[tuple[Row, str]] = []
    for row, fixed in assigned:
        text = _SPACE.sub("", row.text())
        part = fixed
        if part is None or part == "table_page":
            word = _part_word(text) if is_heading(text) else None
            if word is not None and row.layout is not None:
                current, switched = word, row.ref.page
            if part == "table_page":  # prose on a table's page: the tables', unless a heading opened a part
                part = current if switched == row.ref.page else "tables"
            else:
                part = "tables" if table_kind(text) is not None and _title_only(text) else current
        if not runs or runs[-1][0] != part:
            runs.append([part, text[:_HEADING_MAX] if is_heading(text) else "", row.ref.page, row.ref.page])
        runs[-1][3] = row.ref.page
        if row.layout is not None:
            prose.append((row, part))
    out.parts = [Part(k, t, a, b) for k, t, a, b in runs]
    _paragraphs(prose, out)


def _title_only(text: str) -> bool:
    return len(text) <= _HEADING_MAX * 2 and not text.endswith("。")


def _paragraphs(prose: list[tuple[Row, str]], out: Disclosure) -> None:
    """Consecutive prose rows of one part joined into paragraphs, sections carried down."""
    section = table = None
    i = 0
    while i < len(prose):
        part = prose[i][1]
        j = i
        while j < len(prose) and prose[j][1] == part:
            j += 1
        for p in paragraphs([r for r, _ in prose[i:j]]):
            text = _SPACE.sub("", p.text)  # PDF lines space out numbers and words; the text is Chinese
            heading = p.heading or is_heading(text)
            if heading and part == "explanations":
                section, table = text, section_table(text) or (table if _sub_heading(text) else None)
            out.paragraphs.append(Paragraph(
                text, part, [(len(_SPACE.sub("", p.text[:o])), r.page, r.box) for o, r in p.starts], heading,
                section if part == "explanations" else None, table if part == "explanations" else None))
        i = j


def _sub_heading(text: str) -> bool:
    return _SPACE.sub("", text).startswith(("（", "("))


def section_table(heading: str) -> str | None:
    """The table a heading of the explanations is about (…决算情况说明 → …决算表), or None."""
    text = _EXPLAINED.sub("", normalise(heading))
    text = re.sub(r"(?:的)?(?:情况说明|说明|情况)$", "", text).replace("总体", "总")
    if not text:
        return None
    found = table_kind(text + "表")
    return found[0] if found else None


def _table(t: PrintedTable) -> DisclosedTable:
    pages = [r.ref.page for r in (*t.header, *t.body) if r.ref is not None and r.ref.page is not None]
    if t.title_ref is not None and t.title_ref.page is not None:
        pages.append(t.title_ref.page)
    amounts = sum(1 for r in t.body for c in r.nonempty() if is_amount(c))
    return DisclosedTable(t.kind, t.title, min(pages, default=None), max(pages, default=None), amounts,
                          t.empty_note, t.title_ref.box if t.title_ref is not None else None)


def _link(out: Disclosure, budget: DepartmentBudget) -> None:
    """Each explanation paragraph describes the table line its first linked figure describes."""
    by_place: dict[tuple, str] = {}
    for f in budget.stated_figures:
        if f.describes and f.source is not None and f.source.page is not None:
            by_place.setdefault((f.source.page, f.source.box), f.describes)
    for p in out.paragraphs:
        for _, page, box in p.lines:
            found = by_place.get((page, box))
            if found:
                p.line = found
                break


__all__ = ["build", "cover_name", "is_heading", "section_table"]
