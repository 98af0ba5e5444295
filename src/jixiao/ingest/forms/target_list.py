"""项目支出绩效目标表（含转移支付项目）: one row per project, all indicators in one free-text cell.

The indicator cell reads ``1、产出指标：名称，年度指标值：≥90%。2、…``. One number may hold several
indicators (``名称，年度指标值：180家；名称，年度指标值：80家``), numbers may be skipped, and an item
may lack ``年度指标值`` (``产出指标：仲裁满意度：邮寄案件95%``). Every indicator found becomes a
structured indicator; what cannot be read is kept on the project and reported, never dropped.
"""

from __future__ import annotations

import re

from jixiao.domain.levels import level1_code
from jixiao.domain.model import Document, DocumentKind, Indicator, ParseWarning, Project
from jixiao.domain.targets import parse_target
from jixiao.domain.text import compact
from jixiao.ingest.grid import Grid, Row

KIND = DocumentKind.TARGET_LIST
TITLE = "项目支出绩效目标表（指标写在一格）"  # how explain names this reader where two read the same kind
_TITLE = "项目支出绩效目标表"
_HEADERS = {"主管部门": "department", "预算单位": "unit", "项目名称": "name", "绩效目标": "goal",
            "绩效指标": "indicators"}
# An item number starts the cell or a sentence, or (full stop missing) directly precedes a level label.
# Its first character (space or digit) is matched before the lookbehinds that check it and what
# precedes it: a pattern that starts with a character class lets the scan skip other characters.
_ITEM = re.compile(r"[\s\d](?:(?<![^。；;\s][\s\d])(?:(?<=\s)\s*\d{1,2}|(?<=\d)\d?)\s*[、.．](?!\d)"
                   r"|(?<=\d)\d?\s*[、.．](?=\s*(?:产出|效益|效果|满意度|成本)(?:指标|目标)?\s*[:：]))")
_LEVEL = re.compile(r"^\s*(产出|效益|效果|满意度|成本)(指标|目标)?\s*[:：]")
_VALUE_LABEL = re.compile(r"年度指标值\s*[:：]")
_CODE_NAME = re.compile(r"^(\d{10,})\s*[-－—]\s*(.+)$")
_FORMULA = re.compile(r"[=/×*÷]")
_DEPARTMENT_MARK = re.compile(r"[(（]部门[)）]$")
_COLON = re.compile(r"[:：]")


def detect(grid: Grid) -> float:
    """Confidence that the grid is a 项目支出绩效目标表 with free-text indicator cells."""
    head = grid.head_key(20, 4000)
    score = 0.0
    if _TITLE in head:  # every province's title; the free-text indicator cells are this form's mark
        score += 0.35
    if "绩效指标" in head and "项目名称" in head:
        score += 0.2
    if "年度指标值" in head:
        score += 0.3
    if "申报表" in head or "自评" in head:
        score -= 0.5
    return max(score, 0.0)


def read(grids: list[Grid], doc: Document) -> Document:
    """Read every project row of every grid into ``doc.projects``."""
    for grid in grids:
        _read_grid(grid, doc)
    if not doc.projects:
        doc.warnings.append(ParseWarning("表格中没有找到任何项目行"))
    else:
        doc.department = doc.department or doc.projects[0].department
    return doc


def _columns(row: Row) -> dict[str, int] | None:
    cols = {_HEADERS[k]: i for i, c in enumerate(row.cells) if len(c) < 12 and (k := compact(c)) in _HEADERS}
    return cols if {"name", "indicators"} <= cols.keys() else None


def _read_grid(grid: Grid, doc: Document) -> None:
    cols: dict[str, int] | None = None
    for row in grid.rows:
        cells = row.nonempty()
        if not cells:
            continue
        if len(cells) == 1 and len(cells[0]) < 60 and _TITLE in compact(cells[0]):
            doc.title = doc.title or cells[0].strip()
            continue
        header = _columns(row)
        if header is not None:
            cols = header  # every page repeats the header
            continue
        if cols is None:
            continue
        project = read_project(row, cols, doc)
        if project is not None:
            doc.projects.append(project)


