import re

from jixiao.checks.disclosure_view import disclosure
from jixiao.checks.rule import DOCUMENT, hit, rule

_BLANK = re.compile(r"主要原因(?:是|为|主要是)?[:：]?(?=[。；;]|$)|原因(?:是|为)[:：]?(?=[。；;]|$)")


@rule("W006", "reason-left-blank", "warning",
      "“{words}”后面没有写原因：{text}",
      "the reason after {words} was left blank", scope=DOCUMENT)
def check(doc, ctx):
    """增减原因没有填写.

    预算、决算说明每写一处增减，都要写明主要原因；“主要原因是。”后面什么也没有，
    说明模板的这一处没有填写。
    A change's reason left blank.

    Bad:
        公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。

    Good:
        公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是车辆数未变。
    """
    dis = disclosure(doc)
    if dis is None:
        return
    for passage in dis.in_part("explanations"):
        text = passage.text
        for m in _BLANK.finditer(text):
            if m.end() < len(text) or text.endswith(("。", "；", ";")) or m.end() == len(text):
                if m.end() == len(text) and not m.group(0).endswith(("：", ":", "是", "为")):
                    continue
                if m.end() == len(text):
                    continue  # the reason may follow on the next paragraph (主要原因：↵ 基本支出…)
                yield hit(passage.where(doc.file, m.start()), expected="写明原因", actual=m.group(0) + text[m.end()],
                          words=m.group(0), text=text[max(0, m.start() - 30): m.end() + 1])
