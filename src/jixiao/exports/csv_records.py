"""projects.csv, indicators.csv, findings.csv, scores.csv of the CSV export: headings and rows.

Each table is (Chinese headings, an iterator of rows); codes are shown by their Chinese names
(``domain.labels``), money in yuan with two decimals, rates and scores as printed.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from jixiao.domain.labels import finding_value, label, period_text, without_gloss
from jixiao.services import queries
from jixiao.services.checks import stored_findings
from jixiao.services.scoring import iter_stored_scores

_SOURCE = ["来源文件", "来源行", "来源工作表", "来源单元格"]


def _d(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def _source(row, file: str | None) -> list:
    return [file, row.src_line, row.src_sheet, row.src_cell]


PROJECT_HEADINGS = ["项目编号", "文档编号", "文件", "类别", "主管部门", "单位", "序号", "项目编码", "项目名称", "年度",
                    "原文金额单位", "预算数（元）", "年初预算数（元）", "实际支出（元）", "执行率（%）", "完成情况",
                    "完成情况原文", "年度目标", "长期目标", "项目类型", "实施期限", *_SOURCE]
INDICATOR_HEADINGS = ["指标编号", "项目编号", "项目名称", "单位", "序号", "一级指标", "二级指标", "三级指标",
                      "指标值", "方向", "目标数值", "目标单位", "实际完成值", "分值", "得分", "偏差原因", "备注",
                      "必填", "指标值来源", *_SOURCE]
FINDING_HEADINGS = ["规则", "规则名称", "级别", "说明", "文档", "文档编号", "项目编号", "项目", "应为", "实为", *_SOURCE]
SCORE_HEADINGS = ["项目编号", "文档编号", "单位", "项目", "执行率（%）", "执行率分值", "执行率得分", "执行率说明",
                  "指标得分", "总分", "等级", "总分说明", "需要复核的提示"]


def _projects(session: Session, files: dict):
    for p in queries.list_projects(session):
        details = p.details or {}
        yield [p.id, p.document_id, files.get(p.document_id), label("kind", p.kind), p.department, p.unit, p.seq,
               p.code, p.name, p.year, label("money_unit", p.money_unit), _d(p.budget_total),
               _d(p.budget_initial_total), _d(p.actual_total), _d(p.execution_rate), label("status", p.status),
               p.status_text, p.goal, p.goal_long_term, details.get("type"), period_text(details.get("period")),
               *_source(p, files.get(p.document_id))]


def _level(code: str | None, text: str | None, field: str) -> str | None:
    return text or label(field, code)


def _indicators(session: Session, files: dict):
    for p, inds in queries.iter_projects_with_indicators(session):
        for i in inds:
            yield [i.id, p.id, p.name, p.unit, p.seq, _level(i.level1, i.level1_text, "level1"),
                   _level(i.level2, i.level2_text, "level2"), i.name, i.target_text, label("op", i.target_op),
                   i.target_value, i.target_unit, i.actual_text, _d(i.weight), _d(i.score), i.deviation_reason,
                   i.note, label("required", i.required), i.source_of_value, *_source(i, files.get(p.document_id))]


def _findings(session: Session):
    from jixiao.checks.registry import all_rules

    names = {r.code: without_gloss(r.summary) for r in all_rules()}
    for f in stored_findings(session):
        yield [f.code, names.get(f.code, f.rule), label("severity", f.severity), without_gloss(f.message), f.document,
               f.document_id, f.project_id, f.project, finding_value(f.expected), finding_value(f.actual),
               f.src_file, f.src_line, f.src_sheet, f.src_cell]


def _scores(session: Session):
    for row, inds in iter_stored_scores(session):
        indicator_sum = sum((i.score for i in inds if i.score is not None), Decimal(0))
        flags = "；".join(f.get("message", "") for f in (row.flags or []) if isinstance(f, dict))
        yield [row.project_id, row.document_id, row.unit, row.project_name, _d(row.execution_rate),
               _d(row.execution_weight), _d(row.execution_score), row.execution_explanation, _d(indicator_sum),
               _d(row.total), row.grade, row.total_explanation, flags]


def tables(session: Session, docs: dict) -> dict[str, tuple[list[str], object]]:
    """name → (headings, rows) of the four record tables."""
    files = {i: d.file for i, d in docs.items()}
    return {"projects": (PROJECT_HEADINGS, _projects(session, files)),
            "indicators": (INDICATOR_HEADINGS, _indicators(session, files)),
            "findings": (FINDING_HEADINGS, _findings(session)),
            "scores": (SCORE_HEADINGS, _scores(session))}
