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
from jixiao.ingest.forms import budget_cells, budget_target_facts, budget_target_tables, wide_indicators

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


def _fit(t, slot):
    """How well compacted text ``t`` talks about category ``slot`` (the reference definition)."""
    from jixiao.ingest.forms.wide_indicators import _KEYWORDS

    words, weight = _KEYWORDS.get(slot, ((), 0.0))
    return weight * sum([w in t for w in words])


def _align_ref(targets, slots):
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

    # a tab-separated file: every line ends in one more cell (other text is read by its layouts)
    text = "\n".join(f"{line}\t末" for line in re.split(r"\r\n|\r|\n", text))
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


# --- 部门预算 readers: memos, one-pattern rules, half-width figures, positional records ----------

def _read_amount_ref(text):
    """read_amount as first written: the last character a digit, then the plain or general reading."""
    if text is None:
        return None
    t = text.strip()
    if not t or not t[-1].isdecimal():
        return None
    value = numbers.plain_decimal(t)
    return value if value is not None else numbers.parse_decimal.__wrapped__(t)


@FAST
@given(st.lists(texts | numberish, min_size=1, max_size=6))
def test_budget_number_memos_answer_as_the_plain_definitions(cells):
    """parse_decimal and plain remember per document; read_amount/is_amount are parse_decimal."""
    from jixiao.domain import memo

    for _ in range(2):  # the second round from the memos
        for cell in cells:
            want = numbers.parse_decimal.__wrapped__(cell)
            got = numbers.parse_decimal(cell)
            assert (repr(got), got) == (repr(want), want)
            assert repr(budget_cells.read_amount(cell)) == repr(_read_amount_ref(cell))
            assert budget_cells.is_amount(cell) == (_read_amount_ref(cell) is not None)
            assert budget_cells.plain(cell) == budget_cells.plain.__wrapped__(cell)
    memo.new_document()
    assert numbers.parse_decimal.cache_info().currsize == 0
    assert budget_cells.read_amount(None) is None


def _all_budget_rules():
    from jixiao.ingest.forms import budget_function_tables, budget_list_tables, budget_unit_tables

    return {r for rules in (budget_unit_tables.TABLE3, budget_unit_tables.TABLE7, budget_unit_tables.TABLE13,
                            budget_list_tables.TABLE11, budget_list_tables.TABLE12, budget_function_tables.RULES)
            for r in rules}


def _matches_ref(rule, header):
    hit = any(header == w[1:] if w.startswith("=") else w in header for w in rule.words)
    return hit and not any(w in header for w in rule.unless)


RULE_WORDS = sorted({w.lstrip("=") for r in _all_budget_rules() for w in (*r.words, *r.unless)})
headers = st.lists(st.sampled_from(RULE_WORDS + ["单位", "(", ".", "*", "年", "万元", "\n"]) | st.characters(),
                   max_size=5).map("".join)


@FAST
@given(headers, st.lists(st.sampled_from(["单位", "=单位", "=", "", "a.b", "合计", "(x)"]), max_size=3),
       st.lists(st.sampled_from(["采购", "运行", "", "*"]), max_size=2))
def test_rule_patterns_match_as_the_word_loop(header, words, unless):
    for rule in _all_budget_rules():
        assert rule.matches(header) == _matches_ref(rule, header)
    rule = budget_cells.Rule("k", "text", tuple(words), tuple(unless))
    assert rule.matches(header) == _matches_ref(rule, header)
    assert rule == budget_cells.Rule("k", "text", tuple(words), tuple(unless))  # patterns are not compared


def _read_cells_ref(row, cols):
    """read_cells as first written: every non-empty cell in its header's column and of its shape."""
    by_position, fits = {}, bool(cols.keys)
    for i, cell in enumerate(row.cells):
        if not cell.strip():
            continue
        key = cols.keys.get(i)
        if key is None or not budget_cells.cell_kind_ok(cols.kinds[key], cell):
            fits = False
            break
        by_position[key] = (cell, i)
    return by_position if fits else budget_cells._by_shape(row, cols)


CELL_PIECES = ["", " ", "0", "12", "1,234", "9, 528. 09", "-", "—", "2020年", "2210203", "A02", "合计", "单位",
               "预算单位", "科目编码", "支出总计", "基本支出", "*", "#", "１２", "项目"]


@FAST
@given(st.lists(st.sampled_from(CELL_PIECES) | texts, max_size=7),
       st.dictionaries(st.integers(0, 7), st.sampled_from(["unit", "code", "name", "total", "basic_spending"]),
                       max_size=5))
def test_read_cells_and_is_header_as_first_written(cells, keys):
    from jixiao.domain.model import Document
    from jixiao.ingest.forms import budget_unit_tables
    from jixiao.ingest.grid import Row

    row = Row(cells)
    cols = budget_cells.Columns(keys=keys, rules=budget_unit_tables.TABLE7)
    doc = Document(file="f", sha256="x", kind="k", size_bytes=1)
    want = _read_cells_ref(row, cols)
    assert budget_cells.read_cells(row, cols, doc, "表7") == want
    nonempty = [c for c in cells if c.strip()]
    texts_ = [budget_cells.plain(c) for c in nonempty]
    header = bool(nonempty) and not any(_read_amount_ref(c) is not None for c in nonempty) and (
        any(r.matches(t) for r in budget_unit_tables.TABLE7 for t in texts_) or any("项目" in t for t in texts_))
    assert budget_cells.is_header(row, budget_unit_tables.TABLE7, ("项目",)) == header


