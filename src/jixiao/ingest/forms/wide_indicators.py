"""The text half of a wide self-evaluation row: goal, completion, indicator pairs, problems.

When empty pairs are dropped, the remaining pairs no longer sit under their headers. Each pair is
then placed in the header's category order by what its target text talks about (满意度 → service
satisfaction, 及时/按时 → timeliness …): an order-keeping alignment that maximises keyword fit.
"""

from __future__ import annotations

import re

from jixiao.domain.levels import LEVEL2_NAMES, level2_code, parent_of
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
        t = compact(cell)
        if not t.endswith("指标") or len(t) > 12 or t in ("满意度指标", "产出指标", "效益指标"):
            continue
        code = level2_code(t)
        if code and code not in slots:
            slots.append(code)
    return slots or list(DEFAULT_SLOTS)


def _fit(t: str, slot: str) -> float:
    """How well compacted text ``t`` talks about category ``slot``."""
    words, weight = _KEYWORDS.get(slot, ((), 0.0))
    return weight * sum([w in t for w in words])


def align(targets: list[str], slots: list[str]) -> list[str]:
    """Give each target text a category, keeping order; more texts than slots reuse the last."""
    n, m = len(targets), len(slots)
    if n == 0:
        return []
    if n >= m:
        return slots[:m] + [slots[-1]] * (n - m)
    targets = [compact(t) for t in targets]
    neg = float("-inf")
    # best[i][j]: best score placing the first i texts within the first j slots
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m - n + i + 1):  # slots further right leave too few for the texts after i
            skip = best[i][j - 1]
            use = best[i - 1][j - 1] + _fit(targets[i - 1], slots[j - 1]) - 0.01 * (j - i)
            if use >= skip:
                best[i][j], take[i][j] = use, True
            else:
                best[i][j] = skip
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


_NUMBERING = re.compile(r"^\s*\d+\s*[.、．]\s*")
_NAME_END = re.compile(r"[。；;，,\n]")


def _short_name(text: str) -> str:
    text = _NUMBERING.sub("", text)
    end = _NAME_END.search(text)  # the first clause, without copying the (long) rest of the text
    return (text[:end.start()] if end else text)[:40]


NOT_APPLICABLE = "不适用"
_COMPLETION_WORDS = ("完成", "已完成", "未完成", "基本完成", "部分完成", "已完成。", "完成。", "不适用")


_COMPLETION_FIRST = frozenset(w[0] for w in _COMPLETION_WORDS)


def _is_completion_word(text: str) -> bool:
    """A completion cell that is only a status word (完成, 已完成 …), never a target."""
    if text.lstrip(" \u3000")[:1] not in _COMPLETION_FIRST:  # what compact() would start with
        return False
    return compact(text).rstrip("。.") in _COMPLETION_WORDS


def pair_up(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group content/completion cells into pairs, mending pairs whose completion was dropped.

    When the cell after a target is not a bare status word but the one after that is, the
    middle cell is the next target and the first target lost its (empty) completion cell.
    """
    pairs, k = [], 0
    word = [_is_completion_word(c) for _, c in cells]
    while k < len(cells):
        nxt = cells[k + 1][1] if k + 1 < len(cells) else None
        after = cells[k + 2][1] if k + 2 < len(cells) else None
        lone = nxt is not None and after is not None and not word[k + 1] and word[k + 2] and not word[k]
        if nxt is None or lone:
            pairs.append([cells[k]])
            k += 1
        else:
            pairs.append([cells[k], cells[k + 1]])
            k += 2
    return pairs


def read_texts(row: Row, start: int, slots: list[str], project: Project) -> None:
    """Fill goal, status text, indicators, problems and rectification from ``row`` from ``start``."""
    cells = list(enumerate(row.cells[start:], start)) if start >= 0 else list(enumerate(row.cells))
    while cells and not cells[-1][1].strip():
        cells.pop()
    if not cells:
        return
    project.goal = cells[0][1] or None
    if len(cells) > 1:
        project.status_text = cells[1][1] or None
    rest = [(i, c) for i, c in cells[2:] if c.strip()]
    if rest and _is_completion_word(rest[0][1]) and not _is_completion_word(project.status_text or "完成"):
        # a long overall-completion text followed by its own status word: one more column
        project.status_text = f"{project.status_text}；{rest[0][1]}"
        rest = rest[1:]
    if len(rest) >= 2 and _is_rectification(rest[-1][1]) and _is_problem(rest[-2][1]):
        project.problems, project.rectification = rest[-2][1], rest[-1][1]
        rest = rest[:-2]
    pairs = pair_up(rest)
    categories = align([p[0][1] for p in pairs], slots)
    for pair, slot in zip(pairs, categories):
        (ti, ttext) = pair[0]
        atext = pair[1][1] if len(pair) > 1 else None
        if "适" in ttext and compact(ttext) == NOT_APPLICABLE:
            project.not_applicable.append(NotApplicable(parent_of(slot), slot, False, row.ref_of(ti)))
            continue
        project.indicators.append(Indicator(
            level1=parent_of(slot), level2=slot, name=_short_name(ttext),
            target=parse_target(ttext), actual=parse_target(atext) if atext else None,
            level2_text=LEVEL2_NAMES.get(slot), source=row.ref_of(ti),
        ))
