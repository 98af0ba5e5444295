import re

from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule

_BARE = re.compile(r"(?:增长|下降|降低|提高|占)(?P<n>\d{1,3}\.\d{1,2})(?![\d%％万元亿个人辆台套项天倍])")


@rule("W007", "percent-sign-missing", "warning",
      "“{words}”缺少百分号",
      "the percent sign is missing after {words}", scope=DOCUMENT)
def check(doc, ctx):
    """增长率或占比缺少百分号.

    “增长 13.95。”读者不知道 13.95 是百分比、万元还是倍数；增减幅度和占比都应带百分号。
    A growth or share printed without its percent sign.

    Bad:
        一般公共预算财政拨款支出增加 1193.20 万元，增长 13.95。

    Good:
        一般公共预算财政拨款支出增加 1193.20 万元，增长 13.95%。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for p in dis.in_part("explanations", "overview"):
        for m in _BARE.finditer(p.text):
            yield hit(p.where(doc.file, m.start()), expected=m.group(0) + "%", actual=m.group(0), words=m.group(0))
