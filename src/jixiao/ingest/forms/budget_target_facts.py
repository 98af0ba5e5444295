"""The fact block of a 表15 项目绩效目标表: units, name, check boxes, dates, amounts and texts.

The block is a sequence of ``label value`` cells whose value sits in the same cell (``实施单位：…``,
``采购品目 无``), in the next cell, or on the next row (a long 采购品目 list). The cells are read as
one stream of tokens, so a value is found wherever the page break or the extraction put it.
Project type and fund use are the labels whose check box is ticked (``☑`` or, when the cell still
holds its HTML, ``<input checked …>``); the box follows its label, or precedes it in some tables.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.memo import per_document
from jixiao.domain.model import Document, Money, MoneyUnit, ParseWarning, Project
from jixiao.domain.numbers import parse_decimal, to_yuan
from jixiao.domain.text import compact
from jixiao.ingest.grid import Row

from .target_declaration import unit_doubt, unit_from_label

LABELS = [
    ("实施单位", "unit"), ("主管单位", "department"), ("项目名称", "name"), ("项目类型", "type"),
    ("资金用途", "fund_use"), ("计划开始日期", "start"), ("计划完成日期", "end"),
    ("项目总金额", "multi_year"), ("本年度项目金额", "budget"), ("财政拨款资金", "fiscal"),
    ("其他资金", "non_fiscal"), ("固定资产采购金额", "procurement_amount"), ("采购品目", "procurement_items"),
    ("项目概况", "overview"), ("项目用途", "purpose"), ("项目总(中期)目标", "goal_long_term"),
    ("项目中期目标", "goal_long_term"), ("年度绩效目标", "goal"), ("资产采购计划", None),
]
_AMOUNTS = ("multi_year", "budget", "fiscal", "non_fiscal", "procurement_amount")
_BOX = re.compile(r"(<input\b[^>]*>?|[☑☐□■☒✓✔])")
_CHECKED = ("☑", "■", "☒", "✓", "✔")
# The unit each amount label states (元 unless it says 万元); labels are fixed words, so once.
_AMOUNT_UNITS = {word: unit_from_label(word, MoneyUnit.YUAN) for word, key in LABELS if key in _AMOUNTS}
_DATE = re.compile(r"(20\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})")


# The labels as one alternation in list order (the first label a cell starts with wins, as in a
# loop over LABELS), and their first characters to pass over value cells without normalising them.
_LABEL_RE = re.compile("|".join(f"({re.escape(word)})" for word, _ in LABELS))
_LABEL_FIRST = frozenset(word[0] for word, _ in LABELS)
_LABEL_CHARS = "".join(sorted(_LABEL_FIRST))  # for a non-empty cell's first character: no hashing


@per_document  # every 表15 repeats its label cells (项目名称, 实施单位 …): each is read once
def _label(cell: str) -> tuple[str, str | None, str] | None:
    """(label, field, the value written in the same cell) when the cell starts with a label."""
    if cell.lstrip(" \u3000")[:1] not in _LABEL_FIRST:
        return None
    head = compact(cell[:24])
    m = _LABEL_RE.match(head)
    if m is None or not m.lastindex:
        return None
    word, key = LABELS[m.lastindex - 1]
    return word, key, (head if len(cell) <= 24 else compact(cell))[len(word):].lstrip(":：")


def header_index(rows: list[Row]) -> int | None:
    """Row index of the indicator header (目标内容 | 二级指标 | 绩效指标 | 指标目标值 | 目标值来源)."""
    for k, row in enumerate(rows):
        text = row.text()
        if "值" not in text and "容" not in text:  # no cell can read 指标目标值 or 目标内容
            continue
        cells = [compact(c) for c in row.cells if len(c) < 12]
        if "指标目标值" in cells or ("目标内容" in cells and "绩效指标" in cells):
            return k
    return None


def read_facts(rows: list[Row]) -> dict[str, tuple[str, str, Row, int]]:
    """field → (label, value, row, column) from the rows above the indicator header.

    The non-empty cells are the tokens (Row cells are stripped already); a label's value is the
    text after it in its cell, else the next token unless that is a label too. One pass: a label
    waiting for its value is settled by the token after it.
    """
    facts: dict[str, tuple[str, str, Row, int]] = {}
    waiting: tuple[str, str] | None = None  # (label, field) of the token before, when it wants the next token as value
    for row in rows:
        for col, cell in enumerate(row.cells):
            if not cell:
                continue
            found = _label(cell) if cell[0] in _LABEL_CHARS else None
            if waiting is not None:
                if found is None and waiting[1] not in facts:
                    facts[waiting[1]] = (waiting[0], cell, row, col)
                waiting = None
            if found is None:
                continue
            word, key, inline = found
            if key is None:
                continue
            if not inline:
                waiting = word, key
            elif key not in facts:
                facts[key] = (word, inline, row, col)
    return facts


def ticked(text: str) -> list[str] | None:
    """The labels whose box is ticked; None when the text holds no check box at all."""
    parts = _BOX.split(text or "")
    boxes = [k for k in range(1, len(parts), 2)]
    if not boxes:
        return None
    before = not compact(parts[0])  # the box precedes its label (☑ 一般性项目支出 ☐ …)
    out = []
    for k in boxes:
        box = parts[k]
        if not (box in _CHECKED or ("checked" in box and box.startswith("<"))):
            continue
        label = compact(parts[k + 1] if before and k + 1 < len(parts) else parts[k - 1])
        if label:
            out.append(label)
    return out


def _iso(text: str | None) -> str | None:
    m = _DATE.search(text or "")
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _amounts(facts: dict, project: Project, doc: Document) -> dict:
    """Amounts in yuan (元 unless a label says 万元), warnings for cells that are no number."""
    out = {}
    for key in _AMOUNTS:
        if key not in facts:
            continue
        word, text, row, col = facts[key]
        value = parse_decimal(text)
        if value is None:
            doc.warnings.append(ParseWarning(f"“{project.name}”的“{word}”不是金额，应为数字",
                                             row.ref_of(col), text))
            continue
        unit = _AMOUNT_UNITS[word]
        out[key] = (to_yuan(value, unit), unit, text, row.ref_of(col))
    return out


def _choice(facts: dict, key: str, what: str, project: Project, doc: Document) -> None:
    if key not in facts:
        return
    word, text, row, col = facts[key]
    labels = ticked(text)
    if labels is None:
        doc.warnings.append(ParseWarning(f"“{project.name}”的{what}勾选框未能读出",
                                         row.ref_of(col), text))
    elif len(labels) != 1:
        doc.warnings.append(ParseWarning(f"“{project.name}”的{what}勾选了{len(labels)}项，应为1项",
                                         row.ref_of(col), text))
    if labels:
        project.details["type" if key == "type" else key] = labels[0] if len(labels) == 1 else labels


def read_project_facts(rows: list[Row], doc: Document) -> tuple[Project, int | None] | None:
    """A 表15 table's facts → (Project without indicators, index of its indicator header)."""
    header = header_index(rows)
    facts = read_facts(rows[:header] if header is not None else rows)
    name = facts.get("name", ("", "", None, 0))[1]
    if not name:
        doc.warnings.append(ParseWarning("表15缺少项目名称", rows[0].ref))
        return None
    anchor = facts["name"][2]
    get = {k: v[1] for k, v in facts.items()}
    project = Project(name=name, unit=get.get("unit"), department=get.get("department") or doc.department,
                      money_unit=MoneyUnit.YUAN, goal=get.get("goal"), goal_long_term=get.get("goal_long_term"),
                      source=anchor.ref)
    money = _amounts(facts, project, doc)
    if "budget" in money:
        parts = {k: money[k][0] for k in ("fiscal", "non_fiscal") if k in money}
        project.budget = Money(total=money["budget"][0], parts=parts, source=money["budget"][3])
        project.money_unit = money["budget"][1]
    d = project.details
    if "multi_year" in money:
        d["multi_year"] = format(money["multi_year"][0], "f")
    d["stated_amounts"] = {k: {"text": v[2], "unit": str(v[1])} for k, v in money.items()}
    _choice(facts, "type", "项目类型", project, doc)
    _choice(facts, "fund_use", "资金用途", project, doc)
    if get.get("start") or get.get("end"):
        d["period"] = {"start": _iso(get.get("start")), "end": _iso(get.get("end")),
                       "text": f"{get.get('start') or ''}—{get.get('end') or ''}"}
    if "procurement_amount" in money or get.get("procurement_items"):
        amount = money.get("procurement_amount")
        d["procurement"] = {"amount": format(amount[0], "f") if amount else None,
                            "items": get.get("procurement_items")}
    for key in ("overview", "purpose"):
        if get.get(key):
            d[key] = get[key]
    _check_against_unit_table(project, doc)
    return project, header


def _check_against_unit_table(project: Project, doc: Document) -> None:
    """表15 states 元 without a label: compare with the unit's 表14 task of the same name (万元)."""
    task = next((t for p in doc.projects if p.kind == "unit_overall" and p.unit == project.unit
                 for t in p.details.get("tasks", []) if compact(t["name"]) == compact(project.name)), None)
    if task is None or not task.get("total") or project.budget.total is None:
        return
    stated = project.details["stated_amounts"].get("budget", {}).get("text", "")
    doubt = unit_doubt("budget", project.budget.total, stated, project.money_unit, Decimal(task["total"]),
                       against="表14同名任务金额")
    if doubt:
        project.details["money_unit_doubt"] = doubt
        doc.warnings.append(ParseWarning(f"“{project.name}”金额单位存疑：{doubt['reason']}",
                                         project.budget.source, stated))