def _title_kind_ref(text):
    from jixiao.ingest.forms import budget_split

    t = budget_cells.plain(text)
    if len(text) > 80 or not t or len(t) > 40 or not re.search("表$", t):
        return None
    for kind, label, words, unless in budget_split.CATALOG:
        if any(w in t for w in words) and not any(w in t for w in unless):
            return kind, label
    return None


@FAST
@given(st.lists(st.sampled_from(["表", "## ", "**", "部门", "收支", "财政拨款", "一般公共预算支出", "基本支出", "三公",
                                 "项目绩效目标表", "支出总表", "情况", " ", "（", "）"]) | st.characters(),
                max_size=8).map("".join))
def test_title_kind_memo_answers_as_the_catalogue(text):
    from jixiao.ingest.forms import budget_split

    assert budget_split.title_kind(text) == _title_kind_ref(text)
    assert budget_split.title_kind(text) == _title_kind_ref(text)  # the second time from the memo


NARRATIVE_PIECES = ["1", "12", "2,282", "6.63", "2020", "年", "万元", "亿元", "元", "%", "％", "人", "人次", "辆",
                    "台（套）", "台(套)", "家", "项", "，", ",", "。", "；", "：", "、", "(", "（", ")", "）", "其中",
                    "包括", "主要用于", "用于", "为", "减少", "增加", "持平", "1.", "（一）", "二、", " ", "\u3000",
                    "*", "#", "＊", "＃", "０", "预算", "人员支出", "\n", "a", "."]
narrative = st.lists(st.sampled_from(NARRATIVE_PIECES) | st.characters(), max_size=24).map("".join)


def _figures_ref(text):
    """figures_in as first written: labels by clean_label after the last boundary found by a scan."""
    from decimal import InvalidOperation as Invalid

    from jixiao.ingest.forms import budget_figures as bf

    half = to_halfwidth(text)
    out, prev_end = [], 0
    for m in bf._FIGURE.finditer(half):
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except Invalid:
            continue
        before = half[prev_end:m.start()]
        cut = [b.end() for b in bf._BOUNDARY.finditer(before)]
        after = bf._AFTER.match(half[m.end():])
        label = bf.clean_label(before[cut[-1]:] if cut else before) or (bf.clean_label(after.group(1)) if after else "")
        if bf._DOWN.search(label):
            value = -value
        unit = "台(套)" if m.group(2) in ("台(套)", "台") else m.group(2)
        out.append((repr(value), unit, label, m.start(1), m.end()))
        prev_end = m.end()
    return out


@FAST
@given(narrative)
def test_figures_of_the_half_width_text_as_first_written(text):
    from jixiao.ingest.forms import budget_figures as bf
    from jixiao.ingest.forms import budget_narrative as bn

    got = [(repr(f.value), f.measure_unit, f.label, f.start, f.end) for f in bf.figures_in(text)]
    assert got == _figures_ref(text)
    half = to_halfwidth(text)
    assert bf._half_label(half) == bf.clean_label(half)
    assert bn._plain_of(text, half) == budget_cells.plain(text)
    assert bn.ends_sentence(text) == bool(bn._END.search(text))
    assert bn.ends_sentence(text.strip()) == bool(bn._END.search(text.strip()))


def test_records_made_by_position_keep_their_field_order():
    """The readers make these records positionally (a keyword call costs twice as much): pin the order."""
    from dataclasses import fields

    from jixiao.domain.budget import BudgetLine, Staffing, StatedFigure
    from jixiao.ingest.forms.budget_figures import Figure

    assert [f.name for f in fields(BudgetLine)] == [
        "table", "label", "amount", "stated_amount", "money_unit", "unit", "function_code", "function_name",
        "function_level", "fund_source", "spending_type", "row_kind", "stated", "code_derived", "detail", "source",
        "year", "phase", "column", "table_title", "category"]  # printed tables' facts, by keyword
    assert [f.name for f in fields(StatedFigure)] == [
        "what", "label", "value", "measure_unit", "amount", "unit", "part", "text", "source", "year", "phase",
        "change", "base_year", "table", "code", "category", "ratio", "subject", "base", "line", "describes"]
    assert [f.name for f in fields(Staffing)] == ["unit", "measure", "count", "label", "text", "source"]
    assert [f.name for f in fields(Figure)] == ["value", "measure_unit", "label", "start", "end"]


# 表14/表15 readers: the one-pass versions against their plain definitions, on rows of stripped
# cells (as every Row holds) mixing category labels, row labels, fact labels, values and text.
TARGET_CELLS = ["", "数量指标", "*质量指标", "＊时效指标", "产出指标", "产出", "效益指标", "效果目标", "满意度指标",
                "满意度目标", "成本指标", "经济成本指标", "满意度", "年度绩效指标", "绩效指标", "目标内容", "年度主要任务",
                "年度 总体目标", "三级指标", "指标目标值", "≥95%", "100%", "12.5", "1,000", "培训人数", "按时完成", "合计",
                "项目名称", "项 目名称", "项目名称：甲", "项目概况", "部门（单位）名称", "部门(单位)名称", "实施单位", "乙单位",
                "资产采购计划", "采购品目 无", "项目总金额", "本年度项目金额（万元）", "（元）", "☑一般性 ☐专项",
                "项目绩效目标表", "整体支出绩效目标表", "表15", "表14", "# 表 15"]
