"""The goal block and what follows the indicators: 总分 and its grade, 评价结论, 存在问题, 改进措施,
and a total score stated in words (``项目绩效自评得分为95分``, ``项目总得分99分``)."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.domain.model import Project

from .tokens import Token
from .values import number, shape, splits

_GRADE = re.compile(r"(?:等级|等次|结论|结果)(?:为|是)?[:：]?[“\"']?(优秀|优|良好|良|中|差)|^(优秀|优|良好|良|中|差)$"
                    r"|(优|良|中|差)\(√\)|(优|良|中|差)\s*[√✓☑]")
_PROSE_TOTAL = re.compile(r"(?:自评|评价)(?:总)?得分(?:为|是|:)?([0-9]+(?:\.[0-9]+)?)分|项目总得分(?:为|是|:)?([0-9]+(?:\.[0-9]+)?)分?"
                          r"|自评总分[:]?([0-9]+(?:\.[0-9]+)?)")
_CLOSING_TEXT = {"conclusion": "conclusion", "problems": "problems", "rectification": "rectification",
                 "remarks": "remarks"}


def goal(toks: list[Token], start: int, stop: int) -> tuple[str | None, str | None] | None:
    """(goal, what was achieved) from the goal block in ``toks[start:stop]``, or None."""
    heads: dict[str, Token] = {}
    i = start
    while i < stop:
        t = toks[i]
        key = t.label("goal_columns")
        if key in ("expected", "achieved") and key not in heads:
            heads[key] = t
        elif heads and t.text and not t.is_label():
            break
        i += 1
    if not heads:
        return None
    texts: list[Token] = []
    while i < stop and len(texts) < 2:
        t = toks[i]
        if t.is_label() and t.text:
            break
        if t.text and shape(t.text) == "words":
            texts.append(t)
        i += 1
    if not texts:
        return None
    achieved = heads.get("achieved")
    if len(texts) == 1 and achieved is not None and texts[0].layout in (None, "tab") \
            and texts[0].col >= achieved.col > heads.get("expected", achieved).col:
        return None, texts[0].text
    return texts[0].text, texts[1].text if len(texts) > 1 else None


def read(toks: list[Token], start: int, stop: int, project: Project) -> Token | None:
    """总分, grade and the closing texts from ``toks[start:stop]`` into the project; the 总分 label's
    token when a total was read."""
    i = start
    found = None
    while i < stop:
        t = toks[i]
        key = t.label("closing")
        if key == "total" and "total" not in project.stated_scores:
            i = _total(toks, i, stop, project)
            found = t if "total" in project.stated_scores else None
            continue
        if key in _CLOSING_TEXT:
            text, i = _text_after(toks, i, stop)
            _closing_text(project, key, text)
            continue
        if t.label("fields") == "name":
            break
        i += 1
    return found


def _total(toks: list[Token], i: int, stop: int, project: Project) -> int:
    label = toks[i]
    nums: list[Decimal] = []
    j = i + 1
    texts = [label.inline] if label.inline else []
    while j < stop and len(texts) < 4:
        t = toks[j]
        if t.is_label() or (t.row != label.row and t.layout in (None, "tab", "pipe", "space") and t.row_start):
            break
        if t.text:
            texts.append(t.text)
        j += 1
    for text in texts:
        grade = grade_of(text)
        if grade:
            project.details["grade"] = grade
            continue
        value = number(text)
        if value is not None and value > 100 and "." not in text and len(nums) < 2:
            nums.extend(_glued_total(text))
        elif value is not None:
            nums.append(value)
        elif re.match(r"^[0-9.]+$", text) is None:
            m = re.match(r"^([0-9]+(?:\.[0-9]+)?)", text)
            if m and len(nums) < 2:
                nums.extend(_glued_total(m.group(1)))
    weights = sum((x.weight for x in project.indicators if x.weight is not None), Decimal(0))
    if len(nums) >= 2:
        project.details["total_weight"] = format(nums[0], "f")
        project.stated_scores["total"] = nums[1]
    elif len(nums) == 1:
        if nums[0] == weights + project.stated_scores.get("execution_weight", Decimal(0)) and not any(
                x.score is not None for x in project.indicators):
            project.details["total_weight"] = format(nums[0], "f")
        else:
            project.stated_scores["total"] = nums[0]
    return j


def _glued_total(run: str) -> list[Decimal]:
    """``10098`` after 总分 → 100 and 98: the weights' total and a score not above it."""
    if number(run) is not None and Decimal(run) <= 100:
        return [Decimal(run)]
    fits = [p for p in splits(run, 2) if Decimal(p[0]) <= 100 and Decimal(p[1]) <= Decimal(p[0])]
    return [Decimal(fits[0][0]), Decimal(fits[0][1])] if len(fits) == 1 else []


