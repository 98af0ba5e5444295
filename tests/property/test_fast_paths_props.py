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


def _same_matches(fast: re.Pattern, slow: re.Pattern, text: str) -> None:
    assert [m.group(0, *range(1, fast.groups + 1)) for m in fast.finditer(text)] == \
        [m.group(0, *range(1, slow.groups + 1)) for m in slow.finditer(text)]


@FAST
@given(texts | numberish)
def test_scan_lookaheads_find_the_same_matches(text):
    """A leading lookahead only skips positions where no match can start: same matches either way."""
    from jixiao.domain import targets

    _same_matches(targets._VALUE, _without_lookahead(targets._VALUE, targets._VALUE_START), text)


# The scanning patterns as plainly written; the readers' versions match a first character before
# the lookbehinds that check what precedes it, so the regex engine can skip other characters.
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PLAIN_SCANS = {
    "figure": r"(?<![\d.A-Za-z])(?<!\d,)(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|%|人次|人|辆|台\(套\)|台|家|项)",
    "amount": rf"(?<![\d.])(?P<n>{_NUM})\s*(?P<u>亿元|万元|元|万(?![\u4e00-\u9fa5]))(?P<per>/)?",
    "arabic": r"(?:^|(?<=[\s。；;：:，,)）]))\d{1,2}(?:[、．]|\.(?!\d)|\.(?=20\d\d年)|\.(?=\d+\.\d))",
    "cn": r"(?<![\u4e00-\u9fa5])[一二三四五六七八九十]{1,3}、",
    "item": r"(?:^|(?<=[。；;\s]))\s*\d{1,2}\s*[、.．](?!\d)"
            r"|\d{1,2}\s*[、.．](?=\s*(?:产出|效益|效果|满意度|成本)(?:指标|目标)?\s*[:：])",
    "enumerator": r"(?:^|(?<=[；;。，,：:]))[(（]?\d{1,2}[.、．)）](?!\d)",
}
SCAN_PIECES = ["1", "12", "123", "2021", ",", ",000", ".", ".5", "、", "．", "(", "（", ")", "）", "。", "；", ";",
               "，", "：", ":", " ", "\n", "a", "Z", "中", "一", "十二", "二、", "万元", "元", "万", "%", "人", "人次",
               "台(套)", "家", "产出", "满意度", "指标", "约", "*", "=", "≈", "/人", "/年", "个月", "٣", "０"]
scan_texts = st.lists(st.sampled_from(SCAN_PIECES) | st.characters(), max_size=16).map("".join)


@FAST
@given(scan_texts)
def test_scans_find_what_the_plain_patterns_find(text):
    from jixiao.domain import basis_terms, targets
    from jixiao.ingest.forms import budget_figures, target_list

    markers = dict(basis_terms._MARKERS)
    for fast, name in ((budget_figures._FIGURE, "figure"), (basis_terms._AMOUNT, "amount"),
                       (markers["arabic"], "arabic"), (markers["cn"], "cn"), (target_list._ITEM, "item"),
                       (targets._ENUMERATOR, "enumerator")):
        _same_matches(fast, re.compile(_PLAIN_SCANS[name]), text)
    u, paren, result = basis_terms._UNIT, basis_terms._PAREN, basis_terms._RESULT
    product = rf"约?{_NUM}\s*(?:{u})?{paren}(?:\s*\*\s*约?{_NUM}\s*(?:{u})?{paren})+(?:{result})?"
    rate = rf"(?P<n>{_NUM})(?P<u>人次|人|家|个|次|台|份|户|名)[,，]\s*(?P<r>{_NUM})(?P<ru>万元|万|元)/(?P=u)"
    _same_matches(basis_terms._PRODUCT, re.compile(product), text)
    _same_matches(basis_terms._RATE, re.compile(rate), text)


