"""The Jinja2 environment of the pages, with the filters that print money, rates and labels."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fastapi.templating import Jinja2Templates

from jixiao.domain.beijing import beijing_text
from jixiao.domain.labels import finding_value, without_gloss
from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES
from jixiao.domain.model import FUND_SOURCES
from jixiao.services.ingest import KIND_LABELS

from .money_unit import current as money_choice
from .money_unit import money_unit_name, shown

TEMPLATES = Path(__file__).resolve().parent / "templates"

STATUS_LABELS = {"done": "完成", "mostly_done": "基本完成", "partly_done": "部分完成", "not_done": "未完成"}
PROJECT_KIND_LABELS = {"project": "项目", "unit_overall": "部门（单位）整体支出"}
FUND_LABELS = dict(zip(FUND_SOURCES, ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营预算",
                                      "财政专户", "非财政资金", "上年结转")))
MONEY_UNIT_LABELS = {"yuan": "元", "wan_yuan": "万元"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def money(value) -> str:
    """An amount (yuan) in the unit the user chose (万元 by default), with separators; blank when not stated."""
    return shown(value)


def pct(value) -> str:
    """A stated percentage as ``96.10%``; blank when not stated."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):.2f}%"


def _label(table: dict):
    return lambda code: table.get(code or "", code or "")


def source_label(src: dict | None) -> str:
    """``file:line`` or ``file!sheet!cell`` for a source object of the export shape."""
    if not src:
        return ""
    file = src.get("file") or ""
    if src.get("sheet"):
        return f"{file}!{src['sheet']}!{src.get('cell') or src.get('line')}"
    if src.get("page"):
        return f"{file} 第{src['page']}页"
    if src.get("cell"):
        return f"{file}!{src['cell']}"
    return f"{file}:{src.get('line')}"


templates = Jinja2Templates(directory=str(TEMPLATES))
_env = templates.env
_env.filters.update(
    money=money, pct=pct, source_label=source_label,
    kind_label=_label(KIND_LABELS), status_label=_label(STATUS_LABELS),
    project_kind_label=_label(PROJECT_KIND_LABELS), fund_label=_label(FUND_LABELS),
    level1_label=_label(LEVEL1_NAMES), level2_label=_label(LEVEL2_NAMES),
    money_unit_label=_label(MONEY_UNIT_LABELS), severity_label=_label(SEVERITY_LABELS),
    finding_value=finding_value, chinese=without_gloss, beijing=beijing_text,
)
_env.globals.update(money_unit_name=money_unit_name, money_choice=money_choice, KIND_LABELS=KIND_LABELS, PROJECT_KIND_LABELS=PROJECT_KIND_LABELS,
                    SEVERITY_LABELS=SEVERITY_LABELS, STATUS_LABELS=STATUS_LABELS)
