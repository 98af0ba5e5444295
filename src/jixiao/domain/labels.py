"""Chinese names of the codes the store keeps (``wan_yuan``, ``fiscal``, ``done`` …), for what people read.

The store and the JSON export keep the codes (they are the schema); every table a person reads — CSV
exports, CLI tables, web pages — shows these names instead. ``label(field, code)`` is the one lookup:
a field's own names first, then the vocabulary's first label for the code (fund sources, 三公经费
parts, statement subjects), then the code itself when it is already Chinese or a number; a code with
no name at all comes back as it is, so a test that reads the output finds it.
"""

from __future__ import annotations

import re

from .budget import LEVEL_LABELS, PHASE_LABELS
from .levels import LEVEL1_NAMES, LEVEL2_NAMES
from .vocabulary import vocabulary

MONEY_UNITS = {"yuan": "元", "wan_yuan": "万元"}
STATUSES = {"done": "完成", "mostly_done": "基本完成", "partly_done": "部分完成", "not_done": "未完成"}
YES_NO = {True: "是", False: "否", "True": "是", "False": "否"}

FUND_SOURCES = {
    "all": "合计", "fiscal": "财政拨款", "general_public": "一般公共预算", "government_fund": "政府性基金",
    "state_capital": "国有资本经营预算", "special_account": "财政专户管理资金", "non_fiscal": "非财政拨款资金",
    "carried_over": "上年结转", "higher_subsidy": "上级补助收入", "institution_fund": "事业单位经营收入",
    "operating_income": "经营收入", "other_income": "其他收入", "service_income": "事业收入",
    "subordinate_remittance": "附属单位上缴收入", "central": "中央财政资金", "provincial": "省级资金",
    "city": "市级资金", "county": "县级资金", "local": "地方财政资金", "other": "其他资金",
}
SPENDING_TYPES = {"total": "合计", "basic_spending": "基本支出", "project_spending": "项目支出"}
ROW_KINDS = {"line": "明细", "subtotal": "小计", "total": "合计", "grand_total": "总计"}
PROCUREMENT_MEASURES = {
    "amount": "金额", "planned": "政府采购预算", "prior_years": "以前年度政府采购", "small_micro": "面向小微企业",
    "sme": "面向中小企业", "current": "当年政府采购",
}
STAFFING_MEASURES = {
    "administrative_posts": "行政编制", "institutional_posts": "事业编制", "staff": "实有在编人数",
    "retired": "退休人员", "veteran_retired": "离休人员", "employees": "雇员", "students": "学生",
    "vehicles": "公务用车", "vehicles_quota": "定编车辆", "vehicles_other": "非定编车辆",
}
THREE_PUBLIC = {
    "total": "“三公”经费合计", "overseas_travel": "因公出国（境）费", "reception": "公务接待费",
    "official_cars": "公务用车购置及运行维护费", "car_purchase": "公务用车购置费", "car_operation": "公务用车运行维护费",
}
SUBJECTS = {
    **THREE_PUBLIC, "three_public_total": "“三公”经费", "budget": "预算", "change": "增减额",
    "change_rate": "增减幅度", "count": "个数", "equipment": "设备购置", "project": "项目", "other": "其他",
    "income_grand_total": "收入总计", "spending_grand_total": "支出总计", "procurement_total": "政府采购合计",
    "unit_budget": "单位预算", "education_fees": "教育收费", "vehicles": "公务用车", "fiscal": "财政拨款",
    "personnel": "人员经费", "operating": "公用经费", "household_subsidies": "对个人和家庭的补助",
}
CHANGES = {"yoy": "比上年", "vs_budget": "决算比预算", "vs_year": "比指定年度"}
RATIOS = {"share": "占比", "growth": "增减幅度", "completion": "完成率", "of_base": "为基数的比例"}
PROJECT_KINDS = {"project": "项目", "unit_overall": "部门（单位）整体支出"}
SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}
METHODS = {"quantitative": "定量", "qualitative": "定性", "mixed": "定量+定性", "not_applicable": "不适用"}
OPS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<", "~": "区间"}
DOCUMENT_KINDS = {
    "self_evaluation_table": "部门预算项目绩效自评表", "self_evaluation_form": "项目支出绩效自评表",
    "target_declaration": "项目支出绩效目标申报表", "target_list": "项目支出绩效目标表",
    "department_budget": "部门预算", "budget_statement": "预算决算说明", "final_accounts": "部门决算",
}