def _clean_cell_ref(text):
    from jixiao.domain.text import _CHECKBOX, _SPACES, _TAG

    if not text:
        return ""
    if "<" in text:
        if "checkbox" in text:
            text = _CHECKBOX.sub(lambda m: "☑" if "checked" in m.group(0) else "☐", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        import html
        text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


@FAST
@given(texts | st.lists(st.sampled_from(["<p>", "</p>", "&amp;", "&nbsp;", "  ", "\xa0", "\t", "a", "中"]),
                        max_size=8).map("".join))
def test_clean_cell_folds_only_when_there_is_something_to_fold(text):
    from jixiao.domain.text import clean_cell

    assert clean_cell(text) == _clean_cell_ref(text)


SIGNS = ["", "≥", "≤", "=", "<", ">", "＞", "约", "不少于"]
simple_shapes = st.builds(lambda sign, num, unit: f"{sign}{num}{unit}",
                          st.sampled_from(SIGNS),
                          st.sampled_from(["0", "1", "5", "12", "90", "100", "2021", "3.5", "0.25", "1,000", "１２"]),
                          st.sampled_from(["", "%", "个", "人", "人次", "次", "家", "天", "个月", "年", "月", "万", "万元",
                                           "万人", "亿元", "元", "分", "小时", "工作日", "个工作日", "次/年", "以上", "内"]))


@FAST
@given(simple_shapes | texts)
def test_simple_targets_read_as_the_general_reading_reads_them(text):
    from jixiao.domain import targets
    from jixiao.domain.text import clean_cell

    raw = clean_cell(text)
    if raw:
        assert targets.parse_target(text) == targets._read(raw)


@FAST
@given(texts | numberish)
def test_target_prechecks(text):
    """The cheap tests before the general reading's regexes answer as the regexes would."""
    from jixiao.domain import targets

    s = targets.normalise_target_text(text) if text else text
    if targets._DEADLINE.match(s):
        assert s[:1] in targets._DEADLINE_FIRST or s[:1].isdecimal()
    if targets._DIGIT.search(s) is None:
        assert targets._formula(s, s) is None and targets._best_match(s) is None
    else:
        assert targets._small_chinese_number(s, s) is None
    if not any(mark in text for mark in ".、)．）"):
        assert targets._ENUMERATOR.sub("", text) == text


@FAST
@given(texts)
def test_head_key_joins_row_keys(text):
    from jixiao.ingest.grid import Grid, Row

    lines = text.split("\n") if "\n" in text else [text[i:i + 5] for i in range(0, len(text), 5)]
    grid = Grid("f", [Row(line.split("\t")) for line in lines])
    for n in (1, 2, 5, 40):
        assert grid.head_key(n) == compact(grid.head_text(n))
        for limit in (0, 1, 3, 7, 20):
            assert grid.head_key(n, limit) == compact(grid.head_text(n)[:limit])


@FAST
@given(st.lists(st.sampled_from(["(", "（", ")", "）", "a", "中", "1"]), max_size=20).map("".join))
def test_paren_depth_by_runs(text):
    from jixiao.domain.basis_terms import paren_depth

    out, d = [], 0
    for ch in text:
        if ch in "(（":
            d += 1
        out.append(d)
        if ch in ")）" and d:
            d -= 1
    assert paren_depth(text) == out


def _align_ref(targets, slots):
    from jixiao.ingest.forms.wide_indicators import _fit

    n, m = len(targets), len(slots)
    if n == 0:
        return []
    if n >= m:
        return slots[:m] + [slots[-1]] * (n - m)
    targets = [compact(t) for t in targets]
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
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


WORDS = ["满意", "及时", "数量", "质量", "成本", "社会", "生态", "可持续", "场", "人次", "合格", "按时", "投诉", "节约", "中"]


@FAST
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=4).map("".join), max_size=9),
       st.lists(st.sampled_from(["quantity", "quality", "timeliness", "cost", "economic", "social", "ecological",
                                 "sustainability", "service_satisfaction", "other_satisfaction"]), min_size=1, max_size=8))
def test_align_fills_only_the_cells_a_full_alignment_uses(targets, slots):
    from jixiao.ingest.forms.wide_indicators import align

    assert align(targets, slots) == _align_ref(targets, slots)


@FAST
@given(texts)
def test_reader_prechecks(text):
    """First-character and word tests that spare a normalisation answer as the normalised test would."""
    from jixiao.ingest.forms import budget_figures, budget_function_tables, budget_names, wide_indicators
    from jixiao.ingest.forms.common import find_year

    t = budget_cells.plain(text)
    if not budget_cells.may_be_digits(text):
        assert not budget_function_tables.is_function_code(t)
    if text.lstrip(" \u3000#*")[:1] not in budget_function_tables._NUMERALS:
        assert not budget_function_tables._NUMBERED.match(t)
    assert budget_names.strip_list_mark(text) == budget_names._LIST_MARK.sub("", t).strip()
    label = budget_names.strip_list_mark(budget_figures._PAREN.sub("", text).replace("*", ""))
    assert budget_figures.clean_label(text) == budget_figures._LEAD.sub("", label).strip()[-60:]
    if "年" not in text:
        assert find_year(to_halfwidth(text).replace(" ", "")) is None
    cleaned = wide_indicators._NUMBERING.sub("", text)
    assert wide_indicators._short_name(text) == wide_indicators._NAME_END.split(cleaned, maxsplit=1)[0][:40]


LINE_PIECES = ["\t", "\n", "\r\n", "\r", " ", "  ", "\u3000", "\xa0", "\f", "\x0b", "\x1f", "\x85", "\u2028",
               "<p>", "</p>", "&amp;", "<input checked type=checkbox>", "a", "中", "表15", "12.5"]
tab_texts = st.lists(st.sampled_from(LINE_PIECES) | st.characters(blacklist_categories=("Cs",)),
                     max_size=30).map("".join)


def _tsv_cells_ref(text: str) -> list[list[str]]:
    """The plain definition: every cell of every line cleaned when its line holds markup or wide
    spaces, else stripped; CR/LF end lines."""
    from jixiao.domain.text import clean_cell

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    marks = ("<", "&", "\u3000", "\xa0", "  ")
    return [[clean_cell(c) if any(m in line for m in marks) else c.strip() for c in line.split("\t")]
            for line in lines]


@FAST
@given(tab_texts)
def test_tab_text_cleans_only_the_lines_that_need_it(text):
    from hypothesis import assume

    from jixiao.ingest.grid import SourceError
    from jixiao.ingest.sources import tsv_text

    try:
        grid = tsv_text.read(text.encode("utf-8"), "x.txt")
    except SourceError:  # mostly control characters: refused as binary, the right answer
        assume(False)
    assert [r.cells for r in grid.rows] == _tsv_cells_ref(text)
    assert [r.line for r in grid.rows] == list(range(1, len(grid.rows) + 1))


@FAST
@given(st.lists(texts, min_size=1, max_size=6))
def test_memos_answer_as_the_functions_do_across_documents(cells):
    """compact and parse_target remember per document; a new document starts afresh and answers
    the same."""
    from jixiao.domain import memo, targets
    from jixiao.domain.text import compact as memo_compact

    for cell in cells:
        assert memo_compact(cell) == memo_compact.__wrapped__(cell)
        assert targets.parse_target(cell) == targets.parse_target.__wrapped__(cell)
    memo.new_document()
    assert memo_compact.cache_info().currsize == 0
    assert [memo_compact(c) for c in cells] == [memo_compact.__wrapped__(c) for c in cells]
