"""A project's audit trail as CSV or xlsx: who, when, which step, comment, and before/after as JSON."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import Workbook

from .cells import csv_row, xlsx_row

from jixiao.domain.lifecycle import ACTION_LABELS, STATE_LABELS

HEADINGS = ["序号", "时间 (UTC)", "用户", "操作", "操作代码", "原状态", "新状态", "版本", "说明",
            "修改内容", "修改前 (JSON)", "修改后 (JSON)"]
FIELD_LABELS = {"year": "年度", "unit": "单位", "name": "项目名称", "department": "主管部门", "code": "项目编码",
                "kind": "类别", "money_unit": "金额单位", "facts": "项目信息", "money": "资金来源", "basis": "测算依据",
                "goal": "年度目标", "goal_long_term": "长期目标", "indicators": "绩效指标", "state": "状态",
                "deleted": "删除标记", "review": "审核结论", "monitoring": "监控表", "self_evaluation": "自评结果",
                "budget_adjusted": "全年预算数", "actual_total": "全年执行数", "goal_actual": "目标完成情况",
                "problems": "存在的问题", "rectification": "改进措施", "score_total": "总分", "grade": "等级"}
EXTRA_ACTIONS = {"create": "新建申报", "save_declaration": "保存申报", "save_self_evaluation": "保存自评",
                 "delete": "删除", "restore": "恢复"}


def action_label(action: str) -> str:
    """The Chinese name of an audit entry's action."""
    return EXTRA_ACTIONS.get(action) or ACTION_LABELS.get(action, action)  # type: ignore[call-overload]


def changed_fields(entry) -> str:
    """The fields an audit entry changed, by their Chinese names (``项目名称、绩效指标``)."""
    keys = list(entry.after or {}) or list(entry.before or {})
    return "、".join(FIELD_LABELS.get(k, k) for k in keys)


def audit_rows(entries) -> list[list]:
    """Audit entries (``AuditRow``) as table rows in HEADINGS order."""
    def js(value) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    return [[n, a.at.strftime("%Y-%m-%d %H:%M:%S"), a.actor, action_label(a.action), a.action,
             STATE_LABELS.get(a.from_state, a.from_state or ""), STATE_LABELS.get(a.to_state, a.to_state or ""),
             a.version, a.comment or "", changed_fields(a), js(a.before), js(a.after)]
            for n, a in enumerate(entries, 1)]


def audit_csv(entries) -> bytes:
    """CSV in UTF-8 with a BOM so that Excel shows the Chinese text."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADINGS)
    writer.writerows(csv_row(r) for r in audit_rows(entries))
    return buf.getvalue().encode("utf-8-sig")


def audit_xlsx(entries, title: str) -> bytes:
    """One sheet with the trail; the title row names the project."""
    wb = Workbook()
    ws = wb.active
    ws.title = "审计记录"
    ws.append(xlsx_row(ws, [title]))
    ws.append(HEADINGS)
    for row in audit_rows(entries):
        ws.append(xlsx_row(ws, row))
    for col, width in zip("ABCDEFGHIJKL", (6, 20, 12, 14, 18, 10, 10, 6, 30, 24, 50, 50)):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