# What the audit of a form's own figures found (scoring flags; the A rules file them as findings).
FLAGS = {
    "budget_initial_used": "按年初预算数计算", "deviation_reason_missing": "未说明偏差原因",
    "docked_with_reason": "说明理由后扣分", "docked_without_reason": "未说明理由扣分",
    "execution_not_computable": "执行率无法计算", "execution_over_100": "执行率超过100%",
    "execution_reason_missing": "执行率偏低未说明原因", "execution_score_floored": "执行率得分被舍去",
    "execution_score_from_stated_rate": "执行率得分按表中执行率计算", "execution_score_mismatch": "执行率得分不符",
    "full_score_target_not_met": "目标未完成却得满分", "grade_differs": "等级与本系统不同",
    "grade_not_matching_total": "等级与总分不符", "indicator_score_floored": "指标得分被舍去",
    "indicator_score_in_band": "指标得分在分档范围内", "indicator_score_mismatch": "指标得分不符",
    "indicator_score_over_weight": "指标得分超过分值", "level_weights_differ": "各级指标分值与办法不同",
    "no_indicators": "没有指标", "number_expected": "数值目标只写了“完成”", "over_achievement_review": "超额完成需复核", "rate_initial_budget": "执行率按年初预算数计算",
    "rate_mismatch": "执行率不符", "rate_rounding": "执行率舍入有误", "total_differs": "总分与本系统不同",
    "total_not_sum": "总分不等于各项之和", "total_over_100": "总分超过100", "weight_applied_twice": "分值重复计算",
    "weight_not_positive": "分值不是正数", "weights_over_100": "分值合计超过100", "weights_partial": "部分指标没有分值",
    "weights_under_100": "分值合计不足100",
}

# Field → its names. Fields sharing a meaning share a table.
_FIELDS: dict[str, dict] = {
    "money_unit": MONEY_UNITS, "status": STATUSES, "stated": YES_NO, "code_derived": YES_NO, "required": YES_NO,
    "fund_source": FUND_SOURCES, "spending_type": SPENDING_TYPES, "row_kind": ROW_KINDS,
    "function_level": LEVEL_LABELS, "phase": PHASE_LABELS, "change": CHANGES, "ratio": RATIOS,
    "kind": {**PROJECT_KINDS, **DOCUMENT_KINDS}, "document_kind": DOCUMENT_KINDS, "severity": SEVERITIES,
    "method": METHODS, "level1": LEVEL1_NAMES, "level2": LEVEL2_NAMES, "op": OPS,
    "three_public_category": THREE_PUBLIC, "staffing_measure": STAFFING_MEASURES,
    "procurement_measure": PROCUREMENT_MEASURES, "what": SUBJECTS, "category": SUBJECTS, "flag": FLAGS,
}
_VOCABULARY_SECTIONS = ("funds", "three_public", "statement_subjects", "statement_counts", "money_rows")


def _from_vocabulary(code: str) -> str | None:
    words = vocabulary()
    for section in _VOCABULARY_SECTIONS:
        name = words.first(section, code)
        if name != code:
            return name
    return None


def label(field: str, code):
    """The Chinese name of a stored code of ``field``; None stays None, numbers and Chinese stay as they are."""
    if code is None or code == "" or not isinstance(code, (str, int)):
        return code
    names = _FIELDS.get(field, {})
    if code in names:
        return names[code]
    if isinstance(code, bool):
        return YES_NO[code]
    if not isinstance(code, str) or not code.isascii() or not any(c.isalpha() for c in code):
        return code
    if field in ("what", "category", "fund_source", "measure"):
        return _from_vocabulary(code) or code
    return code


def flag_names(codes) -> str:
    """Audit flag codes joined by 、 as their names (``docked_without_reason`` → 未说明理由扣分)."""
    return "、".join(FLAGS.get(c, c) for c in codes)


def finding_value(value):
    """A finding's 应为/实为 as shown: an audit flag code by its name, anything else as stored."""
    return FLAGS.get(value, value) if isinstance(value, str) else value


_GLOSS = re.compile(r"\s*[(（](?=[^()（）]*[A-Za-z]{2,}[^()（）]*\s[^()（）]*[A-Za-z]{2,})[^()（）]*[)）]")
_TRAILING_DOT = re.compile(r"(?<=[\u4e00-\u9fff）”])\.$")


def without_gloss(text: str | None) -> str | None:
    """A message without the English glosses in brackets the readers and rules add
    (``单位疑为元 (implausibly large in 万元)``, ``… (a 测算依据 term whose product is wrong).``)."""
    if not text:
        return text
    return _TRAILING_DOT.sub("", _GLOSS.sub("", text))


def period_text(period) -> str | None:
    """A stored 实施期限 as read: ``2020-01-01 至 2020-12-31``, ``4年``, or its text."""
    if not isinstance(period, dict):
        return None if period in (None, "") else str(period)
    if period.get("start") or period.get("end"):
        return f"{period.get('start') or '？'} 至 {period.get('end') or '？'}"
    if period.get("years"):
        return f"{period['years']}年"
    return period.get("text") or None


__all__ = ["DOCUMENT_KINDS", "FLAGS", "MONEY_UNITS", "STATUSES", "finding_value", "flag_names", "label",
           "period_text", "without_gloss"]
