from jixiao.checks.audit import audit_rule

RULE = audit_rule(
    "A002", "audit-warning", "warning", "评分复核发现表中的得分可疑", "警告",
    bad="执行率得分与表中执行率一致，但表中执行率本身有误",
    good="表中执行率、执行率得分与重算结果一致")
