"""A list of projects whose table lost its cell borders: each row's cells run together on a line.

A web page that prints a table without separators keeps one row per line: ``505006  学生伙食费30.00``
and then ``成本指标经济成本指标学生补助标准17元/人.每天反映…得10分,每少1元扣1分-定量``. The header names
the columns over one or two lines, cut at the labels it holds (``单位代码单位(专项)名称资金总额…`` /
``一级指标二级指标三级指标指标值…``). A line of words that closes with an amount is a project (or the
total of its unit, which no indicator follows); the lines after it are its indicators, laid out over
the header's indicator columns by what each piece looks like (``indicator_body``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.domain.model import Document, Money, ParseWarning, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses

from . import indicator_table
from .indicator_body import is_level, read_body
from .target_rows import _role
from .tokens import Token
from .values import amount

_GLUED_LAYOUTS = frozenset({"cells", "space", "stream"})
_PROJECT_ROLES = frozenset({"project", "unit", "code", "amount", "goal"})
# code (optional), the project's words, its amount with its decimals: 505006州民族特殊教育学校30.00
_PROJECT_LINE = re.compile(r"^(?:([0-9]{3,})\s*)?([^0-9].*?)\s*([0-9][0-9,]*\.[0-9]{1,4})$")


@dataclass(slots=True)
class GluedHeader:
    """The project columns and the indicator columns in the order the header prints them."""

    project: list[str]
    indicator: list[str]
    end: int  # index of the first token after the header


def _lines(toks: list[Token], start: int, stop: int) -> list[tuple[int, int]]:
    """(first, end) token indices of each line between ``start`` and ``stop``."""
    out = []
    i = start
    while i < stop:
        j = i
        while j < stop and toks[j].row == toks[i].row:
            j += 1
        out.append((i, j))
        i = j
    return out


def find_header(toks: list[Token], start: int, stop: int) -> GluedHeader | None:
    """One or two consecutive lines of labels only, cut out of glued text, naming a project
    column and at least two indicator columns besides the indicator's name."""
    lines = [ln for ln in _lines(toks, start, stop) if toks[ln[0]].layout in _GLUED_LAYOUTS]
    def labelled(x: int, y: int) -> list[str | None] | None:
        roles = [_role(t) for t in toks[x:y] if t.text]
        return roles if roles and sum(r is not None for r in roles) * 10 >= len(roles) * 8 else None

    for n in range(len(lines)):
        for span in (lines[n:n + 1], lines[n:n + 2]):
            found = [labelled(x, y) for x, y in span]
            if any(r is None for r in found):
                continue
            known = [r for roles in found for r in roles if r]
            project = [r for r in known if r in _PROJECT_ROLES]
            indicator = [r for r in known if r not in _PROJECT_ROLES and r != "block"]
            if "project" in project and "name" in indicator and len(set(indicator) - {"name"}) >= 2:
                return GluedHeader(project, indicator, span[-1][1])
    return None


def _project_line(toks: list[Token], a: int, b: int) -> tuple[str | None, str, str] | None:
    """(code, name, amount) of a line that is a project's row, else None."""
    if is_level(toks[a]):
        return None
    text = "".join(t.text for t in toks[a:b] if t.text)
    m = _PROJECT_LINE.match(text.strip())
    if m is None or len(m.group(2).strip()) < 2:
        return None
    return m.group(1), m.group(2).strip(), m.group(3)


def read(toks: list[Token], header: GluedHeader, stop: int, doc: Document, unit: str) -> list[Project]:
    """The projects of the list, each with the indicators of the lines under it; a project row
    that no indicator follows (its unit's total) is kept only when nothing else is found."""
    groups: list[tuple[Project, list[Token]]] = []
    for a, b in _lines(toks, header.end, stop):
        if toks[a].is_label("closing") or toks[a].layout not in _GLUED_LAYOUTS:
            break
        row = _project_line(toks, a, b)
        if row is not None:
            groups.append((_project(row, toks[a], doc, unit), []))
        elif groups:
            groups[-1][1].extend(toks[a:b])
    roles = [r for r in header.indicator if r not in ("level1", "level2")]
    out = []
    for project, body in groups:
        rows = read_body(_rejoined(body), roles, glued=True)
        project.indicators = indicator_table.build([r for r in rows if r.values.get("name")])
        if project.indicators:
            out.append(project)
    if not out and groups:
        doc.warnings.append(ParseWarning("目标表中的项目均没有绩效指标", groups[0][0].source))
    return out or [p for p, _ in groups]


def _rejoined(body: list[Token]) -> list[Token]:
    """The line's words as one text again where the token stream cut them at words it took for
    labels, so that the line is cut once, by what its pieces look like; its categories stay apart."""
    out: list[Token] = []
    for t in body:
        if not t.text:
            continue
        last = out[-1] if out else None
        if last is not None and not is_level(t) and not is_level(last) and (last.row, last.col) == (t.row, t.col):
            text = last.text + t.text
            out[-1] = Token(text, last.key + t.key, last.row, last.col, last.ref, last.layout, {}, piece=last.piece)
        else:
            out.append(t)
    return out


def _project(row: tuple[str | None, str, str], first: Token, doc: Document, unit: str) -> Project:
    code, name, money = row
    project = Project(name=drop_glosses(name), unit=None, code=code, year=doc.year, money_unit=unit,
                      source=first.ref)
    value = amount(money)
    total = to_yuan(value[0], value[1] or unit) if value else None
    project.budget = Money(total, {}, first.ref)
    project.details["multi_year"] = str(total)
    return project


__all__ = ["GluedHeader", "find_header", "read"]
