"""Numbers as published: ``1,234.56``, ``9, 528. 09``, ``66.32%``, full-width digits."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import overload

from .limits import check_amount
from .memo import per_document
from .text import to_halfwidth

_MONEY_SHAPE = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
# The same shapes in plain ASCII with nothing to normalise: most number cells, read directly.
_PLAIN_MONEY = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|-?[0-9]+(?:\.[0-9]+)?")
# White space between number characters (``9, 528. 09``), written to start with the space so that a
# scan of a long text skips every other character untried instead of trying a lookbehind at each;
# the same matches as ``(?<=[\d,.])\s+(?=[\d,.])``.
_STRAY = re.compile(r"\s(?<=[\d,.]\s)\s*(?=[\d,.])")
_PERCENT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*%$")

WAN = Decimal(10000)
CENT = Decimal("0.01")


def normalise_number_text(text: str) -> str:
    """Half-width digits and no spaces inside a number (``9, 528. 09`` → ``9,528.09``)."""
    return _STRAY.sub("", to_halfwidth(text).strip())


def _may_be_number(text: str) -> bool:
    """Cheap test before the regexes: a number starts with a sign or a digit and ends with a digit.

    Most cells a reader tries are words; this answers them without normalising.
    """
    t = text.strip()
    return bool(t) and (t[0] in "-－" or t[0].isdecimal()) and t[-1].isdecimal()


def plain_decimal(text: str) -> Decimal | None:
    """A stripped cell that is a plain ASCII number (``1234.5``, ``1,234.5``) → Decimal, else None.

    The shortcut of ``parse_decimal`` for the common case; None means "ask ``parse_decimal``".
    """
    if _PLAIN_MONEY.fullmatch(text):
        return Decimal(text.replace(",", "") if "," in text else text)
    return None


def is_plain_decimal(text: str) -> bool:
    """``plain_decimal(text) is not None``, without making the Decimal."""
    return _PLAIN_MONEY.fullmatch(text) is not None


@per_document
def parse_decimal(text: str | None) -> Decimal | None:
    """A plain number cell → Decimal, or None when the cell is not a number.

    Remembered per document: tables repeat their amounts and labels (``0``, ``合计``) on every
    page, and a reader asks the shape of a cell, then its value; a Decimal is immutable.
    """
    if text is None or not _may_be_number(text):
        return None
    value = plain_decimal(text)
    if value is not None:
        return value
    s = normalise_number_text(text)
    if not s or not _MONEY_SHAPE.match(s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def parse_percent(text: str | None) -> Decimal | None:
    """``66.32%`` → Decimal('66.32'); None when the cell is not a percentage."""
    if not text or text.rstrip()[-1:] not in ("%", "％"):  # the cheap test: most cells are no rate
        return None
    m = _PERCENT.match(normalise_number_text(text))
    return Decimal(m.group(1)) if m else None


@overload
def to_yuan(amount: Decimal, unit: str) -> Decimal: ...
@overload
def to_yuan(amount: Decimal | None, unit: str) -> Decimal | None: ...
def to_yuan(amount: Decimal | None, unit: str) -> Decimal | None:
    """Canonical money: yuan with two decimals, from ``yuan`` or ``wan_yuan``."""
    if amount is None:
        return None
    value = check_amount(amount * WAN if unit == "wan_yuan" else amount)  # before quantize: 28+ digits fail there
    return value.quantize(CENT)


def from_yuan(amount: Decimal | None, unit: str) -> Decimal | None:
    """Canonical yuan back into the document's unit, for display next to the source."""
    if amount is None:
        return None
    return amount / WAN if unit == "wan_yuan" else amount


def fmt(amount: Decimal | None, places: int = 2) -> str | None:
    """Decimal → fixed-point string for JSON (``"118.66"``); None stays None."""
    if amount is None:
        return None
    return f"{amount:.{places}f}"
