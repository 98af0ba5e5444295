"""Why a file read as it did: the grid as read, how sure each reader was, which field came from
which cell, and which fields a form of its kind has that were not found.

What a reviewer needs to see why a file read badly, and what a developer needs to add a label
variant to the vocabulary. Shown by ``jixiao ingest --explain FILE`` and on the web.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.domain.memo import new_document
from jixiao.domain.model import Document, Project
from jixiao.domain.numbers import from_yuan
from jixiao.domain.source import SourceRef

from .forms import READERS, UnknownForm, read_document
from .grid import Grid, SourceError
from .sources import read_grids

LAYOUTS = {"tab": "制表符分隔", "pipe": "竖线表格", "cells": "一格一行", "space": "空格分隔", "stream": "连排文字",
           "prose": "段落", None: "表格"}
# The fields a project of each kind should have, with the label a person reads.
EXPECTED = {
    "self_evaluation_form": [("name", "项目名称"), ("unit", "实施单位"), ("department", "主管部门"),
                             ("budget", "全年预算数"), ("actual", "全年执行数"), ("rate", "执行率"),
                             ("indicators", "绩效指标")],
    "target_declaration": [("name", "项目名称"), ("unit", "申报单位"), ("budget", "年度资金"),
                           ("goal", "年度目标"), ("indicators", "绩效指标")],
}


@dataclass(slots=True)
class FieldRead:
    """One field of one project: its label, the value read and where it came from."""

    project: str
    label: str
    value: str
    source: SourceRef | None


@dataclass(slots=True)
class Explanation:
    """Everything ``explain`` found out about one file."""

    file: str
    grids: list[Grid] = field(default_factory=list)
    scores: list[tuple[str, float]] = field(default_factory=list)  # reader kind → best confidence
    document: Document | None = None
    error: str | None = None
    fields: list[FieldRead] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (project, label)


def explain(data: bytes, name: str) -> Explanation:
    """Read ``data`` as ``jixiao ingest`` would and say how."""
    name = Path(name).name
    out = Explanation(name)
    try:
        new_document()
        out.grids = read_grids(data, name)
        out.scores = [(getattr(r, "TITLE", None) or str(r.KIND), max((r.detect(g) for g in out.grids), default=0.0)) for r in READERS]
        out.document = read_document(data, name)
    except (SourceError, UnknownForm) as exc:
        out.error = str(exc)
        return out
    for p in out.document.projects:
        out.fields.extend(project_fields(p))
        out.missing.extend((p.name, label) for key, label in EXPECTED.get(out.document.kind, [])
                           if not _has(p, key))
    return out


def project_fields(p: Project) -> list[FieldRead]:
    """The fields read of one project, each with its source."""
    sources = p.details.get("sources", {})

    def src(key: str) -> SourceRef | None:
        d = sources.get(key)
        return SourceRef(d["file"], d.get("line"), d.get("sheet"), d.get("cell"), d.get("page")) if d else None

    def money(m) -> str:
        value = from_yuan(m.total, p.money_unit) if m is not None else None
        return "" if value is None else f"{_plain(value)} {'万元' if p.money_unit == 'wan_yuan' else '元'}"

    rows = [FieldRead(p.name, "项目名称", p.name, p.source)]
    for key, label in (("department", "主管部门"), ("unit", "实施单位"), ("code", "项目编码")):
        if getattr(p, key):
            rows.append(FieldRead(p.name, label, getattr(p, key), src(key)))
    if p.budget_initial is not None:
        rows.append(FieldRead(p.name, "年初预算数", money(p.budget_initial), p.budget_initial.source))
    for label, m in (("全年预算数", p.budget), ("全年执行数", p.actual)):
        if m.total is not None:
            rows.append(FieldRead(p.name, label, money(m), m.source))
    if p.execution_rate is not None:
        rows.append(FieldRead(p.name, "执行率", f"{_plain(p.execution_rate)}%", src("rate")))
    for key, label in (("execution_weight", "预算执行分值"), ("execution_score", "预算执行得分"), ("total", "总分")):
        if key in p.stated_scores:
            rows.append(FieldRead(p.name, label, _plain(p.stated_scores[key]), src(key)))
    for i, ind in enumerate(p.indicators, start=1):
        parts = [ind.name, ind.target.text, ind.actual.text if ind.actual else "", _plain(ind.weight), _plain(ind.score)]
        rows.append(FieldRead(p.name, f"指标 {i}", " | ".join(x for x in parts if x), ind.source))
    return rows


def _has(p: Project, key: str) -> bool:
    if key == "indicators":
        return bool(p.indicators)
    if key in ("budget", "actual"):
        return getattr(p, key).total is not None
    if key == "rate":
        return p.execution_rate is not None
    return bool(getattr(p, key, None))


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


__all__ = ["EXPECTED", "LAYOUTS", "Explanation", "FieldRead", "explain", "project_fields"]
