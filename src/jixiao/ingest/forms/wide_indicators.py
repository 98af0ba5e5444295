"""The text half of a wide self-evaluation row: goal, completion, indicator pairs, problems.

When empty pairs are dropped, the remaining pairs no longer sit under their headers. Each pair is
then placed in the header's category order by what its target text talks about (满意度 → service
satisfaction, 及时/按时 → timeliness …): an order-keeping alignment that maximises keyword fit.
"""

from __future__ import annotations

import re

from jixiao.domain.levels import LEVEL2_NAMES, LEVEL2_PARENT, level2_code, parent_of
from jixiao.domain.memo import per_document
from jixiao.domain.model import Indicator, NotApplicable, Project
from jixiao.domain.targets import parse_target
from jixiao.domain.text import compact
from jixiao.ingest.grid import Row

DEFAULT_SLOTS = ["quantity", "quality", "timeliness", "economic", "social", "ecological",
                 "service_satisfaction"]

_KEYWORDS: dict[str, tuple[tuple[str, ...], float]] = {
    "quantity": (("数量", "场", "人次", "名", "家", "台", "份", "件", "宗", "个", "次", "期", "户"), 1.0),
    "quality": (("质量", "合格", "达标", "准确", "规范", "符合", "胜诉", "结案率", "故障", "验收", "标准"), 1.0),
    "timeliness": (("及时", "按时", "时限", "时效", "期限", "工作日", "年底", "年内", "季度", "月底", "之前",
                    "前完成", "按月", "进度", "截止", "年度内", "按合同约定"), 1.2),
    "cost": (("成本", "单价", "费用标准"), 1.0),
    "economic": (("经济", "成本", "节约", "预算", "资金", "经费", "费用", "损失"), 1.0),
    "social": (("社会", "提高", "提升", "促进", "保障", "就业", "权益", "效率", "影响", "公众"), 0.8),
    "ecological": (("生态", "环保", "低碳", "节能", "纸质", "环境", "垃圾", "绿色", "浪费"), 1.2),
    "sustainability": (("可持续", "长效", "长期"), 1.0),
    "service_satisfaction": (("满意", "投诉", "认可"), 5.0),
    "other_satisfaction": (("满意",), 1.0),
}
_PROBLEM_WORDS = ("因", "受", "问题", "不足", "疫情", "追加", "离职", "无法", "较", "未")


def slots_from_header(cells: list[str]) -> list[str]:
    """Indicator categories in the order the header names them."""
    slots: list[str] = []
    for cell in cells:
        if "标" not in cell:  # cannot end with 指标
            continue
        code = _slot_named(cell)
        if code and code not in slots:
            slots.append(code)
    return slots or list(DEFAULT_SLOTS)


@per_document
def _slot_named(cell: str) -> str | None:
    """The category a header cell names (数量指标 → quantity), None for any other cell.

    Remembered per document: every page of a wide table repeats its header.
    """
    t = compact(cell)
    if not t.endswith("指标") or len(t) > 12 or t in ("满意度指标", "产出指标", "效益指标"):
        return None
    return level2_code(t)


_NO_WORDS: tuple[tuple[str, ...], float] = ((), 0.0)


