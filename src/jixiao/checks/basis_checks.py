"""Helpers for the 测算依据 rules: read the parsed basis a reader stored on a project and judge it.

The reader stores ``project.details['basis']`` as JSON (:meth:`jixiao.domain.basis.Basis.to_dict`):
terms with their factors, the result as stated and as computed (both also in yuan for money). A
stated result is printed to some decimals; it may differ from the computed one by half its last digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.domain.model import Project
from jixiao.domain.source import SourceRef

SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}
HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Gap:
    """A stated figure against the computed one, with the rounding its printing allows."""

    text: str
    stated: Decimal
    computed: Decimal
    tolerance: Decimal
    unit: str

    @property
    def wrong(self) -> bool:
        """True when the difference is beyond what rounding the stated figure explains."""
        return abs(self.stated - self.computed) > self.tolerance


def basis_of(p: Project) -> dict | None:
    """The project's parsed 测算依据, or None when it has none."""
    b = p.details.get("basis")
    return b if isinstance(b, dict) and b.get("terms") is not None else None


def basis_source(p: Project) -> SourceRef | None:
    """Where the 测算依据 was written: its own line when the reader kept it, else the project's."""
    src = (basis_of(p) or {}).get("source")
    if isinstance(src, dict) and src.get("line") and p.source is not None:
        return SourceRef(p.source.file, src["line"], src.get("sheet"), src.get("cell"))
    return p.source


def _dec(text) -> Decimal | None:
    try:
        return None if text is None else Decimal(str(text))
    except InvalidOperation:
        return None


def half_last_digit(value: str, unit: str | None) -> Decimal:
    """Half a unit of the last printed digit, in base units (``23.07`` 万元 → 50 元)."""
    places = len(value.split(".")[1]) if "." in value else 0
    scale = SCALE.get((unit or "")[:1], Decimal(1))
    return HALF * Decimal(1).scaleb(-places) * scale


def term_gap(term: dict) -> Gap | None:
    """A term's stated result against its computed one (in yuan for money, else in its own unit)."""
    stated, computed = term.get("stated"), term.get("computed")
    if not stated or not computed:
        return None
    if term.get("stated_yuan") and term.get("computed_yuan"):
        s, c, unit = _dec(term["stated_yuan"]), _dec(term["computed_yuan"]), "元"
    else:
        s, c, unit = _dec(stated.get("value")), _dec(computed.get("value")), stated.get("unit") or ""
    if s is None or c is None:
        return None
    tol = half_last_digit(str(stated.get("value")), stated.get("unit") if unit == "元" else None)
    return Gap(term.get("text", ""), s, c, tol + Decimal("0.005"), unit)


def basis_total(b: dict) -> tuple[Decimal | None, Decimal]:
    """The basis's total in yuan (stated 合计, else computed) and the rounding its printing allows."""
    st = b.get("stated_total")
    if st and st.get("yuan"):
        return _dec(st["yuan"]), half_last_digit(str(st.get("value")), st.get("unit"))
    return _dec(b.get("computed_total")), Decimal("0.005")


def fmt_amount(value: Decimal, unit: str) -> str:
    """``6,331,788.36 元`` for money, the plain number with its unit otherwise."""
    return f"{value:,.2f} 元" if unit == "元" else f"{value.normalize():f}{unit}"
