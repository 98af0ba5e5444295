from jixiao.checks.rule import hit, rule
from jixiao.domain.levels import LEVEL2_NAMES


@rule("I001", "required-category-not-applicable", "warning",
      "必填指标类别“{category}”（表中带 *）标为不适用，没有任何指标",
      "mandatory category {category} (starred on the form) has no indicator")
def check(p, doc, ctx):
    """必填指标类别缺少指标.

    申报表用 * 标出必须填写的二级指标（如 *数量指标、*社会效益指标、*服务对象满意度指标）。
    必填类别写“不适用”或空着，目标表就不完整，审核时按完整性不通过处理。
    Categories the form stars are mandatory; 不适用 is not an answer for them.

    Bad:
        产出指标 ｜ *时效指标 ｜ 不适用 ｜ 不适用

    Good:
        产出指标 ｜ *时效指标 ｜ 补贴发放时限 ｜ ≤30个工作日
    """
    for na in p.not_applicable:
        if na.required:
            label = LEVEL2_NAMES.get(na.level2 or "", na.level2 or na.level1 or "未分类")
            yield hit(na.source or p.source, expected="至少一个指标", actual="不适用", category=label)
