from jixiao.checks.audit import audit_rule

RULE = audit_rule(
    "A001", "audit-error", "error", "评分复核发现表中的执行率、得分或总分算错", "错误",
    bad="执行率 95.50% ｜ 分值 10 ｜ 表中执行率得分 9（应为 9.55：得分被取整）",
    good="执行率 95.50% ｜ 分值 10 ｜ 表中执行率得分 9.55")
