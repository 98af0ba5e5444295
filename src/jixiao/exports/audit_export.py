"""A project's audit trail as CSV or xlsx: who, when, which step, comment, and before/after as JSON."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import Workbook

from jixiao.domain.lifecycle import ACTION_LABELS, STATE_LABELS

HEADINGS = ["序号", "时间 (UTC)", "用户", "操作", "操作代码", "原状态", "新状态", "版本", "说明",
            "修改前 (JSON)", "修改后 (JSON)"]
EXTRA_ACTIONS = {"create": "新建申报", "save_declaration": "保存申报", "save_self_evaluation": "保存自评",
                 "delete": "删除", "restore": "恢复"}


def action_label(action: str) -> str:
    """The Chinese name of an audit entry's action."""
    return EXTRA_ACTIONS.get(action) or ACTION_LABELS.get(action, action)  # type: ignore[call-overload]


def audit_rows(entries) -> list[list]:
    """Audit entries (``AuditRow``) as table rows in HEADINGS order."""
    def js(value) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    return [[n, a.at.strftime("%Y-%m-%d %H:%M:%S"), a.actor, action_label(a.action), a.action,
             STATE_LABELS.get(a.from_state, a.from_state or ""), STATE_LABELS.get(a.to_state, a.to_state or ""),
             a.version, a.comment or "", js(a.before), js(a.after)] for n, a in enumerate(entries, 1)]


def audit_csv(entries) -> bytes:
    """CSV in UTF-8 with a BOM so that Excel shows the Chinese text."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADINGS)
    writer.writerows(audit_rows(entries))
    return buf.getvalue().encode("utf-8-sig")


def audit_xlsx(entries, title: str) -> bytes:
    """One sheet with the trail; the title row names the project."""
    wb = Workbook()
    ws = wb.active
    ws.title = "审计记录"
    ws.append([title])
    ws.append(HEADINGS)
    for row in audit_rows(entries):
        ws.append(row)
    for col, width in zip("ABCDEFGHIJK", (6, 20, 12, 14, 18, 10, 10, 6, 30, 50, 50)):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
