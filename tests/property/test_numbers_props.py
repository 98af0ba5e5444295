"""Property tests for the number and target readers: exact round trips, no exceptions."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.domain.limits import MAX_YUAN, AmountOutOfRange
from jixiao.domain.numbers import parse_decimal, parse_percent, to_yuan
from jixiao.domain.targets import parse_target

amounts = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_plain_and_grouped_numbers_round_trip(x):
    assert parse_decimal(f"{x:.2f}") == x
    assert parse_decimal(f"{x:,.2f}") == x


@given(amounts)
def test_fullwidth_and_stray_spaces(x):
    text = f"{x:,.2f}".replace(",", ", ").replace(".", ". ")
    full = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{x:.2f}")
    assert parse_decimal(text) == x
    assert parse_decimal(full) == x


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
def test_percent(x):
    assert parse_percent(f"{x:.2f}%") == x


@given(amounts)
def test_wan_yuan_to_yuan_is_exact(x):
    if x * 10000 >= MAX_YUAN:  # 1000 万亿元 and more cannot be stored: refused, never rounded
        with pytest.raises(AmountOutOfRange):
            to_yuan(x, "wan_yuan")
    else:
        assert to_yuan(x, "wan_yuan") == (x * 10000).quantize(Decimal("0.01"))
    assert to_yuan(x, "yuan") == x


@given(st.text())
def test_readers_accept_anything(s):
    parse_decimal(s)
    parse_percent(s)
    t = parse_target(s)
    assert t.text is not None


@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["人", "场", "家", "%", "万元", "个工作日", "人次"]),
       st.sampled_from([("不少于", "≥"), ("≥", "≥"), ("不超过", "≤"), ("≤", "≤"), ("", "=")]))
def test_target_direction_number_unit(n, unit, op):
    word, symbol = op
    t = parse_target(f"{word}{n}{unit}")
    assert (t.op, t.value, t.unit) == (symbol, Decimal(n), unit)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6),
       st.sampled_from(["人", "场", "%", "天", "个工作日", "人次"]), st.sampled_from(["-", "~", "～", "至", "到"]),
       st.booleans())
def test_ranges_with_the_unit_once_or_twice(low, width, unit, dash, unit_twice):
    high = low + width
    t = parse_target(f"{low}{unit if unit_twice else ''}{dash}{high}{unit}")
    assert (t.op, t.value, t.value_high, t.unit) == ("~", Decimal(low), Decimal(high), unit)
