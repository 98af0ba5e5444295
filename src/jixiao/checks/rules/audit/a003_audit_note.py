from jixiao.checks.audit import audit_rule

RULE = audit_rule(
    "A003", "audit-note", "info", "评分复核的提示", "提示",
    bad="得分 8 低于分值 10，表中未填写偏差原因分析及改进措施",
    good="得分等于分值，或低于分值并写明偏差原因")
