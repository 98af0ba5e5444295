"""Target and actual values parsed from text (``不少于10场``, ``≥90%``, ``5个工作日内``, ``良好``)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .memo import per_document
from .target_value import TargetValue
from .text import clean_cell, compact, to_halfwidth
from .vocabulary import units as vocabulary_units

UNITS = sorted(vocabulary_units(), key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
# 万/亿 may scale a count (3万名); a rate unit such as 个/家, 次/年, 人/场 is kept whole.
_UNIT_FULL = rf"(?:[万亿]?(?:{_UNIT_RE})(?:/(?:{_UNIT_RE}))?)"

# Words before a number, longest first; each maps to a direction.
_PREFIX_OPS = [
    ("大于等于", "≥"), ("大于或等于", "≥"), ("不少于", "≥"), ("不低于", "≥"), ("不小于", "≥"),
    ("至少", "≥"), ("达到", "≥"), ("达", "≥"), ("超过", ">"), ("高于", ">"), ("大于", ">"),
    ("多于", ">"), ("小于等于", "≤"), ("小于或等于", "≤"), ("不超过", "≤"), ("不高于", "≤"),
    ("不多于", "≤"), ("不大于", "≤"), ("控制在", "≤"), ("低于", "<"), ("少于", "<"),
    ("小于", "<"), ("等于", "="), ("≥", "≥"), (">=", "≥"), ("≧", "≥"), ("≤", "≤"),
    ("<=", "≤"), ("≦", "≤"), (">", ">"), ("<", "<"), ("=", "="), ("═", "="), ("＞", ">"), ("＜", "<"),
]
_SUFFIX_OPS = [("以上", "≥"), ("及以上", "≥"), ("以内", "≤"), ("以下", "≤"), ("之内", "≤"),
               ("内", "≤"), ("之前", "≤"), ("前", "≤")]
_OP_RE = "|".join(re.escape(w) for w, _ in _PREFIX_OPS)
_PREFIX_OP = dict(_PREFIX_OPS)
_SUFFIX_OP = dict(_SUFFIX_OPS)
_SUFFIX_WORDS = tuple(w for w, _ in _SUFFIX_OPS)
# Direction words read from just before a number, in list order (single characters do not count).
_CONTEXT_OPS = [(w, op) for w, op in _PREFIX_OPS if len(w) > 1]
_ANY_CONTEXT_OP = re.compile("|".join(re.escape(w) for w, _ in _CONTEXT_OPS))
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A value starts with a direction word, a space or a digit: the lookahead lets the scan pass over
# every other character without trying the ~35 direction words there.
_VALUE_START = "(?=[" + re.escape("".join(sorted({w[0] for w, _ in _PREFIX_OPS}))) + r"\d\s])"
# A range writes its unit once (80-90%) or at both ends (80%-90%, 3天至5天: ``lowunit``, the same unit again).
_VALUE = re.compile(
    rf"{_VALUE_START}(?P<op>{_OP_RE})?\s*(?P<num>{_NUM})\s*"
    rf"(?:(?P<hi>[-~－—～至到]\s*{_NUM})\s*|(?P<lowunit>{_UNIT_FULL})\s*(?P<hiu>[-~－—～至到]\s*{_NUM})\s*(?=(?P=lowunit)))?"
    rf"(?P<unit>{_UNIT_FULL})?(?P<suffix>及以上|以上|以内|以下|之内|内)?"
)
# List numbering (``1.``, ``2、``, ``(3)``) at the start or after a stop is not a value. Its first
# character (bracket or digit) is matched before the lookbehind that checks what precedes it: a
# pattern that starts with a character class lets the scan skip every other character untried.
_ENUMERATOR = re.compile(r"[(（\d](?<![^；;。，,：:][(（\d])(?:(?<=[(（])\d{1,2}|(?<=\d)\d?)[.、．)）](?!\d)")
# Typeset maths left in extracted cells: ``$\geq 90\%$`` → ``≥90%``.
_LATEX = [("\\geq", "≥"), ("\\ge", "≥"), ("\\leq", "≤"), ("\\le", "≤"), ("\\%", "%"),
          ("\\times", "×"), ("\\div", "÷"), ("\\gt", ">"), ("\\lt", "<"), ("$", "")]
# A calendar point (2020年12月底前, 9月完成, 第三季度, 每月15日前) is a deadline, not an amount.
_DEADLINE = re.compile(
    r"^(?:20\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日|份|底|末|中旬|上旬|下旬)?|第[一二三四1-4、,]+季度|每季度|每月\d{1,2}日)"
    r"(?:之前|以前|前|底前|完成|截止|前完成|之前完成|内完成)*$"
)
# Ratio written as a formula: ``完成100场次÷计划100场次×100%``.
_FORMULA = re.compile(rf"({_NUM})[^\d÷/]*[÷/][^\d]*({_NUM})[^\d]*[×*]\s*100\s*%")
_DIRECTION = re.compile("|".join(re.escape(w) for w, op in _PREFIX_OPS if op != "="))
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = re.compile(rf"^(?P<op>{_OP_RE})?(?P<cn>[一二两三四五六七八九十]{{1,3}})(?P<unit>{_UNIT_FULL})$")


def _to_decimal(num: str) -> Decimal | None:
    try:
        return Decimal(num.replace(",", "") if "," in num else num)
    except InvalidOperation:
        return None


_BRACKETED_UNIT = re.compile(r"(\d)\(([^()\d]{1,6})\)$")


def normalise_target_text(raw: str) -> str:
    """Half-width, no spaces, no list numbering, typeset maths turned into symbols."""
    s = compact(raw)
    if "$" in s or "\\" in s:  # maths is replaced before spaces go ("\\ge q" is "≥q", not "≥")
        s = to_halfwidth(raw)
        for tex, sym in _LATEX:
            s = s.replace(tex, sym)
        s = s.replace(" ", "")
    if "." in s or "、" in s or ")" in s or "．" in s or "）" in s:  # a list number ends with one of them
        s = _ENUMERATOR.sub("", s)
    if s[-1:] == ")":  # a unit bracketed after its number, as forms print it: ≥13459.00(平方米)
        s = _BRACKETED_UNIT.sub(r"\1\2", s)
    return s


@per_document
def parse_target(text: str | None) -> TargetValue:
    """Read direction, number and unit (or a qualitative value) from a target or actual text."""
    raw = clean_cell(text)
    if not raw:
        return TargetValue(text=raw)
    simple = _SIMPLE.fullmatch(raw)
    if simple is not None:  # most targets: read as ``_read`` reads them, without its scans
        sign, num, unit = simple.groups()
        return TargetValue(raw, _PREFIX_OP[sign] if sign else "=", Decimal(num), unit)
    return _read(raw)


def _read(raw: str) -> TargetValue:
    """The general reading of a cleaned, non-empty target text."""
    s = normalise_target_text(raw)
    if (s[:1] in _DEADLINE_FIRST or s[:1].isdecimal()) and _DEADLINE.match(s):
        return TargetValue(text=raw, qualitative=s)
    if _DIGIT.search(s) is None:  # no number to read: 三个月, or words
        return _small_chinese_number(raw, s) or TargetValue(text=raw, qualitative=_qualitative(s))
    special = _formula(raw, s)
    if special is not None:
        return special
    match = _best_match(s)
    if match is None:
        return TargetValue(text=raw, qualitative=_qualitative(s))
    word, num, hi, unit_text = match.group("op", "num", "hi", "unit")
    hi = hi or match.group("hiu")
    value, unit = _scaled(_to_decimal(num), unit_text)
    op = _PREFIX_OP.get(word or "")
    if op is None:
        op = _op_from_context(s, match)
    high = None
    if hi:
        high, _ = _scaled(_to_decimal(_RANGE_DASH.sub("", hi)), unit_text)
        op = "~"
    return TargetValue(raw, op, value, unit, None, high)


_RANGE_DASH = re.compile(r"^[-~－—～至到]\s*")
# The shape of most targets (≥90%, =100%, 60人次, 3.5): a sign, a plain number, a unit that neither
# scales the number (万, 亿) nor makes it a date (年, 月). Nothing in it is normalised, none of it is a
# deadline, list number or formula, and the general reading finds the sign's direction ("=" without
# one), the number and the unit: so it is read directly.
_SIMPLE_UNITS = [u for u in UNITS if u[0] not in "万亿年月"]
_SIMPLE = re.compile(r"([≥≤=<>])?([0-9]+(?:\.[0-9]+)?)(" + "|".join(map(re.escape, _SIMPLE_UNITS)) + ")?")
_DIGIT = re.compile(r"\d")
_DEADLINE_FIRST = frozenset("第每")  # else a deadline starts with a digit


def _best_match(s: str) -> re.Match | None:
    """The first number that has a direction or a unit; else the first number; years skipped."""
    first = None
    for m in _VALUE.finditer(s):
        op, num, unit, suffix = m.group("op", "num", "unit", "suffix")
        if len(num) == 4 and num.startswith("20") and s[m.end("num"):m.end("num") + 1] == "年":
            continue  # ``2021年`` and ``2021年底`` are dates, not target values
        if op or unit or suffix:
            return m
        first = first or m
    return first


def _scaled(value: Decimal | None, unit: str | None) -> tuple[Decimal | None, str | None]:
    """``3万名`` → (30000, 名): 万/亿 before a count is a multiplier; 万元 and 亿元 stay units."""
    if not unit or value is None or unit[0] not in "万亿" or unit in ("万元", "亿元", "万平方米") \
            or unit.startswith(("万元/", "亿元/")):
        return value, unit
    for prefix, factor in (("万", 10000), ("亿", 100000000)):
        if unit.startswith(prefix):
            scaled = value * factor
            if scaled == scaled.to_integral_value():
                scaled = scaled.quantize(Decimal(1))
            return scaled, (unit[1:] or None)
    return value, unit


def _small_chinese_number(raw: str, s: str) -> TargetValue | None:
    """``≤三个月`` and ``一年``: a small number written in characters, the whole text."""
    m = _CN_SMALL.match(s)
    if not m:
        return None
    cn = m.group("cn")
    if cn == "十":
        n = 10
    elif cn.startswith("十"):
        n = 10 + _CN_DIGITS.get(cn[1:], 0)
    elif "十" in cn:
        n = _CN_DIGITS.get(cn[0], 0) * 10 + _CN_DIGITS.get(cn[2:], 0)
    elif len(cn) == 1:
        n = _CN_DIGITS[cn]
    else:
        return None
    op = _PREFIX_OP.get(m.group("op") or "", "=")
    return TargetValue(text=raw, op=op, value=Decimal(n), unit=m.group("unit"))


def _formula(raw: str, s: str) -> TargetValue | None:
    """A ratio formula: with two numbers it states a percentage, without it is qualitative."""
    if "×100%" not in s and "*100%" not in s:
        return None
    m = _FORMULA.search(s)
    if m is None:  # a formula only names the measure, unless a direction states the value
        return None if _DIRECTION.search(s) else TargetValue(text=raw, qualitative=s)
    num, den = _to_decimal(m.group(1)), _to_decimal(m.group(2))
    if not num or not den:
        return TargetValue(text=raw, qualitative=s)
    return TargetValue(text=raw, op="=", value=(num / den * 100).quantize(Decimal("0.01")), unit="%")


def _op_from_context(s: str, m: re.Match) -> str:
    """Direction from words after the number (``100人次以上``) or just before it (``不少于 10``)."""
    if m.group("suffix"):
        return _SUFFIX_OP[m.group("suffix")]
    before = s[max(0, m.start() - 6):m.start()]
    if _ANY_CONTEXT_OP.search(before):  # then the first word in list order decides
        for word, op in _CONTEXT_OPS:
            if word in before:
                return op
    after = s[m.end():m.end() + 3]
    if after.startswith(_SUFFIX_WORDS):  # most numbers have none of the words after them: one test
        return next(op for word, op in _SUFFIX_OPS if after.startswith(word))
    return "="


def _qualitative(s: str) -> str | None:
    """A qualitative value keeps its words (``良好``, ``显著提升``); None for empty text."""
    return s or None
