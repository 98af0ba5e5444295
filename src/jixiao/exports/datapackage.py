"""Open data out: a Fiscal Data Package of the budget lines, with projects, indicators, findings and
scores beside it, every field named and typed in ``datapackage.json``.

Researchers and auditors want the store as files any tool reads: CSV (UTF-8) and a descriptor in the
Frictionless Data standard, so ``frictionless validate`` checks them and a Fiscal Data Package
reader knows which column is money (``model.measures``: currency CNY, direction 支出/收入, phase
预算/决算) and which are its dimensions (科目, 单位, 年度). Field names are English and stable; each has
a Chinese title and a description. Money is in 元 with two decimals; every row keeps its source file
and line (or sheet and cell, or page).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao.services import queries
from jixiao.storage.budget_models import BudgetLineRow, IncomeLineRow
from jixiao.storage.finding_models import FindingRow
from jixiao.storage.score_models import ProjectScoreRow

PHASES = {"department_budget": "预算", "budget_statement": "预算", "final_accounts": "决算"}
FDP_PHASE = {"预算": "approved", "决算": "executed"}


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    title: str
    description: str
    value: Callable


def _money(v) -> str | None:
    return None if v is None else f"{Decimal(v):.2f}"


def _source(row, docs) -> str:
    doc = docs.get(row.document_id)
    where = [doc.file if doc else ""]
    if getattr(row, "src_sheet", None):
        where.append(f"{row.src_sheet}!{row.src_cell or ''}")
    elif getattr(row, "src_page", None):
        where.append(f"第{row.src_page}页")
    if getattr(row, "src_line", None):
        where.append(f"第{row.src_line}行")
    return " ".join(w for w in where if w)


def _phase(row, docs) -> str | None:
    doc = docs.get(row.document_id)
    return row.phase or (PHASES.get(doc.kind) if doc else None)


SOURCE = ("source", "string", "来源", "文件名及行号、工作表单元格或页码")


def _fields(docs) -> dict[str, list[Field]]:
    src = Field(*SOURCE, lambda r: _source(r, docs))
    doc_file = Field("document", "string", "文件", "读入的文件名", lambda r: docs[r.document_id].file)
    return {
        "budget_lines": [
            Field("id", "integer", "编号", "行编号", lambda r: r.id), doc_file,
            Field("year", "integer", "年度", "金额所属年度", lambda r: r.year or docs[r.document_id].year),
            Field("phase", "string", "阶段", "预算或决算", lambda r: _phase(r, docs)),
            Field("table", "string", "表", "表号或表名", lambda r: r.table_title or r.table_name),
            Field("unit", "string", "单位", "预算单位", lambda r: r.unit),
            Field("function_code", "string", "功能分类科目编码", "类/款/项编码", lambda r: r.function_code),
            Field("function_name", "string", "功能分类科目", "科目名称", lambda r: r.function_name or r.label),
            Field("function_level", "string", "科目级次", "class 类、item 款、subitem 项", lambda r: r.function_level),
            Field("column", "string", "栏目", "表中的栏名", lambda r: r.column_name),
            Field("amount", "number", "金额（元）", "以元计，两位小数", lambda r: _money(r.amount)), src],
        "income_lines": [
            Field("id", "integer", "编号", "行编号", lambda r: r.id), doc_file,
            Field("year", "integer", "年度", "金额所属年度", lambda r: docs[r.document_id].year),
            Field("phase", "string", "阶段", "预算或决算", lambda r: PHASES.get(docs[r.document_id].kind)),
            Field("table", "string", "表", "表号", lambda r: r.table_name),
            Field("label", "string", "收入项目", "收入的来源", lambda r: r.label),
            Field("amount", "number", "金额（元）", "以元计，两位小数", lambda r: _money(r.amount)), src],
        "projects": [
            Field("id", "integer", "编号", "项目编号", lambda r: r.id), doc_file,
            Field("year", "integer", "年度", "项目年度", lambda r: r.year),
            Field("department", "string", "主管部门", "主管部门", lambda r: r.department),
            Field("unit", "string", "实施单位", "实施单位", lambda r: r.unit),
            Field("name", "string", "项目名称", "项目名称", lambda r: r.name),
            Field("budget", "number", "全年预算数（元）", "以元计", lambda r: _money(r.budget_total)),
            Field("actual", "number", "全年执行数（元）", "以元计", lambda r: _money(r.actual_total)),
            Field("execution_rate", "number", "执行率（%）", "表中所述的执行率", lambda r: _money(r.execution_rate)),
            Field("goal", "string", "年度目标", "年度总体目标", lambda r: r.goal), src],
        "indicators": [
            Field("id", "integer", "编号", "指标编号", lambda r: r.id),
            Field("project_id", "integer", "项目编号", "所属项目（projects.id）", lambda r: r.project_id),
            Field("level1", "string", "一级指标", "如 产出指标", lambda r: r.level1_text or r.level1),
            Field("level2", "string", "二级指标", "如 数量指标", lambda r: r.level2_text or r.level2),
            Field("name", "string", "三级指标", "指标名称", lambda r: r.name),
            Field("target", "string", "指标值", "年度指标值，原文", lambda r: r.target_text),
            Field("actual", "string", "实际完成值", "原文", lambda r: r.actual_text),
            Field("weight", "number", "分值", "指标分值", lambda r: _money(r.weight)),
            Field("score", "number", "得分", "表中所述得分", lambda r: _money(r.score))],
        "findings": [
            Field("id", "integer", "编号", "问题编号", lambda r: r.id),
            Field("code", "string", "规则", "检查规则的编号", lambda r: r.code),
            Field("severity", "string", "级别", "错误、警告或提示", lambda r: {"error": "错误", "warning": "警告"}.get(
                r.severity, "提示")),
            Field("document", "string", "文件", "问题所在的文件", lambda r: r.document),
            Field("project", "string", "项目", "问题所在的项目", lambda r: r.project),
            Field("message", "string", "说明", "问题的说明", lambda r: r.message)],
        "scores": [
            Field("project_id", "integer", "项目编号", "所属项目（projects.id）", lambda r: r.project_id),
            Field("unit", "string", "单位", "实施单位", lambda r: r.unit),
            Field("project", "string", "项目名称", "项目名称", lambda r: r.project_name),
            Field("execution_score", "number", "预算执行得分", "按评分办法重算", lambda r: _money(r.execution_score)),
            Field("total", "number", "总分", "按评分办法重算", lambda r: _money(r.total)),
            Field("grade", "string", "等级", "优、良、中、差", lambda r: r.grade),
            Field("explanation", "string", "评分说明", "总分的算法", lambda r: r.total_explanation)],
    }


_TITLES = {"budget_lines": "部门预算、决算支出（按功能分类科目）", "income_lines": "部门预算、决算收入",
           "projects": "项目", "indicators": "绩效指标", "findings": "检查发现的问题", "scores": "评分结果"}


def _rows(session: Session, name: str) -> Iterable:
    if name == "budget_lines":
        return session.scalars(select(BudgetLineRow).order_by(BudgetLineRow.id))
    if name == "income_lines":
        return session.scalars(select(IncomeLineRow).order_by(IncomeLineRow.id))
    if name == "projects":
        return queries.list_projects(session)
    if name == "indicators":
        return (i for inds in queries.indicators_by_project(session).values() for i in inds)
    if name == "findings":
        return session.scalars(select(FindingRow).order_by(FindingRow.id))
    return session.scalars(select(ProjectScoreRow).order_by(ProjectScoreRow.project_id))


def _model(resource: str) -> dict:
    """The Fiscal Data Package model of a money table: its measure and its dimensions."""
    direction = "revenue" if resource == "income_lines" else "expenditure"
    dims = {"year": "year", "phase": "phase", "table": "table", "unit": "unit", "document": "document"}
    if resource == "budget_lines":
        dims |= {"function": "function_code", "column": "column"}
    return {"measures": {"amount": {"source": "amount", "currency": "CNY", "direction": direction, "factor": 1,
                                    "title": "金额（元）", "phase": {"source": "phase", "values": FDP_PHASE}}},
            "dimensions": {k: {"attributes": {k: {"source": v}}, "primaryKey": k} for k, v in dims.items()}}


def write(session: Session, out_dir: Path) -> dict[str, int]:
    """Every resource as CSV plus ``datapackage.json`` in ``out_dir``; {resource: rows}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = queries.documents(session)
    counts: dict[str, int] = {}
    resources = []
    for name, fields in _fields(docs).items():
        path = out_dir / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([f.name for f in fields])
            n = 0
            for row in _rows(session, name):
                w.writerow(["" if (v := f.value(row)) is None else v for f in fields])
                n += 1
        counts[name] = n
        resource = {
            "name": name, "path": path.name, "title": _TITLES[name], "profile": "tabular-data-resource",
            "format": "csv", "encoding": "utf-8", "mediatype": "text/csv",
            "schema": {"fields": [{"name": f.name, "type": f.type, "title": f.title, "description": f.description}
                                  for f in fields], "primaryKey": ["id"] if fields[0].name == "id" else []},
        }
        if name in ("budget_lines", "income_lines"):
            resource["model"] = _model(name)
        resources.append(resource)
    descriptor = {"name": "jixiao-open-data", "title": "预算绩效管理公开数据", "profile": "tabular-data-package",
                  "licenses": [{"name": "CC-BY-4.0", "title": "知识共享署名 4.0"}],
                  "description": "由 jixiao 从各地公开的预算、决算、绩效目标和绩效自评文件读出；金额以元计。",
                  "resources": resources}
    (out_dir / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return counts


__all__ = ["write"]
