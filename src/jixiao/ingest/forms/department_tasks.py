"""The 年度主要任务 of a department's whole-spending target form: what it will spend on, task by task.

The national 部门整体支出绩效目标申报表 lists, under its money, the year's main tasks: ``任务名称 |
主要内容 | 预算金额 …`` (基本支出:人员类…, 项目支出1:公共文化服务 …). Each task is a line of the
department's spending, so each becomes a project of the document with its content as its goal and
its amount where one is printed. The columns are found by their labels (vocabulary
``task_columns``); the task names are the short cells, each followed by its content; the list ends at
the form's next part (its indicator table, its goals) or where the text stops.
"""

from __future__ import annotations

from jixiao.domain.model import Document, Money, Project
from jixiao.domain.numbers import to_yuan
from jixiao.domain.text import drop_glosses
from jixiao.domain.vocabulary import vocabulary

from .tokens import Token
from .values import amount

_ENDS = ("indicator_columns", "level1", "level2", "form_titles", "goal_columns", "closing")
NAME_MAX = 40  # a task is named in a few words; its content is sentences


def _column(tok: Token) -> str | None:
    return vocabulary().key("task_columns", tok.text) if tok.text else None


def _header(toks: list[Token], start: int, stop: int) -> int | None:
    """Index after the header: a 任务名称 label with 主要内容 among the labels right after it."""
    for i in range(start, stop):
        if _column(toks[i]) == "name":
            j = i + 1
            while j < stop and (not toks[j].text or _column(toks[j])):
                j += 1
            if any(_column(t) == "content" for t in toks[i + 1:j]):
                return j
    return None


def _cells(toks: list[Token], start: int, stop: int) -> list[tuple[str, Token]]:
    """The cells between ``start`` and ``stop``: pieces of one cell (a label cut off it) joined."""
    out: list[tuple[str, Token]] = []
    for t in toks[start:stop]:
        if not t.text:
            continue
        if out and t.piece > 1 and (out[-1][1].row, out[-1][1].col) == (t.row, t.col):
            out[-1] = (out[-1][0] + t.text, out[-1][1])
        else:
            out.append((t.text, t))
    return out


def _end(toks: list[Token], start: int, stop: int) -> int:
    for i in range(start, stop):
        if toks[i].is_label(*_ENDS):
            return i
    return stop


def read(toks: list[Token], start: int, stop: int, doc: Document, unit: str, of: str | None) -> list[Project]:
    """The tasks of the form between ``start`` and ``stop``, as projects of ``of`` (the department)."""
    head = _header(toks, start, stop)
    if head is None:
        return []
    cells = _cells(toks, head, _end(toks, head, stop))
    out: list[Project] = []
    k = 0
    while k < len(cells):
        text, tok = cells[k]
        after = cells[k + 1][0] if k + 1 < len(cells) else ""
        if len(text) > NAME_MAX or text.endswith("。") or amount(text) is not None or not after:
            k += 1
            continue
        project = Project(name=drop_glosses(text), unit=of, year=doc.year, money_unit=unit, source=tok.ref)
        project.details["task"] = "年度主要任务"
        if amount(after) is None:
            project.goal = after
            k += 1
        money = amount(cells[k + 1][0]) if k + 1 < len(cells) else None
        if money is not None:
            project.budget = Money(to_yuan(money[0], money[1] or unit), {}, cells[k + 1][1].ref)
            k += 1
        out.append(project)
        k += 1
    return out


__all__ = ["read"]