target_cells = st.lists(st.sampled_from(TARGET_CELLS) | texts.map(str.strip), max_size=6)


def _text_rows(rows: list[list[str]]) -> list:
    from jixiao.ingest.grid import Row

    return [Row.at_line(cells, "t.txt", n) for n, cells in enumerate(rows, start=1)]


target_rows = st.lists(target_cells, max_size=10).map(_text_rows)


def _indicator_table_ref(rows, project, doc, source_column):
    """read_indicator_table as first written: row labels blanked, split_level_cells, update."""
    from jixiao.domain.model import Indicator, ParseWarning
    from jixiao.domain.targets import parse_target

    tracker = levels.LevelTracker()
    pending, level1_texts = [], {}
    for row in rows:
        cells = ["" if budget_target_tables._is_row_label(c) else c for c in row.cells]
        split = levels.split_level_cells(cells)
        level1, level2 = tracker.update(split)
        if split.level1 is not None:
            level1_texts.setdefault(split.level1.code, split.level1.text)
        code1, text1, code2, text2, required = levels.indicator_levels(level1, level2)
        if code2 is not None and pending:
            for ind in pending:
                ind.level1, ind.level2, ind.level2_text = code1, code2, text2
            pending = []
        rest = [(i, c.strip()) for i, c in split.rest]
        if not rest:
            continue
        if len(rest) == 1 and project.indicators and not project.indicators[-1].target.text \
                and parse_target(rest[0][1]).op:
            project.indicators[-1].target = parse_target(rest[0][1])
            continue
        ind = Indicator(level1=code1, level2=code2, name=rest[0][1],
                        target=parse_target(rest[1][1] if len(rest) > 1 else ""),
                        source_of_value=rest[2][1] if source_column and len(rest) > 2 else None,
                        required=required, level1_text=text1, level2_text=text2, source=row.ref_of(rest[0][0]))
        project.indicators.append(ind)
        if code2 is None:
            pending.append(ind)
    for ind in project.indicators:
        if ind.level1_text is None and ind.level1 in level1_texts:
            ind.level1_text = level1_texts[ind.level1]
    missing = [i.name for i in project.indicators if not i.target.text]
    if missing:
        doc.warnings.append(ParseWarning(f"“{project.name}”有{len(missing)}个指标没有指标值",
                                         project.source, "；".join(missing)[:500]))


@FAST
@given(target_rows, st.booleans())
def test_indicator_table_in_one_pass(rows, source_column):
    from jixiao.domain.model import Document, Project

    def read(reader):
        project, doc = Project(name="p", unit=None), Document(file="t.txt", sha256="-", kind="x")
        reader(rows, project, doc, source_column)
        return project.indicators, doc.warnings

    assert read(budget_target_tables.read_indicator_table) == read(_indicator_table_ref)
    for row in rows:
        labels, rest, name_at = budget_target_tables._indicator_cells(row.cells)
        split = levels.split_level_cells(["" if budget_target_tables._is_row_label(c) else c for c in row.cells])
        assert (levels.resolve_levels(labels) if labels else (None, None)) == (split.level1, split.level2)
        assert (rest, name_at) == ([c for _, c in split.rest], split.rest[0][0] if split.rest else -1)
        for cell in filter(None, row.cells):
            if levels.level_label(cell) is not None:
                assert cell[0] in levels.LABEL_START
            if budget_target_tables._is_row_label(cell):
                assert cell[0] in budget_target_tables._ROW_LABEL_CHARS


def _read_facts_ref(rows):
    tokens = [(t, row, i) for row in rows for i, c in enumerate(row.cells) if (t := c.strip())]
    labels = [budget_target_facts._label(cell) for cell, _, _ in tokens]
    facts = {}
    for k, (cell, row, col) in enumerate(tokens):
        found = labels[k]
        if found is None or found[1] is None:
            continue
        word, key, inline = found
        if inline:
            facts.setdefault(key, (word, inline, row, col))
        elif k + 1 < len(tokens) and labels[k + 1] is None:
            value, vrow, vcol = tokens[k + 1]
            facts.setdefault(key, (word, value, vrow, vcol))
    return facts


def _segments_ref(rows, anchor, title):
    starts_with = budget_target_tables.starts_with
    anchor, title = compact(anchor), compact(title)
    segments, anchored, has_anchor = [[]], [False], False
    for row in rows:
        first = row.nonempty()
        is_anchor = starts_with(first[0], anchor) if first else False
        raw = row.text()
        starts = len(raw) < 60 and "表" in raw and budget_target_tables._starts_table(compact(raw).lstrip("#"), title)
        if has_anchor and (starts or is_anchor):
            segments.append([])
            anchored.append(False)
            has_anchor = False
        segments[-1].append(row)
        has_anchor = has_anchor or is_anchor
        anchored[-1] = anchored[-1] or is_anchor
    return [s for s, a in zip(segments, anchored) if a or any(starts_with(c, anchor) for r in s for c in r.cells)]


