"""A project's audit trail as CSV or xlsx: who, when (Beijing time), which step, comment, and what
changed before and after, in words (``audit_text``)."""

from __future__ import annotations

import csv
import io
from openpyxl import Workbook

from jixiao.domain.beijing import beijing_text
from jixiao.domain.lifecycle import ACTION_LABELS, STATE_LABELS

from .audit_text import KEY_LABELS as FIELD_LABELS
from .audit_text import readable
from .cells import csv_row, xlsx_row

HEADINGS = ["序号", "时间（北京时间）", "用户", "操作", "原状态", "新状态", "版本", "说明",
            "修改内容", "修改前", "修改后"]
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
    def text(value) -> str:
        return "" if value is None else readable(value)

    return [[n, beijing_text(a.at), a.actor, action_label(a.action),
             STATE_LABELS.get(a.from_state, a.from_state or ""), STATE_LABELS.get(a.to_state, a.to_state or ""),
             a.version, a.comment or "", changed_fields(a), text(a.before), text(a.after)]
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
    for col, width in zip("ABCDEFGHIJK", (6, 20, 12, 14, 10, 10, 6, 30, 24, 60, 60)):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
