from jixiao.checks.indicators import VAGUE_WORDS, category_label, live, name_of
from jixiao.checks.rule import hit, rule
from jixiao.checks.texts import comparable, is_empty_value

MAX_VAGUE_LENGTH = 8
STATUS_ONLY = frozenset({"完成", "已完成", "基本完成", "部分完成", "未完成"})


@rule("I005", "value-vague", "warning",
      "{category}“{name}”的指标值“{value}”只有笼统的词，没有可判断的标准",
      "indicator {name}: value {value} is only vague words with no standard")
def check(p, doc, ctx):
    """指标值只有笼统的词.

    “提高”“加强”“显著”“有效”“良好”这样的词说不清做到什么程度算完成，无法评分。定性指标也要给出
    可判断的等级或标准，例如“达到省级示范基地标准并挂牌”。
    A qualitative value still needs a standard a reviewer can judge.

    Bad:
        效益指标 ｜ 可持续影响指标 ｜ 对就业环境的支持 ｜ 良好

    Good:
        效益指标 ｜ 可持续影响指标 ｜ 对就业环境的支持 ｜ 连续三年新增就业 ≥30000人
    """
    for ind in live(p, ctx):
        t = ind.target
        if t.value is not None or is_empty_value(t.text):
            continue
        c = comparable(t.text)
        if c in STATUS_ONLY:  # a completion word in the target column: shifted cells, not a target
            continue
        if 0 < len(c) <= MAX_VAGUE_LENGTH and any(w in c for w in VAGUE_WORDS):
            yield hit(ind.source, expected="可判断的标准或数值", actual=t.text,
                      category=category_label(ind), name=name_of(ind), value=t.text)