def _task_ref(row, money_unit):
    from jixiao.domain.numbers import parse_decimal, to_yuan

    numbers = [(i, v) for i, c in enumerate(row.cells) if (v := parse_decimal(c)) is not None]
    taken = {i for i, _ in numbers}
    texts = [c.strip() for i, c in enumerate(row.cells)
             if c.strip() and i not in taken and not budget_target_tables._is_row_label(c)]
    if len(numbers) < 2 or not texts:
        return None
    values = [to_yuan(v, money_unit) for _, v in numbers[-3:]]
    return {"name": compact(texts[0]) if compact(texts[0]) == "合计" else texts[0],
            "content": texts[1] if len(texts) > 1 else None, "total": values[0],
            "parts": dict(zip(("fiscal", "non_fiscal"), values[1:]))}


@FAST
@given(target_rows)
def test_target_table_facts_segments_and_tasks_in_one_pass(rows):
    assert budget_target_facts.read_facts(rows) == _read_facts_ref(rows)
    for anchor, title in (("项目名称", "项目绩效目标表"), ("部门（单位）名称", "整体支出绩效目标表")):
        assert budget_target_tables._segments(rows, anchor, title) == _segments_ref(rows, anchor, title)
    for row in rows:
        for unit in ("yuan", "wan_yuan"):
            assert budget_target_tables._task(row, unit) == _task_ref(row, unit)


def test_indicators_made_by_position_keep_their_field_order():
    """read_indicator_table makes Indicators positionally: pin the order of their fields."""
    from dataclasses import fields

    from jixiao.domain.model import Indicator

    assert [f.name for f in fields(Indicator)] == [
        "level1", "level2", "name", "target", "actual", "note", "weight", "score", "deviation_reason", "required",
        "source_of_value", "level1_text", "level2_text", "source"]


# 测算依据 scans: the patterns as they were written before the regex engine was spared work
# (optional groups as empty branches, possessive numbers, the 以上 reading as an alternative);
# the matches, their spans and every group must be the same.
_OLD_UNIT = r"(?:{units})(?:/[\u4e00-\u9fa5]{{1,3}}){{0,3}}"
_OLD_PAREN = r"(?:\s*[(（][^()（）]{0,20}[)）])?"
_OLD_FIRST_NUM = r"[约\d](?:(?<=约)\d|(?<=\d)(?<!\d\d))\d*(?:,\d{3})*(?:\.\d+)?"


def _old_basis_scans():
    from jixiao.domain.basis_terms import UNITS

    u = _OLD_UNIT.format(units="|".join(re.escape(x) for x in UNITS))
    result = rf"\s*(?P<eq>=|≈)\s*约?(?P<rn>{_NUM})\s*(?P<ru>{u})?"
    return {
        "_PRODUCT": rf"{_OLD_FIRST_NUM}\s*(?:{u})?{_OLD_PAREN}(?:\s*\*\s*约?{_NUM}\s*(?:{u})?{_OLD_PAREN})+(?:{result})?",
        "_SUM": rf"{_NUM}\s*(?:{u})?{_OLD_PAREN}(?:\s*\+\s*{_NUM}\s*(?:{u})?{_OLD_PAREN})+{result}",
        "_RATE": rf"(?P<n>\d(?<!\d\d)\d*(?:,\d{{3}})*(?:\.\d+)?)(?P<u>人次|人|家|个|次|台|份|户|名)[,，]\s*(?P<r>{_NUM})"
                 rf"(?P<ru>万元|万|元)/(?P=u)",
        "_AMOUNT": rf"(?P<n>\d(?<![\d.]\d)\d*(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<u>亿元|万元|元|万(?![\u4e00-\u9fa5]))(?P<per>/)?",
        "_TOTAL": rf"(?P<above>以上[^\d,，。；;:：]{{0,6}})?(?P<word>合计|共计|总计|小计|总共|共)[:：为]?\s*约?"
                  rf"(?P<n>{_NUM})\s*(?P<u>亿元|万元|元|万)",
    }


BASIS_PIECES = SCAN_PIECES + ["+", "＋", "以上", "合计", "共计", "总计", "小计", "总共", "共", "为", "亿元", "个月", "人次",
                              "万平方米", "/平方米", "/月", "/人/年", "(8*1000年终考核)", "（2人）", ",5", "1.5", "0.",
                              "\t", "  ", "x", "×"]
basis_texts = st.lists(st.sampled_from(BASIS_PIECES) | st.characters(), max_size=24).map("".join)


@FAST
@given(basis_texts)
def test_basis_scans_find_what_they_found_before(text):
    from jixiao.domain import basis_terms

    for name, plain in _old_basis_scans().items():
        fast, slow = getattr(basis_terms, name), re.compile(plain)
        names = [g for g in fast.groupindex]
        assert [(m.span(), m.group(*names) if names else ()) for m in fast.finditer(text)] == \
            [(m.span(), m.group(*names) if names else ()) for m in slow.finditer(text)], name


