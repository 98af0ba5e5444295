import re

from jixiao.checks.disclosure_view import disclosure, number, passages, percent_range, step, within
from jixiao.checks.rule import DOCUMENT, hit, rule

_LEAD = re.compile(r"(?P<w>[\u4e00-\u9fff“”]{2,30}?)(?:为)?(?P<v>\d[\d,]*(?:\.\d+)?)万元[，,]?(?:其中|主要用于以下方面)[：:]")
_PART = re.compile(r"(?P<w>[\u4e00-\u9fff（）()“”]{2,40}?)(?P<v>\d[\d,]*(?:\.\d+)?)万元[，,]占(?P<base>[^0-9%。；]{0,12}?)"
                   r"(?P<p>\d+(?:\.\d+)?)%")


@rule("P004", "share-not-as-figures", "error",
      "说明写“{part}{amount}万元，占{share}%”，按{whole_label}{whole}万元计算应为 {computed}%",
      "the share {share}% of {part} does not follow from {whole}", scope=DOCUMENT)
def check(doc, ctx):
    """说明中的占比与所列金额不符.

    “一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%”
    这样的结构说明，占比必须是该项金额除以前面写出的总额（两个金额都只印到 0.01 万元，占比在
    舍入范围内即可）。占比不符，说明数字改过而比例没有跟着改，或者比例抄自上年。
    Each share must be the part over the whole stated before 其中 / 主要用于以下方面.

    Bad:
        一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%

    Good:
        一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.65%
    """
    dis = disclosure(doc)
    if dis is None:
        return
    carried = None  # a whole stated at the end of the previous passage (…主要用于以下方面：)
    for passage in passages(dis, "explanations", "overview"):
        text = passage.text
        leads = ([(-1, carried)] if carried else []) + [(m.end(), (m.group("w"), m.group("v"))) for m in _LEAD.finditer(text)]
        for m in _PART.finditer(text):
            before = [w for end, w in leads if end <= m.start()]
            if not before or (m.group("base") and "合计" not in m.group("base") and "总" not in m.group("base")):
                continue  # no whole stated, or the share of something the sentence names
            label, whole = before[-1]
            label = label.rsplit("情况", 1)[-1] or label  # a heading run into the sentence
            if number(whole) is None or number(whole) <= 0 or number(m.group("v")) > number(whole):
                continue
            lo, hi = percent_range(number(m.group("v")), step(m.group("v")), number(whole), step(whole))
            if within(number(m.group("p")), step(m.group("p")), lo, hi):
                continue
            computed = f"{(number(m.group('v')) / number(whole) * 100):.2f}"
            yield hit(passage.where(doc.file, m.start("p")), expected=f"{computed}%", actual=f"{m.group('p')}%",
                      part=m.group("w"), amount=m.group("v"), share=m.group("p"), whole_label=label,
                      whole=whole, computed=computed)
        carried = leads[-1][1] if leads and text.rstrip().endswith(("：", ":")) else None