def align(targets: list[str], slots: list[str]) -> list[str]:
    """Give each target text a category, keeping order; more texts than slots reuse the last."""
    n, m = len(targets), len(slots)
    if n == 0:
        return []
    if n >= m:
        return slots[:m] + [slots[-1]] * (n - m)
    targets = [compact(t) for t in targets]
    keywords = [_KEYWORDS.get(slot, _NO_WORDS) for slot in slots]
    neg = float("-inf")
    # best[i][j]: best score placing the first i texts within the first j slots
    best = [[0.0] * (m + 1)] + [[neg] * (m + 1) for _ in range(n)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        t, above, here, took = targets[i - 1], best[i - 1], best[i], take[i]
        for j in range(i, m - n + i + 1):  # slots further right leave too few for the texts after i
            words, weight = keywords[j - 1]
            skip = here[j - 1]
            # _fit(t, slots[j - 1]), inline: a list of the words found costs less than summing flags
            use = above[j - 1] + weight * len([w for w in words if w in t]) - 0.01 * (j - i)
            if use >= skip:
                here[j], took[j] = use, True
            else:
                here[j] = skip
    out, i, j = [], n, m
    while i > 0:
        if take[i][j]:
            out.append(slots[j - 1])
            i -= 1
        j -= 1
    return out[::-1]


def _is_rectification(text: str) -> bool:
    return "整改" in text or compact(text) in ("无", "/", "-", "—")


def _is_problem(text: str) -> bool:
    t = compact(text)
    return t in ("无", "/", "-", "—") or (any(w in t for w in _PROBLEM_WORDS) and not t.startswith("完成"))


# Words that make a last, unpaired cell a problem statement rather than an indicator.
_LONE_PROBLEM_WORDS = ("因", "受", "问题", "不足", "疫情", "追加", "离职", "无法")


def _is_lone_problem(text: str) -> bool:
    t = compact(text)
    return any(w in t for w in _LONE_PROBLEM_WORDS) and "满意" not in t and not t.startswith("完成")


_NUMBERING = re.compile(r"^\s*\d+\s*[.、．]\s*")
_NAME_END = re.compile(r"[。；;，,\n]")


def _short_name(text: str) -> str:
    if text[:1].isdecimal() or text[:1].isspace():  # else no list number (``^\s*\d``) to remove
        text = _NUMBERING.sub("", text)
    end = _NAME_END.search(text)  # the first clause, without copying the (long) rest of the text
    return (text[:end.start()] if end else text)[:40]


NOT_APPLICABLE = "不适用"
_COMPLETION_WORDS = ("完成", "已完成", "未完成", "基本完成", "部分完成", "已完成。", "完成。", "不适用")


_COMPLETION_FIRST = frozenset(w[0] for w in _COMPLETION_WORDS)


_COMPLETION_SET = frozenset(_COMPLETION_WORDS)  # each is its own compact() with 。 stripped, or ends in 。


def _is_completion_word(text: str) -> bool:
    """A completion cell that is only a status word (完成, 已完成 …), never a target."""
    if text in _COMPLETION_SET:  # most completion cells: the word itself
        return True
    if text.lstrip(" \u3000")[:1] not in _COMPLETION_FIRST:  # what compact() would start with
        return False
    return compact(text).rstrip("。.") in _COMPLETION_WORDS


# A completion word's first character, or a space compact() would remove before it.
_WORD_START = _COMPLETION_FIRST | {" ", "\u3000"}


def _pair_at(texts: list[str]) -> list[tuple[int, int]]:
    """Content/completion cells paired as (target, completion) indexes into ``texts``, completion -1
    when dropped: when the cell after a target is not a bare status word but the one after that is,
    the middle cell is the next target and the first target lost its (empty) completion cell."""
    word = [c in _COMPLETION_SET or (c[:1] in _WORD_START and _is_completion_word(c)) for c in texts]
    pairs, k, n = [], 0, len(texts)
    while k < n:
        if k + 1 < n and not (k + 2 < n and word[k + 2] and not word[k + 1] and not word[k]):
            pairs.append((k, k + 1))
            k += 2
        else:  # the last cell, or a target whose completion was dropped
            pairs.append((k, -1))
            k += 1
    return pairs


def read_texts(row: Row, start: int, slots: list[str], project: Project) -> None:
    """Fill goal, status text, indicators, problems and rectification from ``row`` from ``start``."""
    # Row cells are stripped already: an empty test is the ``strip()`` test; cells go by column.
    cells = row.cells
    start = max(start, 0)
    end = len(cells)
    while end > start and not cells[end - 1]:
        end -= 1
    if end <= start:
        return
    project.goal = cells[start] or None
    if end - start > 1:
        project.status_text = cells[start + 1] or None
    rest = [i for i in range(start + 2, end) if cells[i]]
    if rest and _is_completion_word(cells[rest[0]]) and not _is_completion_word(project.status_text or "完成"):
        # a long overall-completion text followed by its own status word: one more column
        project.status_text = f"{project.status_text}；{cells[rest[0]]}"
        del rest[0]
    if len(rest) >= 2 and _is_rectification(cells[rest[-1]]) and _is_problem(cells[rest[-2]]):
        project.problems, project.rectification = cells[rest[-2]], cells[rest[-1]]
        del rest[-2:]
    texts = [cells[i] for i in rest]
    pairs = _pair_at(texts)
    if project.problems is None and len(pairs) > 1 and pairs[-1][1] < 0 and _is_lone_problem(texts[pairs[-1][0]]):
        # the 存在的问题 column with its 整改情况 left empty: a statement, not an indicator
        project.problems = texts[pairs[-1][0]]
        pairs.pop()
    categories = align([texts[t] for t, _ in pairs], slots)
    plain_ref = row.ref if row.cell_refs is None else None  # text rows: every cell cites the line
    for (t, a), slot in zip(pairs, categories):
        ttext, ti = texts[t], rest[t]
        if "适" in ttext and compact(ttext) == NOT_APPLICABLE:
            project.not_applicable.append(NotApplicable(parent_of(slot), slot, False, row.ref_of(ti)))
            continue
        # By position (the field order is pinned by a test): level1, level2, name, target, actual,
        # note, weight, score, deviation_reason, required, source_of_value, level1_text, level2_text, source.
        project.indicators.append(Indicator(
            LEVEL2_PARENT.get(slot or ""), slot, _short_name(ttext), parse_target(ttext),
            parse_target(texts[a]) if a >= 0 else None, None, None, None, None, False, None, None,
            LEVEL2_NAMES.get(slot), plain_ref or row.ref_of(ti),
        ))