@FAST
@given(basis_texts)
def test_basis_text_normalised_as_before(text):
    from jixiao.domain import basis_terms
    from jixiao.domain.text import clean_cell

    s = numbers.normalise_number_text(clean_cell(text))[:basis_terms.MAX_CHARS]
    s = basis_terms._TIMES_X.sub("*", s.replace("×", "*").replace("＊", "*").replace("约等于", "≈"))
    assert basis_terms.normalise_basis_text(text) == s
    # the stray-space pattern that starts with its space finds what the lookbehind-first one finds
    plain = re.compile(r"(?<=[\d,.])\s+(?=[\d,.])")
    assert [m.span() for m in numbers._STRAY.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _dec_str_ref(d):
    try:
        d = d.normalize() if d == d.to_integral_value() else d
        return format(d.quantize(Decimal(1)) if d == d.to_integral_value() else d, "f")
    except InvalidOperation:
        return format(d, "f")


def _yuan_str_ref(d):
    from decimal import localcontext

    if d is None:
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = 60
            return format(d.quantize(Decimal("0.01")), "f")
    except InvalidOperation:
        return format(d, "f")


def _base_ref(q):
    from jixiao.domain.basis_terms import _SCALE

    u = q.unit or ""
    if u.startswith("%"):
        return q.value / 100
    return q.value * _SCALE.get(u[:1], Decimal(1))


def _computed_base_ref(term):
    from decimal import localcontext

    if not term.factors:
        return None
    with localcontext() as ctx:
        ctx.prec = 60
        if term.kind == "product":
            out = Decimal(1)
            for f in term.factors:
                out *= _base_ref(f)
            return +out
        return +sum((_base_ref(f) for f in term.factors), Decimal(0))


decimals = (st.decimals(allow_nan=False, allow_infinity=False)
            | st.from_regex(r"[1-9][0-9]{0,70}(\.[0-9]{0,40})?", fullmatch=True).map(Decimal)
            | st.sampled_from([Decimal("1E+30"), Decimal("1234567890123456789012345678901"), Decimal("0.00"),
                               Decimal("-0"), Decimal("100.00"), Decimal("1E-40"), Decimal("Infinity")]))
basis_units = st.sampled_from([None, "", "%", "%/年", "‰", "元", "万元", "亿元", "万", "亿", "人", "元/人", "万/人"])


@FAST
@given(st.lists(st.tuples(decimals, basis_units), min_size=0, max_size=4), st.sampled_from(["product", "sum"]))
def test_basis_decimals_as_under_a_local_context(factors, kind):
    from jixiao.domain.basis_terms import Quantity, Term, dec_str, yuan_str

    def outcome(fn, *args):  # the text of the result, or the exception raised
        try:
            return str(fn(*args))
        except ArithmeticError as e:
            return type(e)

    for value, _ in factors:
        assert outcome(dec_str, value) == outcome(_dec_str_ref, value)
        assert outcome(yuan_str, value) == outcome(_yuan_str_ref, value)
    quantities = [Quantity(v, u) for v, u in factors]
    for q in quantities:
        assert outcome(q.base) == outcome(_base_ref, q)
    term = Term(kind, "t", quantities, None, 0, 1)
    assert outcome(term.computed_base) == outcome(_computed_base_ref, term)


# 申报表 and 项目支出绩效目标表 readers against their first definitions.
DECLARATION_CELLS = TARGET_CELLS + ["项目编码：", "项目名称：", "项目名称:", "甲项目", "实施期限：", "4", "测算依据：",
                                    "本年度项目金额（万元）：", "不适用", "不 适用", "不适用啊", "*成本指标", "社会效益指标",
                                    "一级指标", "二级指标", "三级指标", "指标值", "指标解释", "：", "项目：", "测算依据"]
declaration_rows = st.lists(st.lists(st.sampled_from(DECLARATION_CELLS) | texts.map(str.strip), max_size=6),
                            max_size=10).map(_text_rows)


def _label_pairs_ref(row):
    from jixiao.ingest.forms.target_declaration import field_of

    out = []
    cells = row.cells
    for i, cell in enumerate(cells):
        if not cell.strip().endswith((":", "：")):
            continue
        key = field_of(cell)
        if key is None:
            continue
        j = next((k for k in range(i + 1, len(cells)) if cells[k].strip()), None)
        if j is not None and field_of(cells[j]) is None:
            out.append((key, cell.strip(), cells[j].strip(), j))
    return out


def _declaration_indicators_ref(rows, project, doc):
    from jixiao.domain.model import Indicator, NotApplicable, ParseWarning
    from jixiao.domain.targets import parse_target

    tracker = levels.LevelTracker()
    for row in rows:
        if not row.nonempty():
            continue
        split = levels.split_level_cells(row.cells)
        level1, level2 = tracker.update(split)
        code1, text1, code2, text2, required = levels.indicator_levels(level1, level2)
        rest = [c for _, c in split.rest]
        if not rest:
            continue
        if all(len(c) < 8 and compact(c) == "不适用" for c in rest[:2]):
            project.not_applicable.append(NotApplicable(code1, code2, required, row.ref))
            continue
        name_at = split.rest[0][0]
        target_text = rest[1] if len(rest) > 1 else ""
        if not target_text:
            doc.warnings.append(ParseWarning(f"项目“{project.name}”的指标“{rest[0]}”没有指标值",
                                             row.ref, "\t".join(row.cells)))
        project.indicators.append(Indicator(
            level1=code1, level2=code2, name=rest[0], target=parse_target(target_text),
            note=rest[2] if len(rest) > 2 else None, required=required, level1_text=text1,
            level2_text=text2, source=row.ref_of(name_at)))


@FAST
@given(declaration_rows)
def test_declaration_rows_in_one_pass(rows):
    from jixiao.domain.model import Document, Project
    from jixiao.ingest.forms import target_declaration as td

    def read(reader):
        project, doc = Project(name="p", unit=None), Document(file="t.txt", sha256="-", kind="x")
        reader(rows, project, doc)
        return project.indicators, project.not_applicable, doc.warnings

    assert read(td.read_indicator_rows) == read(_declaration_indicators_ref)
    for row in rows:
        assert td.label_pairs(row) == _label_pairs_ref(row)
    titled = [row for row in rows if len(row.text()) < 60 and td._TITLE in compact(row.text())]
    assert [block[0] for block in td.split_forms(rows)] == titled


def _indicator_text_ref(text):
    from jixiao.domain.levels import LEVEL1_NAMES, level1_code
    from jixiao.domain.model import Indicator
    from jixiao.domain.targets import parse_target
    from jixiao.ingest.forms import target_list as tl

    def pairs_ref(body):
        parts = tl._VALUE_LABEL.split(body)
        if len(parts) < 2:
            return []
        out, name = [], parts[0]
        for k, part in enumerate(parts[1:], start=1):
            if k < len(parts) - 1:
                cut = max(part.rfind("；"), part.rfind(";"), part.rfind("。"))
                value, following = (part[:cut], part[cut + 1:]) if cut >= 0 else (part, "")
            else:
                value, following = part, ""
            out.append((tl._tidy(name), tl._tidy(value)))
            name = following
        return out

    indicators, unparsed, loose = [], [], []
    for item in tl.split_items(text or ""):
        m = tl._LEVEL.match(item)
        level1 = level1_code(m.group(1)) if m else None
        level1_text = (m.group(1) + (m.group(2) or "")) if m else None
        body = item[m.end():] if m else item
        pairs = pairs_ref(body)
        if not pairs:
            pair = tl._colon_pair(body)
            if pair is None or level1 is None:
                unparsed.append(item)
                continue
            loose.append(item)
            pairs = [pair]
        for name, value in pairs:
            name, note = tl._name_and_note(name)
            indicators.append(Indicator(
                level1=level1, level2=None, name=name, target=parse_target(value), note=note,
                level1_text=level1_text or LEVEL1_NAMES.get(level1 or "")))
    return indicators, unparsed, loose


INDICATOR_TEXT_PIECES = ["1、", "2、", "3.", " 4．", "。", "；", ";", "产出指标：", "效益目标:", "满意度：", "成本指标：",
                         "效果：", "年度指标值：", "年度指标值 :", "年度指标值", "，", "服务对象满意度（%）", "≥90%", "30000人",
                         "满意程度，企业满意度=平均分/总分*100%", "仲裁满意度：邮寄案件95%", " ", "\n", "12"]
indicator_texts = st.lists(st.sampled_from(INDICATOR_TEXT_PIECES) | texts, max_size=14).map("".join)


@FAST
@given(indicator_texts)
def test_indicator_text_as_first_written(text):
    from jixiao.ingest.forms import target_list as tl

    assert tl.parse_indicator_text(text) == _indicator_text_ref(text)


# --- 部门预算项目绩效自评表: fast paths against the definitions first written -------

def _is_completion_word_ref(text):
    from jixiao.ingest.forms.wide_indicators import _COMPLETION_WORDS

    return compact(text).rstrip("。.") in _COMPLETION_WORDS


def _short_name_ref(text):
    from jixiao.ingest.forms.wide_indicators import _NAME_END, _NUMBERING

    text = _NUMBERING.sub("", text)
    end = _NAME_END.search(text)
    return (text[:end.start()] if end else text)[:40]


def _pair_up_ref(cells):
    pairs, k = [], 0
    word = [_is_completion_word_ref(c) for _, c in cells]
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


def _read_texts_ref(row, start, slots, project):
    """read_texts as first written: (column, cell) tuples, keyword Indicators, strip() tests."""
    from jixiao.domain.levels import LEVEL2_NAMES, parent_of
    from jixiao.domain.model import Indicator, NotApplicable
    from jixiao.domain.targets import parse_target
    from jixiao.ingest.forms.wide_indicators import _is_problem, _is_rectification

    cells = list(enumerate(row.cells[start:], start)) if start >= 0 else list(enumerate(row.cells))
    while cells and not cells[-1][1].strip():
        cells.pop()
    if not cells:
        return
    project.goal = cells[0][1] or None
    if len(cells) > 1:
        project.status_text = cells[1][1] or None
    rest = [(i, c) for i, c in cells[2:] if c.strip()]
    if rest and _is_completion_word_ref(rest[0][1]) and not _is_completion_word_ref(project.status_text or "完成"):
        project.status_text = f"{project.status_text}；{rest[0][1]}"
        rest = rest[1:]
    if len(rest) >= 2 and _is_rectification(rest[-1][1]) and _is_problem(rest[-2][1]):
        project.problems, project.rectification = rest[-2][1], rest[-1][1]
        rest = rest[:-2]
    pairs = _pair_up_ref(rest)
    if project.problems is None and len(pairs) > 1 and len(pairs[-1]) == 1 \
            and wide_indicators._is_lone_problem(pairs[-1][0][1]):  # the problems cell, rectification empty
        project.problems = pairs[-1][0][1]
        pairs = pairs[:-1]
    categories = _align_ref([p[0][1] for p in pairs], slots)
    for pair, slot in zip(pairs, categories):
        (ti, ttext) = pair[0]
        atext = pair[1][1] if len(pair) > 1 else None
        if "适" in ttext and compact(ttext) == "不适用":
            project.not_applicable.append(NotApplicable(parent_of(slot), slot, False, row.ref_of(ti)))
            continue
        project.indicators.append(Indicator(
            level1=parent_of(slot), level2=slot, name=_short_name_ref(ttext),
            target=parse_target(ttext), actual=parse_target(atext) if atext else None,
            level2_text=LEVEL2_NAMES.get(slot), source=row.ref_of(ti),
        ))


WIDE_CELLS = ["", "完成", "已完成", "已完成。", "完成.", "未完成", "基本完成", "部分完成", "不适用", "不 适用", "完 成",
              "\u3000完成", "无", "/", "整改到位", "因疫情影响未完成", "受疫情影响", "完成率较低", "1. 满意度≥90%",
              "2、按时完成", "数量10个", "≥95%", "100%", "年底前完成", "提高效率，节约成本", "垃圾分类", "投诉0件",
              "12 . 质量合格", "服务对象满意度≥85%；群众认可", "不少于3次", "合格"]
wide_cells = st.lists(st.sampled_from(WIDE_CELLS) | texts.map(str.strip), max_size=16)
SLOT_NAMES = ["quantity", "quality", "timeliness", "cost", "economic", "social", "ecological", "sustainability",
              "service_satisfaction", "other_satisfaction"]


@FAST
@given(wide_cells, st.integers(-1, 4), st.lists(st.sampled_from(SLOT_NAMES), min_size=1, max_size=8),
       st.booleans())
def test_wide_row_texts_as_first_written(cells, start, slots, addressed):
    """read_texts by column, completion words by set, list numbers only when a digit or space leads."""
    from jixiao.domain import memo
    from jixiao.domain.model import Project
    from jixiao.domain.source import SourceRef
    from jixiao.ingest.forms import wide_indicators as wi
    from jixiao.ingest.grid import Row

    if addressed:  # a workbook row: each cell cites its own address
        row = Row(cells, SourceRef("x.xlsx", 3), [f"A{i}" for i in range(len(cells))])
    else:
        row = Row.at_line(cells, "x.txt", 3)
    got, want = Project(name="p", unit=None), Project(name="p", unit=None)
    wi.read_texts(row, start, slots, got)
    _read_texts_ref(row, start, slots, want)
    assert got == want
    for c in cells:
        assert wi._is_completion_word(c) == _is_completion_word_ref(c)
        assert wi._short_name(c) == _short_name_ref(c)
    tuples = [(i, c) for i, c in enumerate(cells) if c]
    pairs = [[tuples[k] for k in pair if k >= 0] for pair in wi._pair_at([c for _, c in tuples])]
    assert pairs == _pair_up_ref(tuples)
    memo.new_document()


def _slots_from_header_ref(cells):
    from jixiao.domain.levels import level2_code
    from jixiao.ingest.forms.wide_indicators import DEFAULT_SLOTS

    slots = []
    for cell in cells:
        t = compact(cell)
        if not t.endswith("指标") or len(t) > 12 or t in ("满意度指标", "产出指标", "效益指标"):
            continue
        code = level2_code(t)
        if code and code not in slots:
            slots.append(code)
    return slots or list(DEFAULT_SLOTS)


def _layout_from_ref(header_rows):
    from jixiao.ingest.forms.common import fund_code
    from jixiao.ingest.forms.self_evaluation_table import DEFAULT_SOURCES

    first_col = {}
    for row in header_rows:
        for col, cell in enumerate(row.cells):
            code = fund_code(cell)
            if code and code != "fiscal":
                first_col[code] = min(first_col.get(code, col), col)
    sources = sorted(first_col, key=first_col.__getitem__)
    by_col = sorted((col, cell) for row in header_rows for col, cell in enumerate(row.cells))
    return sources or list(DEFAULT_SOURCES), _slots_from_header_ref([cell for _, cell in by_col])


HEADER_CELLS = ["", "序号", "合计", "其中: 财政拨款", "一般公共预算", "政府性基金", "非财政资金", "其他资金", "单位资金",
                "上年结转", "财政专户", "国有资本", "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标",
                "生态效益指标", "服务对象满意度指标", "满意度指标", "产出指标", "*数量指标", "成本指标", "年度指标内容",
                "完成情况", "指标", "其他满意度指标", "可持续影响指标", "数量 指标"]


@FAST
@given(st.lists(st.lists(st.sampled_from(HEADER_CELLS) | texts.map(str.strip), max_size=10), min_size=1, max_size=4))
def test_wide_header_layout_as_first_written(header):
    """_layout_from reads only the cells that can name a fund or a category, in column order."""
    from jixiao.domain import memo
    from jixiao.ingest.forms import self_evaluation_table as se
    from jixiao.ingest.forms import wide_indicators as wi
    from jixiao.ingest.grid import Row

    rows = [Row.at_line(cells, "x.txt", i) for i, cells in enumerate(header)]
    for _ in range(2):  # the second round from the memos
        layout = se._layout_from(rows)
        assert (layout.sources, layout.slots) == _layout_from_ref(rows)
        flat = [c for cells in header for c in cells]
        assert wi.slots_from_header(flat) == _slots_from_header_ref(flat)
    memo.new_document()


def _outcome(fn, *args):
    """repr of what ``fn`` returns, or the kind of error it raises (Decimal overflow on absurd amounts)."""
    try:
        return repr(fn(*args))
    except ArithmeticError as e:
        return type(e).__name__


def _money_run_ref(cells, start):
    values = []
    for i in range(start, min(len(cells), start + 14)):
        cell = cells[i]
        rate = numbers.parse_percent(cell)
        if rate is not None:
            return values, i, rate
        if not cell.strip():
            values.append(None)
            continue
        value = numbers.parse_decimal(cell)
        if value is None:
            return values, None, None
        values.append(value)
    return values, None, None


def _sums_ref(group):
    parts = [v for v in group[1:] if v is not None]
    return int(not parts or abs(sum(parts) - group[0]) <= Decimal("0.011"))


def _rate_ok_ref(budget, actual, rate):
    if rate is None:
        return 1
    if budget == 0:
        return int(actual == 0)
    return int(abs(actual / budget * 100 - rate) <= Decimal("0.0051") * 2)


def _split_budget_actual_ref(values, rate, n_sources):
    best, best_key = None, None
    for k in range(1, len(values)):
        b, a = values[:k], values[k:]
        if b[0] is None or a[0] is None:
            continue
        key = (_sums_ref(b) + _sums_ref(a) + _rate_ok_ref(b[0], a[0], rate), -abs(len(b) - len(a)),
               -abs(len(b) - 1 - n_sources))
        if best_key is None or key > best_key:
            best, best_key = (b, a), key
    if best is None:
        return values[:1], values[1:2], False
    return best[0], best[1], best_key[0] >= 2 and _sums_ref(best[0]) + _sums_ref(best[1]) == 2


MONEY_CELLS = ["", "0", "0.00", "1", "1.5", "2.50", "3", "4.00", "7.57", "118.66", "1,234.5", "-1", "99.92%", "100%",
               "0.00%", "98.5 %", "９９%", "%", "a", "1e3", "12345678901234567890123456789.5"]
amounts = st.one_of(st.none(),
                    st.sampled_from(["0", "0.00", "1", "1.5", "2.50", "3", "7.57", "118.66", "-2"]).map(Decimal),
                    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**30))


