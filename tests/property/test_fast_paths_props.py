"""The readers' cheap pre-checks answer exactly as the plain definitions they stand in for.

Each fast path (a first-character test, one alternation instead of a loop over words, a test
before normalising) is compared with the straightforward definition on text made of the
characters that matter: digits full- and half-width, signs, spaces, stars, CJK label words.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain import levels, numbers
from jixiao.domain.text import _FULLWIDTH, compact, to_halfwidth
from jixiao.ingest.forms import budget_cells, budget_target_facts, budget_target_tables

PIECES = ["0", "1", "2", "9", "０", "５", "-", "－", "+", ".", "．", ",", "，", "%", "％", " ", "\u3000",
          "*", "＊", "#", "＃", "\t", "(", "（", ")", "）", ":", "：", "年", "度", "元", "万", "单位", "部门",
          "位", "门", "名称", "项目名称", "实施单位", "数量", "质量", "指标", "产出", "效益", "效果", "满意度",
          "成本", "社会", "经济", "生态", "服务对象", "可持续", "目标", "不适用", "a", "A", "B", "C", "٣"]
texts = st.lists(st.sampled_from(PIECES) | st.characters(), max_size=14).map("".join)
numberish = st.lists(st.sampled_from(list("0129０５-－.．,，%％ \u3000a٣")), max_size=10).map("".join)
FAST = settings(max_examples=400, deadline=None)


def _compact_ref(text: str) -> str:
    return text.translate(_FULLWIDTH).replace(" ", "")


@FAST
@given(texts)
def test_halfwidth_and_compact(text):
    assert to_halfwidth(text) == text.translate(_FULLWIDTH)
    assert compact(text) == _compact_ref(text)


_MONEY_SHAPE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
_PERCENT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*%$")


def _decimal_ref(text: str) -> Decimal | None:
    s = numbers.normalise_number_text(text)
    if not s or not _MONEY_SHAPE.match(s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


@FAST
@given(texts | numberish)
def test_number_prechecks(text):
    assert numbers.parse_decimal(text) == _decimal_ref(text)
    m = _PERCENT.match(numbers.normalise_number_text(text)) if text else None
    assert numbers.parse_percent(text) == (Decimal(m.group(1)) if m else None)


def _level_code_ref(text, words, limit):
    t, _ = levels.split_required(text or "")
    if not t or len(t) > limit:
        return None
    return next((code for word, code in words if t.startswith(word)), None)


@FAST
@given(texts | numberish)
def test_budget_amounts(text):
    t = text.strip()
    blank = not t or t in {"-", "—", "－", "–", "/", "／", "——"}
    assert budget_cells.read_amount(text) == (None if blank else numbers.parse_decimal(t))


@FAST
@given(texts)
def test_level_codes_and_labels(text):
    assert levels.level1_code(text) == _level_code_ref(text, levels._LEVEL1_WORDS, 12)
    assert levels.level2_code(text) == _level_code_ref(text, levels._LEVEL2_WORDS, 14)
    expected = levels._read_label(text) if text and len(text) <= 16 else None
    assert levels.level_label(text) == expected
    assert levels.level_label(text) == expected  # the second time from the known labels


def _label_ref(cell):
    head = compact(cell[:24])
    for word, key in budget_target_facts.LABELS:
        if head.startswith(word):
            return word, key, compact(cell)[len(word):].lstrip(":：")
    return None


@FAST
@given(texts)
def test_budget_cells_and_labels(text):
    assert budget_target_facts._label(text) == _label_ref(text)
    for anchor in ("项目名称", "部门(单位)名称", "年度总体目标"):
        assert budget_target_tables.starts_with(text, anchor) == compact(text[:24]).startswith(anchor)
    assert budget_cells.plain(text) == compact(to_halfwidth(re.sub(r"[#*]+", "", text)))
    t = budget_cells.plain(text)
    if text.strip():
        assert budget_cells.cell_kind_ok("text", text) == (
            budget_cells.read_amount(text) is None and not budget_cells._FUNCTION_CODE.match(t)
            and not budget_cells._YEAR_CELL.match(t))
    dept = budget_cells._DEPT_LABEL.match(t)
    assert budget_cells.department_in(text) == (dept.group(1) if dept else None)
    unit = budget_cells._MONEY_LABEL.search(to_halfwidth(text))
    assert budget_cells.money_unit_in(text) == (None if not unit else "wan_yuan" if unit.group(1) == "万元" else "yuan")


@FAST
@given(texts | numberish)
def test_targets_cross_processes_intact(text):
    import pickle

    from jixiao.domain.targets import parse_target

    target = parse_target(text)
    assert pickle.loads(pickle.dumps(target)) == target


def _without_lookahead(pattern: re.Pattern, prefix: str) -> re.Pattern:
    assert pattern.pattern.startswith(prefix)
    return re.compile(pattern.pattern[len(prefix):])


@FAST
@given(texts | numberish)
def test_scan_lookaheads_find_the_same_matches(text):
    """A leading lookahead only skips positions where no match can start: same matches either way."""
    from jixiao.domain import basis_terms, targets
    from jixiao.ingest.forms import budget_figures, target_list

    arabic = dict(basis_terms._MARKERS)["arabic"]
    for fast, prefix in ((budget_figures._FIGURE, "(?=\\d)"), (basis_terms._AMOUNT, "(?=\\d)"),
                         (arabic, "(?=\\d)"), (target_list._ITEM, "(?=[\\s\\d])"),
                         (targets._VALUE, targets._VALUE_START)):
        slow = _without_lookahead(fast, prefix)
        assert [m.group(0, *range(1, fast.groups + 1)) for m in fast.finditer(text)] == \
            [m.group(0, *range(1, slow.groups + 1)) for m in slow.finditer(text)]
