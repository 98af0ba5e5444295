from jixiao.checks.matching import related, shared_matches
from jixiao.checks.rule import CORPUS, hit, rule


@rule("X003", "rates-differ", "error",
      "执行率与《{other}》中同一项目不同：本文档 {mine}%，对方 {theirs}%",
      "execution rate differs from the same project in {other}: {mine}% here, {theirs}% there", scope=CORPUS)
def check(ctx):
    """同一项目在两份文档中执行率不同.

    执行率决定执行率得分；两份文档对同一项目写了不同的执行率，至少一份的得分是错的。
    Two copies of one project must state the same execution rate.

    Bad:
        000：社区教育 执行率 93.71% ｜ 001：社区教育 执行率 97.31%

    Good:
        000：社区教育 执行率 93.71% ｜ 001：社区教育 执行率 93.71%
    """
    for m in shared_matches(ctx):
        ra, rb = m.a.execution_rate, m.b.execution_rate
        if ra is not None and rb is not None and ra != rb:
            yield hit(m.a.source, project=m.a, document=m.doc_a, expected=f"{rb}%", actual=f"{ra}%",
                      other=m.doc_b.file, mine=ra, theirs=rb, related=related(m.doc_b, m.b))