OFF = st.sampled_from(["0", "0", "0.01", "0.011", "-0.011", "0.012", "0.0102", "-0.0102", "0.0103", "1"]).map(Decimal)


@st.composite
def money_runs(draw):
    """Budget and actual groups whose sources (nearly) sum to their totals, and a rate (nearly) stated."""
    def group():
        parts = draw(st.lists(st.one_of(st.none(), st.sampled_from(["0", "0.00", "1.5", "7.57", "30.43"]).map(Decimal)),
                              max_size=4))
        total = sum(p for p in parts if p is not None) + draw(OFF)
        stated = st.sampled_from(["0", "2.50", "118.66"]).map(Decimal)
        return [draw(st.one_of(st.just(total), st.none(), stated))] + parts

    budget, actual = group(), group()
    if budget[0] is not None and draw(st.booleans()):  # a rate that is exact, so the tolerance's edge is met
        actual[0] = budget[0] * draw(st.sampled_from(["1", "0.5", "0.25", "0"]).map(Decimal))
    rate = None
    if budget[0] and actual[0] is not None:
        rate = (actual[0] / budget[0] * 100).quantize(Decimal("0.01")) + draw(OFF)
    return budget + actual, draw(st.one_of(st.just(rate), st.none(), st.just(Decimal("100"))))


