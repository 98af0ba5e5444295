import re

from jixiao.checks.disclosure_view import body
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import part_label

_CHOICE = re.compile(r"(?:增加|减少|增长|下降|大于|小于|高于|低于|上升)[（(](?:增加|减少|增长|下降|大于|小于|高于|低于|上升|持平)[)）]"
                     r"|[（(](?:增加|减少|增长|下降)[/、](?:增加|减少|增长|下降)[)）]")
_INSTRUCTION = re.compile(r"[（(][^（）()]{0,40}(?:填写|填列|据实填|请填|如实填)[^（）()]{0,10}[)）]")


@rule("W005", "template-wording-left", "warning",
      "{part}留有模板的选择项或填写说明“{words}”",
      "a template choice or instruction was left in: {words}", scope=DOCUMENT)
def check(doc, ctx):
    """正文留有模板的选择项或填写说明.

    公开模板写“增加（减少）”“下降（增长）”让填表人二选一，写“（按……填写）”告诉填表人怎样填；
    这些字样留在发布的文本里，读者看不出数字到底是增加还是减少。
    A template alternative (增加（减少）) or a fill-in instruction left in the text.

    Bad:
        比 2023 年度减少 0.15 万元，下降（增长）27.78%

    Good:
        比 2023 年度减少 0.15 万元，下降 27.78%
    """
    for _, p in body(doc):
        for pattern in (_CHOICE, _INSTRUCTION):
            for m in pattern.finditer(p.text):
                yield hit(p.where(doc.file, m.start()), expected="删去模板字样", actual=m.group(0),
                          part=part_label(p.part), words=m.group(0))
