"""Target and actual values parsed from text (``不少于10场``, ``≥90%``, ``5个工作日内``, ``良好``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .text import clean_cell, to_halfwidth

UNITS = sorted(
    """万人次 人次 户次 家次 批次 个工作日 工作日 个月 个 人 场 家 户 件 宗 份 台 套 期 项 次 篇 本 张 册 条 类 间
    所 名 批 部 辆 栋 座 处 支 门 节 课时 学时 小时 分钟 天 日 周 月 年 季度 平方米 万平方米 公里 千米 米 吨
    万元 亿元 元 分 % ‰ 岗 位 课 单 首 幅 块 组 队 户数 笔 起 轮 万""".split(),
    key=len,
    reverse=True,
)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)

# Words before a number, longest first; each maps to a direction.
_PREFIX_OPS = [
    ("大于等于", "≥"), ("大于或等于", "≥"), ("不少于", "≥"), ("不低于", "≥"), ("不小于", "≥"),
    ("至少", "≥"), ("达到", "≥"), ("达", "≥"), ("超过", ">"), ("高于", ">"), ("大于", ">"),
    ("多于", ">"), ("小于等于", "≤"), ("小于或等于", "≤"), ("不超过", "≤"), ("不高于", "≤"),
    ("不多于", "≤"), ("不大于", "≤"), ("控制在", "≤"), ("低于", "<"), ("少于", "<"),
    ("小于", "<"), ("等于", "="), ("≥", "≥"), (">=", "≥"), ("≧", "≥"), ("≤", "≤"),
    ("<=", "≤"), ("≦", "≤"), (">", ">"), ("<", "<"), ("=", "="), ("＞", ">"), ("＜", "<"),
]
_SUFFIX_OPS = [("以上", "≥"), ("及以上", "≥"), ("以内", "≤"), ("以下", "≤"), ("之内", "≤"),
               ("内", "≤"), ("之前", "≤"), ("前", "≤")]
_OP_RE = "|".join(re.escape(w) for w, _ in _PREFIX_OPS)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_VALUE = re.compile(
    rf"(?P<op>{_OP_RE})?\s*(?P<num>{_NUM})\s*(?:(?P<hi>[-~－—至到]\s*{_NUM})\s*)?"
    rf"(?P<unit>{_UNIT_RE})?(?P<suffix>及以上|以上|以内|以下|之内|内)?"
)
# List numbering (``1.``, ``2、``, ``(3)``) is not a value.
_ENUMERATOR = re.compile(r"(?:^|(?<=[；;。，,：:]))[(（]?\d{1,2}[.、．)）](?!\d)")
QUALITATIVE_WORDS = (
    "完成", "及时", "良好", "显著", "提升", "提高", "有效", "合格", "达标", "按时", "规范",
    "满意", "优秀", "明显", "稳定", "持续", "改善", "保障", "符合", "准确", "安全", "正常",
)


@dataclass(frozen=True, slots=True)
class TargetValue:
    """A target or actual as written, with what could be read from it; ``text`` is kept always."""

    text: str
    op: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    qualitative: str | None = None
    value_high: Decimal | None = None

    @property
    def is_quantitative(self) -> bool:
        """True when a number was read."""
        return self.value is not None

    def to_dict(self) -> dict:
        """The export shape {text, op, value, unit}."""
        return {
            "text": self.text,
            "op": self.op,
            "value": None if self.value is None else format(self.value, "f"),
            "unit": self.unit,
        }


def _to_decimal(num: str) -> Decimal | None:
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


def _is_year(m: re.Match, s: str) -> bool:
    """``2021年`` and ``2021年底`` are dates, not target values."""
    num = m.group("num")
    return bool(len(num) == 4 and num.startswith("20") and s[m.end("num"):m.end("num") + 1] == "年")


def parse_target(text: str | None) -> TargetValue:
    """Read direction, number and unit (or a qualitative value) from a target or actual text."""
    raw = clean_cell(text)
    if not raw:
        return TargetValue(text=raw)
    s = _ENUMERATOR.sub("", to_halfwidth(raw).replace(" ", ""))
    match = None
    for m in _VALUE.finditer(s):
        if _is_year(m, s):
            continue
        match = m
        break
    if match is None:
        return TargetValue(text=raw, qualitative=_qualitative(s))
    value = _to_decimal(match.group("num"))
    unit = match.group("unit")
    if unit == "万" or (unit and unit.startswith("万") and unit not in ("万元", "万平方米")):
        value = value * 10000 if value is not None else None
        unit = unit[1:] or None
    op = dict(_PREFIX_OPS).get(match.group("op") or "")
    if op is None:
        op = _op_from_context(s, match)
    high = None
    if match.group("hi"):
        high = _to_decimal(re.sub(r"^[-~－—至到]\s*", "", match.group("hi")))
        op = "~"
    return TargetValue(text=raw, op=op, value=value, unit=unit, value_high=high)


def _op_from_context(s: str, m: re.Match) -> str:
    """Direction from words after the number (``100人次以上``) or just before it (``不少于 10``)."""
    if m.group("suffix"):
        return dict(_SUFFIX_OPS)[m.group("suffix")]
    before = s[max(0, m.start() - 6):m.start()]
    for word, op in _PREFIX_OPS:
        if word in before and len(word) > 1:
            return op
    after = s[m.end():m.end() + 3]
    for word, op in _SUFFIX_OPS:
        if after.startswith(word):
            return op
    return "="


def _qualitative(s: str) -> str | None:
    """A qualitative value keeps its words (``良好``, ``显著提升``); None for empty text."""
    return s or None
