import re

from jixiao.checks.disclosure_view import disclosure, number, passages
from jixiao.checks.rule import DOCUMENT, hit, rule

_N = r"\d[\d,]*(?:\.\d+)?"
_HEAD = re.compile(rf"[（(][^（）()]{{0,6}}项[)）]”?(?P<a>{_N})万元")
_ARRANGED = re.compile(rf"20\d{{2}}年(?:预算)?安排(?:预算)?(?P<b>{_N})万元")


@rule("P006", "item-amount-not-as-arranged", "error",
      "同一条说明先写“{head}万元”，后写“{arranged}”",
      "the item gives {head} and then {arranged}", scope=DOCUMENT)
def check(doc, ctx):
    """同一科目的说明前后写出两个不同的预算金额.

    预算说明的每一条先写科目及其金额（…住房公积金（01项）208.8万元），再写“2026年预算安排 x 万元”
    与上年比较；两处是同一个数。不一致说明其中一处没有随表更新，所写的增减幅度也就无从核对。
    The amount after a 项 and the year's 预算安排 in the same item must be the same.

    Bad:
        住房公积金（01项）208.8万元。……2026年预算安排201.50万元，比2025年预算执行数增加5.27%

    Good:
        购房补贴（03项）243.36万元。……2026年预算安排243.36万元
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in passages(dis, "explanations"):
        head = _HEAD.search(passage.text)
        if head is None:
            continue
        arranged = _ARRANGED.search(passage.text, head.end())
        if arranged is None or number(arranged.group("b")) == number(head.group("a")):
            continue
        yield hit(passage.where(doc.file, arranged.start()), expected=head.group("a"), actual=arranged.group("b"),
                  head=head.group(0).lstrip("（(").split("）", 1)[-1].split(")", 1)[-1].lstrip("”").removesuffix("万元"),
                  arranged=arranged.group(0))
