"""The pieces of a 测算依据 text: quantities, product and sum terms, amounts, numbering markers.

Everything here is found by regular expressions over the normalised text; nothing is evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, getcontext

from .numbers import normalise_number_text
from .targets import UNITS
from .text import clean_cell

MAX_CHARS = 20000
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = "(?:" + "|".join(re.escape(u) for u in UNITS) + r")(?:/[\u4e00-\u9fa5]{1,3}){0,3}"
_PAREN = r"(?:\s*[(（][^()（）]{0,20}[)）])?"
_FACTOR = re.compile(rf"约?(?P<n>{_NUM})\s*(?P<u>{_UNIT})?")
_RESULT = rf"\s*(?P<eq>=|≈)\s*约?(?P<rn>{_NUM})\s*(?P<ru>{_UNIT})?"
# The scanning patterns below are the plain ones (``_NUM``, ``(?:{_UNIT})?``, ``{_PAREN}``, ``(?:X)+``)
# written so that the regex engine does less at each number it tries, with the same matches:
# - an optional group as a branch with an empty alternative, ``(?:X|)``, and a repeat ``(?:X)+`` as
#   ``X(?:X)*``: no repeat context is made unless X starts, and the engine passes over an
#   alternative whose first character does not match without entering it;
# - possessive quantifiers (``\d*+``) in a number that a unit, a space, a parenthesis or a sign
#   must follow: giving back a digit, a comma or a point could only leave one of them next, which
#   nothing after the number can start with, so the backtracking they forbid could never succeed.
_UNIT_ALT = "(?:" + "|".join(re.escape(u) for u in UNITS) + ")"
_PER = r"/[\u4e00-\u9fa5]{1,3}"
_UNIT_B = rf"{_UNIT_ALT}(?:{_PER}(?:{_PER}(?:{_PER}|)|)|)"  # _UNIT: {0,3} as nested branches
_NUM_B = r"\d+(?:,\d{3}(?:,\d{3})*|)(?:\.\d+|)"  # _NUM
_NUM_TAIL_P = r"\d*+(?:,\d{3}(?:,\d{3})*+|)(?:\.\d++|)"  # _NUM after its first digit, possessive
_PAREN_B = r"(?:\s*[(（][^()（）]{0,20}[)）]|)"  # _PAREN
_RESULT_B = rf"\s*(?P<eq>=|≈)\s*约?(?P<rn>{_NUM_B})\s*(?:(?P<ru>{_UNIT_B})|)"  # _RESULT
# A leading ``约?{_NUM}`` written to start with its first character (约, or a digit that no digit
# precedes: a match never starts inside a number): a pattern that starts with a character class
# lets the scan skip every other character untried.
_FIRST_NUM = r"[约\d](?:(?<=约)\d|(?<=\d)(?<!\d\d))" + _NUM_TAIL_P
_TIMES = rf"\s*\*\s*约?{_NUM_B}\s*(?:{_UNIT_B}|){_PAREN_B}"
_PLUS = rf"\s*\+\s*{_NUM_B}\s*(?:{_UNIT_B}|){_PAREN_B}"
_PRODUCT = re.compile(rf"{_FIRST_NUM}\s*(?:{_UNIT_B}|){_PAREN_B}{_TIMES}(?:{_TIMES})*(?:{_RESULT_B}|)")
_SUM = re.compile(rf"\d{_NUM_TAIL_P}\s*(?:{_UNIT_B}|){_PAREN_B}{_PLUS}(?:{_PLUS})*{_RESULT_B}")
_RATE = re.compile(rf"(?P<n>\d(?<!\d\d){_NUM_TAIL_P})(?P<u>人次|人|家|个|次|台|份|户|名)[,，]\s*(?P<r>{_NUM_B})"
                   rf"(?P<ru>万元|万|元)/(?P=u)")
# ``(以上…)?(合计|共计|总计|小计|总共|共)…`` written as alternatives that each start with a literal
# (the ``以上`` reading first, as the optional group tried it): the scan then skips every character
# that cannot start a total untried.
_TOTAL_WORD = "合计|共计|总计|小计|总共|共"
_TOTAL = re.compile(rf"(?:以上[^\d,，。；;:：]{{0,6}}(?:{_TOTAL_WORD})|{_TOTAL_WORD})[:：为]?\s*约?"
                    rf"(?P<n>{_NUM})\s*(?P<u>亿元|万元|元|万)")
# The first digit is matched before the lookbehind that checks what precedes it: a pattern that
# starts with a character class lets the scan pass over every other character without trying it.
_AMOUNT = re.compile(rf"(?P<n>\d(?<![\d.]\d){_NUM_TAIL_P})\s*+(?P<u>亿元|万元|元|万(?![\u4e00-\u9fa5]))"
                     rf"(?:(?P<per>/)|)")
_RATE_WORDS = ("每人", "每", "最高", "标准", "按")
_MARKERS = [
    ("cn", re.compile(r"[一二三四五六七八九十](?<![\u4e00-\u9fa5].)[一二三四五六七八九十]{0,2}、")),
    ("paren", re.compile(r"[(（]\d{1,2}[)）]")),
    ("circle", re.compile(r"[①-⑳]")),
    ("arabic", re.compile(r"\d(?<![^\s。；;：:，,)）]\d)\d?(?:[、．]|\.(?!\d)|\.(?=20\d\d年)|\.(?=\d+\.\d))")),
]
_TIMES_X = re.compile(r"(?<=\d)\s*[xX]\s*(?=\d)")
_INNER_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_LAST_AMOUNT = re.compile(rf"({_NUM})\s*(亿元|万元|元|万)?\s*$")
_SCALE = {"亿": Decimal(100000000), "万": Decimal(10000)}
_ZERO, _ONE, _CENT = Decimal(0), Decimal(1), Decimal("0.01")
# What ``with localcontext() as ctx: ctx.prec = 60`` made on every call, made once: the default
# context (no reader changes it) with 60 digits, given to the operations that need it.
_WIDE = Context(prec=60)
_MONEY_UNITS = ("元", "万元", "亿元", "万", "亿")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written with its unit (``339.84`` ``万元``)."""

    value: Decimal
    unit: str | None
    text: str = ""

    def base(self, context: Context | None = None) -> Decimal:
        """The value in base units: 万/亿 multiplied out, a percentage as a fraction; in ``context``
        (a term's computed result uses ``_WIDE``), else the current one, as ``*`` and ``/`` do."""
        ctx = context or getcontext()
        u = self.unit
        if u and u[0] == "%":
            return ctx.divide(self.value, 100)
        return ctx.multiply(self.value, _SCALE.get(u[:1] if u else "", _ONE))

    def is_money(self) -> bool:
        """True for 元, 万元, 亿元 (and a bare 万 in a basis, which means 万元)."""
        u = self.unit
        if not u:
            return False
        return u.split("/")[0] in _MONEY_UNITS or "元" in u

    def to_dict(self) -> dict:
        """``{"value": "339.84", "unit": "万元"}``."""
        return {"value": dec_str(self.value), "unit": self.unit}


