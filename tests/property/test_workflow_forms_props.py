"""Money typed in a form survives the trip to canonical yuan and back, in either unit."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import FormData

from jixiao.domain.numbers import normalise_number_text
from jixiao.web.workflow_forms import money_in, number, shown_money

WAN = st.decimals(min_value=0, max_value=Decimal("99999999.999999"), places=6, allow_nan=False)
YUAN = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False)


@given(WAN)
def test_wan_yuan_round_trip(amount):
    problems: list = []
    yuan = money_in(FormData([("m", f"{amount:,}")]), "m", "wan_yuan", problems)
    assert problems == [] and yuan == (amount * 10000).quantize(Decimal("0.01"))
    assert Decimal(shown_money(yuan, "wan_yuan")) == amount


@given(YUAN)
def test_yuan_round_trip(amount):
    yuan = money_in(FormData([("m", str(amount))]), "m", "yuan", [])
    assert yuan == amount and Decimal(shown_money(yuan, "yuan")) == amount


@given(st.text(alphabet="0123456789,.. -万元abc", max_size=12))
def test_typed_text_is_blank_a_number_or_a_reported_problem(text):
    problems: list = []
    value = number(text, "金额", problems)
    blank = normalise_number_text(text).replace(",", "") == ""
    assert (value is not None) + bool(problems) + blank == 1  # exactly one, never a crash
