"""Budget and final-account statements: 三公经费 tables and 预算说明 / 决算说明 paragraphs.

Each figure is read with its year and phase (2023 预算, 2022 决算, 2023 执行) or what it compares
with (比上年, 比年初预算, 比2019年), into ``doc.extras['budget']`` as a ``DepartmentBudget`` whose
``stated_figures`` (and ``three_public_lines`` where a 三公 table gives them) hold them. The kind is
found from content: statement titles and figures with phases and comparisons; forms other readers
own (self-evaluations, target forms, a whole 部门预算) are left to them.
"""

from __future__ import annotations

import re

from jixiao.domain.budget import DepartmentBudget, TableSpan
from jixiao.domain.model import Document, DocumentKind, ParseWarning
from jixiao.domain.vocabulary import vocabulary
from jixiao.ingest.grid import Grid, Row

from . import department_budget
from .statement_clauses import State, sentences
from .statement_context import Headings, document_facts
from .statement_figures import Context, Found, read_paragraph
from .statement_lists import resolve_lists
from .statement_numbers import MONEY_UNITS, tokens
from .statement_tables import read_table
from .statement_text import MARK, Block, blocks_of, key_of
from .statement_words import comparisons, scan

KIND = DocumentKind.BUDGET_STATEMENT
_HEAD_ROWS, _HEAD_CHARS, _TITLE_ROWS, _TITLE_CHARS = 120, 8000, 6, 60
_INDICATOR_SECTIONS = ("indicator_columns", "level1", "level2")
_TABLE_NUMBER = re.compile(r"^表\d{1,2}$")
_OPENER_AT = 4  # a paragraph opening with 其中 / 包括 goes on with the subject before it


def detect(grid: Grid) -> float:
    """Confidence that the grid is a budget or final-account statement (三公经费, 预算/决算说明)."""
    key = key_of("\n".join(r.text() for r in grid.rows[:_HEAD_ROWS])[:_HEAD_CHARS])
    if _other_form(grid, key) or department_budget.detect(grid) >= 0.9:
        return 0.0  # self-evaluation and target forms, a whole 部门预算: other readers' documents
    titles = {h.key for h in scan(key, "statement_titles")}
    toks = tokens(key)
    money = sum(t.kind == "money" for t in toks)
    rates = sum(t.kind == "percent" for t in toks)
    compared = len(comparisons(key))
    three_public = len(scan(key, "three_public"))
    cells = sum(t.kind == "bare" for t in toks) if ("单位:" in key) else 0
    if titles and (money or cells >= 2):
        score = 0.6 + 0.15 * bool(compared or three_public >= 2) + 0.15 * bool(titles - {"budget_statement"}
                                                                                 or money >= 3)
    elif money >= 3 and compared >= 2:
        score = 0.6 + 0.1 * bool(rates)
    else:
        return 0.0
    if _numbered_budget_table(grid):
        score = min(score, 0.7)  # 表12 of a 部门预算: department_budget reads it
    return min(score, 0.9)


def _numbered_budget_table(grid: Grid) -> bool:
    """A numbered table of a published 部门预算 (sheet or title ``表12``) that its own reader claims."""
    numbered = bool(_TABLE_NUMBER.match(grid.sheet or "")) or any(
        _TABLE_NUMBER.match(r.key()) for r in grid.rows[:_TITLE_ROWS * 2])
    return numbered and department_budget.detect(grid) >= 0.5


def _other_form(grid: Grid, key: str) -> bool:
    """A self-evaluation or target form: indicator tables, a 自评 title, or a form title as the document's title."""
    voc = vocabulary()
    if len({m.label for m in voc.scan(key, _INDICATOR_SECTIONS) if "指标" in m.label}) >= 2:
        return True
    titles = voc.scan(key, ("form_titles",))
    if any(m.key.startswith(("selfeval", "evaluation")) for m in titles):
        return True
    first = [key_of(r.text()) for r in grid.rows[:_TITLE_ROWS] if r.text().strip()]
    return any(voc.scan(line, ("form_titles",)) and not MARK.match(line) and len(line) <= _TITLE_CHARS
               for line in first[:_TITLE_ROWS])


def read(grids: list[Grid], doc: Document) -> Document:
    """Every figure of the statement's paragraphs and tables into ``doc.extras['budget']``."""
    rows: list[Row] = [r for g in grids for r in g.rows]
    blocks = blocks_of(rows)
    facts = document_facts(blocks)
    budget = DepartmentBudget(department=facts.department, year=facts.year)
    doc.extras["budget"] = budget
    found = Found()
    _walk(blocks, facts, found, budget, doc)
    resolve_lists(found)
    budget.stated_figures = found.figures
    units = [MONEY_UNITS.get(f.measure_unit) for f in found.figures]
    budget.money_unit = facts.money_unit or _dominant([u for u in units if u])
    _finish(doc, budget, facts)
    return doc


def _walk(blocks: list[Block], facts, found: Found, budget: DepartmentBudget, doc: Document) -> None:
    headings = Headings(facts)
    state = State()
    for block in blocks:
        if block.kind == "heading":
            headings.enter(block.key)
            state = State()
            continue
        ctx = headings.context()
        if block.kind == "table":
            _table(block, ctx, headings, found, budget, doc)
            state = State()
            continue
        state = _carry(state, block)
        read_paragraph(sentences(block), ctx, state, found)


def _carry(prev: State, block: Block) -> State:
    """A new paragraph's state: fresh, but going on with a list the paragraph before opened (其中:)."""
    state = State()
    if prev.open_list is not None and (prev.opened_last or (prev.carried and MARK.match(block.key))):
        state.open_list, state.outer, state.subject, state.lists = prev.open_list, prev.outer, prev.subject, prev.lists
        state.named, state.main, state.prev_hard = prev.named, prev.main, False
        state.opened_last, state.carried = prev.opened_last, True
    elif prev.subject is not None and scan(block.key[:_OPENER_AT], "list_openers"):
        state.subject, state.main, state.named = prev.subject, prev.main, prev.named  # ``其中:`` on a line of its own
        state.subject_at = state.sentence_no  # the paragraph before named it
    return state


def _table(block: Block, ctx: Context, headings, found: Found, budget: DepartmentBudget, doc: Document) -> None:
    try:
        span = read_table(block, ctx, headings.title_near(block), found, budget)
    except Exception as exc:  # noqa: BLE001 - an unreadable table must not lose the paragraphs
        doc.warnings.append(ParseWarning(f"第{block.lines[0].ref.line}行起的表格未能读取（{exc.__class__.__name__}）",
                                         block.lines[0].ref))
        return
    if span is not None:
        budget.tables.append(span)


def _dominant(units: list[str]) -> str:
    return max(("wan_yuan", "yuan"), key=units.count) if units else "wan_yuan"


def _finish(doc: Document, budget: DepartmentBudget, facts) -> None:
    doc.title = facts.title
    doc.year = facts.year
    doc.department = facts.department
    doc.money_unit = budget.money_unit
    doc.extras["meta"] = {"tables": [{"table": t.table, "kind": t.kind, "title": t.title, "first_line": t.first_line,
                                      "last_line": t.last_line} for t in budget.tables],
                          "phase": facts.phase}
    if not budget.stated_figures:
        doc.warnings.insert(0, ParseWarning("没有读到任何预算或决算数字"))
        doc.extras.clear()


__all__ = ["KIND", "TableSpan", "detect", "read"]