@dataclass(slots=True)
class Term:
    """One calculation: ``product``, ``sum`` or ``total`` (a stated 合计 and what it adds up)."""

    kind: str
    text: str
    factors: list[Quantity]
    stated: Quantity | None
    start: int
    end: int
    nested: bool = False  # inside parentheses: explains a neighbouring amount

    def money(self) -> bool:
        """Whether the term is about money (any factor or the stated result in 元)."""
        return any(f.is_money() for f in self.factors) or bool(self.stated and self.stated.is_money())

    def computed_base(self) -> Decimal | None:
        """The result computed from the factors, in base units (yuan for money)."""
        if not self.factors:
            return None
        ctx = _WIDE  # in 60 digits, as under ``localcontext()`` with ``prec = 60``
        if self.kind == "product":
            out = _ONE
            for f in self.factors:
                out = ctx.multiply(out, f.base(ctx))
        else:
            out = _ZERO
            for f in self.factors:
                out = ctx.add(out, f.base(ctx))
        return ctx.plus(out)

    def value_base(self) -> Decimal | None:
        """What the term contributes to a total: its stated result, else its computed one."""
        return self.stated.base() if self.stated else self.computed_base()

    def to_dict(self) -> dict:
        """JSON shape: factors, stated and computed results (in the stated unit) and both in yuan."""
        base = self.computed_base()
        money = self.money()
        unit = self.stated.unit if self.stated else ("元" if money else None)
        computed = None
        if base is not None:
            scale = self.stated.base() / self.stated.value if self.stated and self.stated.value else _ONE
            computed = {"value": dec_str(base / scale), "unit": unit}
        return {
            "kind": self.kind, "text": self.text, "factors": [f.to_dict() for f in self.factors],
            "stated": self.stated.to_dict() if self.stated else None, "computed": computed,
            "stated_yuan": yuan_str(self.stated.base()) if money and self.stated else None,
            "computed_yuan": yuan_str(base) if money and base is not None else None,
        }


def dec_str(d: Decimal) -> str:
    """Decimal → plain string without exponent or float noise."""
    try:
        if d == d.to_integral_value():  # still integral once normalised (rounding keeps it so)
            d = d.normalize()
            return format(d.quantize(_ONE), "f")
        return format(d, "f")
    except InvalidOperation:
        return format(d, "f")


