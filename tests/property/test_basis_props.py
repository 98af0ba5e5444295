"""Property tests: the 测算依据 and target parsers take any text, and read generated terms exactly."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.basis import parse_basis
from jixiao.domain.targets import parse_target

# Text made of the pieces real bases and targets are made of, so the parsers' paths are exercised.
PIECES = ["1", "2", "0", "9", ".", ",", "*", "×", "=", "≈", "+", "/", "%", "万", "元", "万元", "人", "个月",
          "次", "以上", "合计", "共计", "约", "（", "）", "(", ")", "、", "1、", "（1）", "①", "一、", "。", "；",
          "，", "：", " ", "每人", "其中", "≥", "≤", "不少于", "以内", "年", "月", "日", "前", "$", "\\geq",
          "<p>", "</p>", "三", "季度", "第"]
prose = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2, allow_nan=False,
                     allow_infinity=False)
count = st.integers(min_value=1, max_value=9999)


@given(st.one_of(st.text(max_size=300), prose))
@settings(max_examples=400)
def test_basis_parser_accepts_anything(text):
    basis = parse_basis(text)
    json.dumps(basis.to_dict())
    for term in basis.terms:
        assert term.text and term.start <= term.end


@given(st.one_of(st.text(max_size=200), prose))
@settings(max_examples=400)
def test_target_parser_accepts_anything(text):
    t = parse_target(text)
    assert t.text is not None
    assert t.op in (None, "≥", ">", "≤", "<", "=", "~")
    if t.value is not None:
        assert t.value.is_finite()


@given(amount, count, count, st.sampled_from(["个月", "人", "次", "家"]))
def test_product_terms_are_computed_exactly(price, n, m, unit):
    product = price * n * m
    text = f"补贴{price}元/人*{n}人*{m}{unit}={product}元。"
    [term] = parse_basis(text).terms
    assert [f.value for f in term.factors] == [price, Decimal(n), Decimal(m)]
    assert term.computed_base() == product == term.stated.base()


@given(amount, count)
def test_wan_yuan_factors_scale_exactly(price, n):
    text = f"{n}台*{price}万元/台={price * n}万元"
    [term] = parse_basis(text).terms
    assert term.computed_base() == price * n * 10000
    assert term.to_dict()["computed"]["unit"] == "万元"


@given(st.lists(amount, min_size=1, max_size=6))
def test_numbered_items_add_up_to_their_stated_total(values):
    items = "".join(f"{k}、项目{k}经费{v}万元；" for k, v in enumerate(values, 1))
    basis = parse_basis(items + f"以上合计{sum(values)}万元。")
    assert basis.stated_total is not None
    assert basis.computed_total == sum(values) * 10000 == basis.stated_total.stated.base()
    assert [f.value for f in basis.stated_total.factors] == [v * 10000 for v in values]


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([("\\geq", "≥"), ("\\leq", "≤"), ("=", "=")]),
       st.sampled_from(["\\%", " 人", " 个月"]))
def test_typeset_targets(n, op, unit):
    tex, symbol = op
    t = parse_target(f"${tex} {n}{unit}$" if unit == "\\%" else f"${tex} {n}${unit}")
    assert (t.op, t.value, t.unit) == (symbol, Decimal(n), unit.replace("\\", "").strip())


@given(st.integers(min_value=2015, max_value=2030), st.integers(min_value=1, max_value=12),
       st.sampled_from(["底前", "前", "底", "份前", "完成", ""]))
def test_deadlines_are_not_amounts(year, month, suffix):
    t = parse_target(f"{year}年{month}月{suffix}")
    assert t.value is None and t.qualitative