def _text_after(toks: list[Token], i: int, stop: int) -> tuple[str | None, int]:
    label = toks[i]
    if label.inline:
        return label.inline, i + 1
    parts: list[str] = []
    j = i + 1
    while j < stop and len(parts) < 3:
        t = toks[j]
        if t.is_label("closing", "fields") and t.text:
            break
        if t.text:
            parts.append(t.text)
            if t.layout not in (None, "tab", "pipe", "space") or t.row != label.row:
                j += 1
                break
        j += 1
    return (" ".join(parts) or None), j


def _closing_text(project: Project, key: str, text: str | None) -> None:
    if key == "conclusion":
        project.details["conclusion"] = text
        grade = grade_of(text)
        if grade:
            project.details.setdefault("grade", grade)
        m = _PROSE_TOTAL.search(_key(text))
        if m:
            project.stated_scores["conclusion_total"] = Decimal(next(g for g in m.groups() if g))
    elif key == "problems":
        project.problems = text
    elif key == "remarks":
        if text:
            project.details["remarks"] = text
    else:
        project.rectification = text


def grade_of(text: str | None) -> str | None:
    """优 / 良 / 中 / 差 from ``优``, ``自评等级：良``, ``评价等次为“优”``, ``良(√)``."""
    m = _GRADE.search(_key(text))
    if not m:
        return None
    return next(g for g in m.groups() if g)[0]


def _key(text: str | None) -> str:
    from jixiao.domain.text import normalise

    return normalise(text or "")


def _points(text: str) -> Decimal | None:
    """``98``, ``98分`` or ``100分绩效目标…`` (words run on after the score) → the score."""
    m = re.match(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(分|$)", text or "")
    return Decimal(m.group(1)) if m else None


def prose_total(toks: list[Token], start: int, stop: int, project: Project) -> None:
    """A total stated in words or after a 自评得分 label, when no 总分 row gave one."""
    if "total" in project.stated_scores or "conclusion_total" in project.stated_scores:
        return  # a 评价结论 that states its score is kept as that
    for i in range(start, stop):
        t = toks[i]
        if t.label("fields") == "self_score":
            nxt = next((x for x in toks[i + 1:i + 3] if x.text), None)
            value = _points(t.inline) if t.inline else (_points(nxt.text) if nxt else None)
            if value is not None and value <= 100:
                project.stated_scores["total"] = value
                return
    for key in _cell_keys(toks[start:stop]):
        if "得分" in key or "总分" in key:
            m = _PROSE_TOTAL.search(key)
            if m:
                value = Decimal(next(g for g in m.groups() if g))
                if value <= 100:
                    project.stated_scores["total"] = value
                    return


def _cell_keys(toks: list[Token]) -> list[str]:
    """The normalised text of each cell, its pieces joined again (a sentence cut at a label)."""
    out: list[str] = []
    last = None
    for t in toks:
        if t.piece and (t.row, t.col) == last and out:
            out[-1] += t.key
        else:
            out.append(t.key)
        last = (t.row, t.col)
    return out


__all__ = ["goal", "grade_of", "prose_total", "read"]