def yuan_str(d: Decimal | None) -> str | None:
    if d is None:
        return None
    try:
        return format(d.quantize(_CENT, context=_WIDE), "f")
    except InvalidOperation:
        return format(d, "f")


def to_dec(num: str) -> Decimal:
    return Decimal(num.replace(",", ""))


def normalise_basis_text(text: str | None) -> str:
    """HTML removed, half-width, ``×`` as ``*``, no stray spaces inside numbers."""
    s = normalise_number_text(clean_cell(text))[:MAX_CHARS]
    s = s.replace("×", "*").replace("＊", "*").replace("约等于", "≈")
    if "x" not in s and "X" not in s:  # _TIMES_X needs its letter (a lookbehind-first pattern: slow scan)
        return s
    return _TIMES_X.sub("*", s)


_PARENS = re.compile(r"[(（)）]")


def paren_depth(s: str) -> list[int]:
    """Parenthesis depth at every character (both widths): an opening one counts, a closing one
    still does. Filled run by run between parentheses, not character by character."""
    out, d, at = [], 0, 0
    for m in _PARENS.finditer(s):
        i = m.start()
        out += [d] * (i - at)
        if s[i] in "(（":
            d += 1
            out.append(d)
        else:
            out.append(d)
            d = max(d - 1, 0)
        at = i + 1
    out += [d] * (len(s) - at)
    return out


def _factors(chunk: str) -> list[Quantity]:
    chunk = _INNER_PAREN.sub(" ", chunk)
    return [Quantity(to_dec(m.group("n")), m.group("u"), m.group(0)) for m in _FACTOR.finditer(chunk)]


def _result(m: re.Match) -> Quantity | None:
    if not m.group("rn"):
        return None
    return Quantity(to_dec(m.group("rn")), m.group("ru"), m.group("rn") + (m.group("ru") or ""))


def _preceding_amount(s: str, start: int) -> Quantity | None:
    """For ``84万元（10000份*84元/份）``: the amount just before the parenthesis."""
    head = s[:start].rstrip()
    if not head.endswith(("(", "（")):
        return None
    m = _LAST_AMOUNT.search(head[:-1])
    return Quantity(to_dec(m.group(1)), m.group(2), m.group(0).strip()) if m else None


def products(s: str, depth: list[int]) -> list[Term]:
    out = []
    for m in _PRODUCT.finditer(s):
        left = s[m.start():m.start("eq")] if m.group("eq") else m.group(0)
        nested = depth[m.start()] > 0
        stated = _result(m) or (_preceding_amount(s, m.start()) if nested else None)
        out.append(Term("product", m.group(0), _factors(left), stated, m.start(), m.end(), nested))
    return out


def sums(s: str, depth: list[int]) -> list[Term]:
    if "+" not in s:  # the cheap answer for most texts: a sum needs its plus sign
        return []
    out = []
    for m in _SUM.finditer(s):
        left = s[m.start():m.start("eq")]
        addends = [_factors(part)[0] for part in left.split("+") if _factors(part)]
        out.append(Term("sum", m.group(0), addends, _result(m), m.start(), m.end(), depth[m.start()] > 0))
    return out


def rates(s: str) -> list[Term]:
    """``2人，5万/人``: a count and a per-head amount, multiplied though no ``*`` is written."""
    return [Term("product", m.group(0), [Quantity(to_dec(m.group("n")), m.group("u"), m.group("n") + m.group("u")),
                                         Quantity(to_dec(m.group("r")), m.group("ru") + "/" + m.group("u"))],
                 None, m.start(), m.end()) for m in _RATE.finditer(s)]


def markers(s: str) -> list[tuple[int, int, str]]:
    """Numbering markers (一、 （1） ① 1、 1.) as, in order."""
    found = [(m.start(), m.end(), style) for style, rx in _MARKERS for m in rx.finditer(s)]
    return sorted(found)


def amounts(s: str, depth: list[int], terms: list[Term]) -> list[tuple[int, Decimal, str]]:
    """Money amounts that stand for themselves: not a factor, not in parentheses, not a rate."""
    spans = [(t.start, t.start + len(t.text.split("=")[0].split("≈")[0])) for t in terms]
    spans += [(t.start, t.end) for t in terms if t.kind == "sum"]
    out = []
    for m in _AMOUNT.finditer(s):
        if depth[m.start()] or m.group("per") or any(a <= m.start() < b for a, b in spans):
            continue
        if s[max(0, m.start() - 2):m.start()].endswith(_RATE_WORDS):
            continue
        q = Quantity(to_dec(m.group("n")), m.group("u"))
        out.append((m.start(), q.base(), m.group(0)))
    return out