def read_project(row: Row, cols: dict[str, int], doc: Document) -> Project | None:
    """One table row → a Project with its goal and the indicators of its free-text cell."""
    def cell(key: str) -> str:
        return row.cell(cols[key]).strip() if key in cols else ""

    name = cell("name")
    if not name:
        doc.warnings.append(ParseWarning("项目行缺少项目名称", row.ref,
                                         "\t".join(row.cells)[:200]))
        return None
    code = None
    m = _CODE_NAME.match(name)
    if m:
        code, name = m.group(1), m.group(2).strip()
    department = _DEPARTMENT_MARK.sub("", cell("department")) or None
    project = Project(name=name, unit=cell("unit") or None, department=department, code=code,
                      goal=cell("goal") or None, source=row.ref)
    ref = row.ref_of(cols["indicators"])
    indicators, unparsed, notes = parse_indicator_text(cell("indicators"))
    for ind in indicators:
        ind.source = ref
    project.indicators = indicators
    for text in unparsed:
        doc.warnings.append(ParseWarning(f"项目“{name}”的绩效指标有一段未能读出，已原样保留",
                                         ref, text))
    for text in notes:
        doc.warnings.append(ParseWarning(f"项目“{name}”的指标缺少“年度指标值”，按“名称：指标值”读取",
                                         ref, text))
    if unparsed:
        project.details["unparsed_indicators"] = unparsed
    if not indicators and not unparsed:
        doc.warnings.append(ParseWarning(f"项目“{name}”没有绩效指标", ref))
    return project


def split_items(text: str) -> list[str]:
    """The numbered items of an indicator cell (``1、…。2、…``), numbers removed."""
    starts = [m for m in _ITEM.finditer(text)]
    if not starts:
        return [text.strip()] if text.strip() else []
    items = []
    if text[:starts[0].start()].strip():
        items.append(text[:starts[0].start()].strip())
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        items.append(text[m.end():end].strip())
    return [i for i in items if i]


# The level-1 code of each word _LEVEL reads, worked out once.
_LEVEL1_OF = {word: level1_code(word) for word in ("产出", "效益", "效果", "满意度", "成本")}


def parse_indicator_text(text: str) -> tuple[list[Indicator], list[str], list[str]]:
    """(indicators, unparsed pieces, pieces read without 年度指标值) of one indicator cell."""
    indicators: list[Indicator] = []
    unparsed: list[str] = []
    loose: list[str] = []
    for item in split_items(text or ""):
        m = _LEVEL.match(item)
        if m is not None:
            word, suffix = m.group(1, 2)
            level1, level1_text = _LEVEL1_OF[word], word + suffix if suffix else word
            body = item[m.end():]
        else:
            level1 = level1_text = None  # (LEVEL1_NAMES of no level is None too)
            body = item
        pairs = _pairs(body)
        if not pairs:
            pair = _colon_pair(body)
            if pair is None or level1 is None:
                unparsed.append(item)
                continue
            loose.append(item)
            pairs = [pair]
        for name, value in pairs:
            name, note = _name_and_note(name)
            # By position (a keyword call costs about twice as much); the order is pinned by a test:
            # level1, level2, name, target, actual, note, weight, score, deviation_reason, required,
            # source_of_value, level1_text, level2_text, source.
            indicators.append(Indicator(level1, None, name, parse_target(value), None, note, None, None, None,
                                        False, None, level1_text, None, None))
    return indicators, unparsed, loose


def _pairs(body: str) -> list[tuple[str, str]]:
    """``名称，年度指标值：值；名称，年度指标值：值`` → [(名称, 值), …]."""
    parts = _VALUE_LABEL.split(body)
    if len(parts) < 3:  # most items: one name, one value (or no 年度指标值 at all)
        return [(_tidy(parts[0]), _tidy(parts[1]))] if len(parts) == 2 else []
    out = []
    name = parts[0]
    for k, part in enumerate(parts[1:], start=1):
        if k < len(parts) - 1:
            cut = max(part.rfind("；"), part.rfind(";"), part.rfind("。"))
            value, following = (part[:cut], part[cut + 1:]) if cut >= 0 else (part, "")
        else:
            value, following = part, ""
        out.append((_tidy(name), _tidy(value)))
        name = following
    return out


def _colon_pair(body: str) -> tuple[str, str] | None:
    """``仲裁满意度：邮寄案件95%`` → (仲裁满意度, 邮寄案件95%) when no 年度指标值 is written."""
    parts = _COLON.split(body, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return None
    return _tidy(parts[0]), _tidy(parts[1])


def _name_and_note(name: str) -> tuple[str, str | None]:
    """A formula after the name (``满意程度，企业满意度=平均分/总分*100%``) is its note."""
    head, sep, tail = name.partition("，")
    if sep and _FORMULA.search(tail):
        return head.strip(), tail.strip()
    return name, None


def _tidy(text: str) -> str:
    return text.strip().strip("，,。；;").strip()
