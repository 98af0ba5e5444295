import re

from jixiao.checks.disclosure_view import body
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import part_label

_DOUBLED = re.compile(r"([。，；：、！？])\1|[。，；][，。；]")


@rule("W008", "punctuation-doubled", "info",
      "{part}标点重复“{marks}”：{text}",
      "doubled punctuation {marks}", scope=DOCUMENT)
def check(doc, ctx):
    """标点重复.

    “。。”“，，”“；。”之类重复的标点多是删改文字时留下的，应当检查这一句是否缺了内容。
    Doubled punctuation, usually left when words were deleted.

    Bad:
        主要原因：人员增加。。

    Good:
        主要原因：人员增加。
    """
    for _, p in body(doc):
        for m in _DOUBLED.finditer(p.text):
            yield hit(p.where(doc.file, m.start()), expected=m.group(0)[0], actual=m.group(0),
                      part=part_label(p.part), marks=m.group(0), text=p.text[max(0, m.start() - 20): m.end() + 10])
