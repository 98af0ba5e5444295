"""An audit entry's before and after as a person reads them: 字段：值, codes by their Chinese names.

``{"money_unit": "wan_yuan", "indicators": [{"level1": "output", "name": "培训人数", "target": "≥90%"}]}``
reads ``金额单位：万元；绩效指标：①产出指标／数量指标「培训人数」指标值 ≥90% …``. The stored JSON stays as
it is (the API returns it); only its display is in words.
"""

from __future__ import annotations

from jixiao.domain.labels import FUND_SOURCES, label

KEY_LABELS = {"year": "年度", "unit": "单位", "name": "项目名称", "department": "主管部门", "code": "项目编码",
              "kind": "类别", "money_unit": "金额单位", "facts": "项目信息", "money": "资金来源", "basis": "测算依据",
              "goal": "年度目标", "goal_long_term": "长期目标", "indicators": "绩效指标", "state": "状态",
              "deleted": "删除标记", "review": "审核结论", "monitoring": "监控表", "self_evaluation": "自评结果",
              "budget_adjusted": "全年预算数", "actual_total": "全年执行数", "goal_actual": "目标完成情况",
              "problems": "存在的问题", "rectification": "改进措施", "score_total": "总分", "grade": "等级",
              "total": "合计", "target": "指标值", "weight": "分值", "note": "备注", "required": "必填",
              "source_of_value": "指标值来源", "level1": "一级指标", "level2": "二级指标", "actual": "实际完成值",
              "type": "项目类型", "period": "实施期限", "policy": "政策依据", "new_or_continuing": "新增/延续",
              "outcome": "结论", "comment": "意见", "reason": "原因", "measure": "措施", "likelihood": "完成可能性"}
_CODED = {"money_unit": "money_unit", "kind": "kind", "level1": "level1", "level2": "level2", "required": "required",
          "deleted": "required"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_SKIP = {"key"}  # an indicator's internal key


def _scalar(key: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if key in _CODED:
        return str(label(_CODED[key], value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _indicator(n: int, ind: dict) -> str:
    levels = "／".join(str(label(k, ind.get(k))) for k in ("level1", "level2") if ind.get(k))
    head = f"{_CIRCLED[n] if n < len(_CIRCLED) else f'({n + 1})'}{levels}「{ind.get('name') or ''}」"
    rest = [f"{KEY_LABELS.get(k, k)} {_scalar(k, v)}" for k, v in ind.items()
            if k not in ("level1", "level2", "name", *_SKIP) and v not in (None, "")]
    return head + (" " + "，".join(rest) if rest else "")


def readable(value, key: str = "") -> str:
    """A stored value (dicts, lists, codes) as Chinese text."""
    if isinstance(value, dict):
        if key == "money":
            return "，".join(f"{FUND_SOURCES.get(k, KEY_LABELS.get(k, k))} {v}" for k, v in value.items())
        return "；".join(f"{KEY_LABELS.get(k, k)}：{readable(v, k)}" for k, v in value.items() if k not in _SKIP)
    if isinstance(value, list):
        if key == "indicators":
            return "；".join(_indicator(n, i) if isinstance(i, dict) else readable(i) for n, i in enumerate(value))
        return "、".join(readable(v) for v in value) or "（空）"
    return _scalar(key, value)
