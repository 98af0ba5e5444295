import re

from jixiao.checks.disclosure_view import disclosure, number, passages
from jixiao.checks.rule import DOCUMENT, hit, rule

_PAIR = re.compile(r"(?P<bw>全年|年初|调整后)?预算(?:数)?为?(?P<b>\d[\d,]*(?:\.\d+)?)万元[，,、]?(?:支出)?决算(?:数)?为?"
                   r"(?P<f>\d[\d,]*(?:\.\d+)?)万元")
_WORD = re.compile(r"决算数?(?:(?P<w>大于|小于|等于|高于|低于)[^。；，]{0,8}?预算|与[^。；，]{0,8}?预算数?(?P<eq>持平))")
_CHANGE = re.compile(r"(?P<a>增加|减少)(?P<n>\d[\d,]*(?:\.\d+)?)万元[，,](?P<b>增长|下降)(?P<p>\d+(?:\.\d+)?)%")
_SAYS = {"大于": 1, "高于": 1, "小于": -1, "低于": -1, "等于": 0}


def _sign(a, b) -> int:
    return (a > b) - (a < b)


@rule("P003", "direction-word-wrong", "error",
      "说明写“{words}”，但{figures}",
      "the direction word {words} does not match {figures_en}", scope=DOCUMENT)
def check(doc, ctx):
    """增减、大于小于、持平的用词与所列金额不符.

    说明写出预算数和决算数后，接着说“决算数小于预算数的主要原因”“决算数与全年预算数持平”，
    或写“增加 x 万元，增长 y%”。这些词必须与数字的方向一致：决算比预算少却写“持平”“大于”，
    或“增加”配“下降”，读者无法判断支出究竟是多了还是少了。
    Direction words (增加/减少/持平, 大于/小于) must agree with the figures they describe.

    Bad:
        全年预算为11.72万元，支出决算为10.50万元。决算数与全年预算数持平。

    Good:
        全年预算为11.72万元，支出决算为11.72万元。决算数与全年预算数持平。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in passages(dis, "explanations"):
        text = passage.text
        for pair in _PAIR.finditer(text):
            word = _WORD.search(text, pair.end(), pair.end() + 60)
            if word is None:
                continue
            says = 0 if word.group("eq") else _SAYS[word.group("w")]
            real = _sign(number(pair.group("f")), number(pair.group("b")))
            if says != real:
                yield hit(passage.where(doc.file, word.start()), expected=_compare(real), actual=word.group(0),
                          words=word.group(0), figures=f"决算 {pair.group('f')} 万元{_compare(real)}预算 "
                          f"{pair.group('b')} 万元", figures_en="the budget and final amounts")
        for m in _CHANGE.finditer(text):
            if (m.group("a") == "增加") != (m.group("b") == "增长") and number(m.group("n")) != 0:
                yield hit(passage.where(doc.file, m.start()), expected="增加配增长、减少配下降", actual=m.group(0),
                          words=m.group(0), figures="增减的方向前后矛盾", figures_en="itself")


def _compare(sign: int) -> str:
    return {1: "大于", -1: "小于", 0: "等于"}[sign]