@FAST
@given(st.lists(st.sampled_from(MONEY_CELLS) | numberish.map(str.strip), max_size=14), st.integers(0, 3),
       st.lists(amounts, max_size=10) | money_runs().map(lambda r: r[0]), st.one_of(st.none(), amounts),
       money_runs(), st.integers(0, 5))
def test_wide_money_split_as_first_written(cells, start, values, rate, run, n_sources):
    """The money run and the budget/actual split answer as the plain definitions, Decimals to the digit."""
    from jixiao.ingest.forms import self_evaluation_table as se
    from jixiao.ingest.grid import Row

    assert repr(se._money_run(Row.at_line(cells, "x.txt", 1), start)) == repr(_money_run_ref(cells, start))
    assert _outcome(se.split_budget_actual, values, rate, n_sources) == _outcome(
        _split_budget_actual_ref, values, rate, n_sources)
    assert _outcome(se.split_budget_actual, *run, n_sources) == _outcome(_split_budget_actual_ref, *run, n_sources)


def _money_of_ref(total, parts, unit, source=None):
    from jixiao.domain.model import Money

    return Money(total=numbers.to_yuan(total, unit), parts={k: numbers.to_yuan(v, unit) for k, v in parts.items()},
                 source=source)


@FAST
@given(st.one_of(st.none(), amounts), st.dictionaries(st.sampled_from(["general_public", "non_fiscal", "fiscal"]),
                                                      amounts, max_size=3),
       st.sampled_from(["wan_yuan", "yuan", "other"]))
def test_money_of_as_first_written(total, parts, unit):
    from jixiao.ingest.forms.common import money_of

    assert _outcome(money_of, total, parts, unit, "ref") == _outcome(_money_of_ref, total, parts, unit, "ref")


def test_money_made_by_position_keeps_its_field_order():
    """money_of makes Money positionally: pin the order of its fields."""
    from dataclasses import fields

    from jixiao.domain.model import Money

    assert [f.name for f in fields(Money)] == ["total", "parts", "source"]


def test_completion_words_are_their_own_reading():
    """_is_completion_word answers True for a word of the list without normalising it."""
    from jixiao.ingest.forms import wide_indicators as wi

    assert all(_is_completion_word_ref(w) for w in wi._COMPLETION_WORDS)


