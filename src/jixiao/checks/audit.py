"""The scoring engine's audit flags as checker hits (the form's own scores that do not add up).

The checker does not import the scoring engine (the layers are siblings): the services layer runs
the engine and puts its flags into ``CheckContext.audit_flags`` as dicts with ``document``,
``project``, ``code``, ``severity`` (error, warning, info), ``subject`` and ``message``.
"""

from __future__ import annotations

from .rule import hit

SUBJECTS = {"project": "项目", "execution": "执行率", "total": "总分", "grade": "等级", "weights": "分值"}


def audit_hits(ctx, severity: str):
    """Hits for the flags of one severity, naming what the flag is about."""
    for flag in ctx.audit_flags:
        if flag.get("severity") != severity:
            continue
        subject = flag.get("subject") or "project"
        project = flag.get("project")
        yield hit(project.source if project is not None else None, project=project, document=flag.get("document"),
                  actual=flag.get("code"), subject=SUBJECTS.get(subject, f"指标“{subject}”"),
                  message=flag.get("message", ""), flag=flag.get("code", ""))


_DOC = """{title}。

    自评表自己写了执行率、各指标得分、总分和等级。评分引擎按同样的规则重算一遍，再把表中的数与重算
    结果逐项比较，给出差异最可能的原因（四舍五入方向错、按年初预算数算执行率、分值重复计算、目标已完成
    却被扣分而未说明原因……）。引擎判为“{label}”的结果由本规则报告。

    Bad:
        {bad}

    Good:
        {good}
    """


def audit_rule(code: str, name: str, severity: str, title: str, label: str, bad: str, good: str):
    """Register the rule that reports the engine's flags of one severity (one module per rule)."""
    from .rule import CORPUS, rule

    def check(ctx):
        return audit_hits(ctx, severity)

    check.__doc__ = _DOC.format(title=title, label=label, bad=bad, good=good)
    return rule(code, name, severity, "{subject}：{message}", "scoring audit ({flag}) on the {subject}",
                scope=CORPUS)(check)
