import re

from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule
from jixiao.domain.disclosure import part_label

_PLACEHOLDER = re.compile(r"X{2,}|x{2,}|×{2,}|Ｘ{2,}|某某|\*{3,}|□{2,}|〇〇")


@rule("W003", "placeholder-in-text", "warning",
      "{part}留有模板占位符“{placeholder}”：{text}",
      "a template placeholder {placeholder} was left in the text", scope=DOCUMENT)
def check(doc, ctx):
    """正文留有模板占位符.

    公开模板用“XXX万元”“××部门”“某某单位”提示填写；发布的文本里仍有占位符，说明这一处没有填写，
    读者得不到应有的数字或名称。
    A placeholder (XX, ××, 某某) left in the published text.

    Bad:
        政府性基金预算财政拨款收入XXX万元

    Good:
        政府性基金预算财政拨款收入0万元
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for p in dis.paragraphs:
        for m in _PLACEHOLDER.finditer(p.text):
            if m.group(0).startswith(("X", "x", "Ｘ")) and _in_word(p.text, m):
                continue
            yield hit(p.where(doc.file, m.start()), expected="填写实际内容", actual=m.group(0),
                      part=part_label(p.part), placeholder=m.group(0), text=_around(p.text, m))


def _in_word(text: str, m) -> bool:
    """XX inside Latin letters (an English word or code) is no placeholder."""
    before = text[m.start() - 1: m.start()]
    after = text[m.end(): m.end() + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _around(text: str, m, width: int = 20) -> str:
    return text[max(0, m.start() - width): m.end() + width]
