"""Column headings of the CSV exports, in Chinese, and which columns hold codes to be named (issue 17).

The CSV files are for spreadsheets: an official opens them in Excel, so headings and words are
Chinese (the JSON export keeps the schema's English keys). A budget table's own ``year`` is named by
what it is beside the document's year (文档年度): the year of the amount (金额年度) in a 三公经费
table, the column's year (栏目年度) in a printed table, the year a sentence speaks of (所述年度).
"""

from __future__ import annotations

from jixiao.domain.labels import label

HEADINGS = {
    "id": "编号", "document_id": "文档编号", "document_file": "文件", "department": "部门", "document_year": "文档年度",
    "table": "表", "label": "行名称", "unit": "单位", "function_code": "科目编码", "function_name": "科目名称",
    "function_level": "科目级次", "fund_source": "资金来源", "spending_type": "支出类型", "row_kind": "行类型",
    "code_derived": "编码由上下文推出", "detail": "明细", "phase": "阶段", "column_name": "栏名",
    "table_title": "表名", "category": "类别", "amount": "金额（元）", "stated_amount": "原文金额",
    "money_unit": "原文金额单位", "stated": "原文列明", "level": "级次", "parent": "上级行", "item_code": "品目编码",
    "item_name": "品目名称", "measure": "口径", "count": "数量", "text": "原文", "what": "内容", "value": "原文数值",
    "measure_unit": "计量单位", "part": "所在部分", "change": "比较对象", "base_year": "比较年度", "code": "科目编码",
    "ratio": "比率类型", "subject": "所述对象", "base": "比率基数", "describes": "对应的表行",
    "source_file": "来源文件", "source_line": "来源行", "source_sheet": "来源工作表", "source_cell": "来源单元格",
}
# The table's own ``year`` column, named by what it is.
YEAR_HEADINGS = {"three_public_lines": "金额年度", "budget_lines": "栏目年度", "stated_figures": "所述年度"}

# Columns whose stored codes are shown by name: column → the field of ``domain.labels`` (per table where
# the same column means different things).
_CODED = {"function_level": "function_level", "fund_source": "fund_source", "spending_type": "spending_type",
          "row_kind": "row_kind", "code_derived": "code_derived", "stated": "stated", "money_unit": "money_unit",
          "phase": "phase", "change": "change", "ratio": "ratio", "what": "what", "subject": "what",
          "base": "what", "category": "category"}
_CODED_BY_TABLE = {
    "three_public_lines": {"category": "three_public_category"},
    "staffing": {"measure": "staffing_measure"},
    "procurement_lines": {"measure": "procurement_measure"},
}


def heading(table: str, column: str) -> str:
    """The Chinese heading of one column of a budget table."""
    if column == "year":
        return YEAR_HEADINGS.get(table, "年度")
    return HEADINGS.get(column, column)


def named(table: str, column: str, value):
    """A cell's value with a stored code replaced by its Chinese name."""
    field = _CODED_BY_TABLE.get(table, {}).get(column) or _CODED.get(column)
    return label(field, value) if field else value
