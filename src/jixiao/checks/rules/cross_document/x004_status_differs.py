from jixiao.checks.matching import related, shared_matches
from jixiao.checks.rule import CORPUS, hit, rule
from jixiao.checks.texts import status_word


@rule("X004", "status-differs", "warning",
      "完成情况与《{other}》中同一项目不同：本文档“{mine}”，对方“{theirs}”",
      "completion status differs from the same project in {other}: {mine} here, {theirs} there",
      scope=CORPUS)
def check(ctx):
    """同一项目在两份文档中自评完成情况不同.

    一份写“完成”，另一份写“基本完成”或“未完成”：两份自评的结论不一致，评分会落在不同的档次。
    Two copies of one project must report the same completion.

    Bad:
        000：职业技能提升 已完成 ｜ 001：职业技能提升 基本完成

    Good:
        000：职业技能提升 已完成 ｜ 001：职业技能提升 已完成
    """
    for m in shared_matches(ctx):
        sa, sb = m.a.status, m.b.status
        if sa and sb and sa != sb:
            yield hit(m.a.source, project=m.a, document=m.doc_a, expected=status_word(m.b),
                      actual=status_word(m.a), other=m.doc_b.file, mine=status_word(m.a),
                      theirs=status_word(m.b), related=related(m.doc_b, m.b))
