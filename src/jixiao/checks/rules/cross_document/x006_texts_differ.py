from jixiao.checks.copies import shared_comparisons
from jixiao.checks.matching import related
from jixiao.checks.rule import CORPUS, hit, rule


@rule("X006", "texts-differ", "info",
      "与《{other}》中同一项目相比，{fields}的文字不同",
      "wording of {n} fields differs from the same project in {other}", scope=CORPUS)
def check(ctx):
    """同一项目在两份文档中文字不同.

    目标、完成情况、存在的问题在两份文档里措辞不同（不只是标点、空格、繁简之差），说明其中一份是
    后来改过的版本。这只是提示：复核时应确认以哪份为准。
    Two copies whose texts differ beyond punctuation and width: one was edited later.

    Bad:
        000：绩效目标“建设一家省级‘南粤家政’综合服务示范基地完成12个实训室改造……”
        001：绩效目标“建设一家省级‘南粤家政’综合服务示范基地，为家政技能人才培养提供平台。”

    Good:
        两份文档的绩效目标只差全角、半角标点
    """
    for c in shared_comparisons(ctx):
        if c.differing:
            m = c.match
            yield hit(m.a.source, project=m.a, document=m.doc_a, actual="、".join(c.differing),
                      fields="、".join(c.differing), n=len(c.differing), other=m.doc_b.file,
                      related=related(m.doc_b, m.b))
