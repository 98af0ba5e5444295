"""测算依据 parser on the issue's examples and on every basis of seed 003, with their real figures."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.domain.basis import parse_basis
from jixiao.domain.text import clean_cell
from tests.conftest import SEED_003

D = Decimal


def _bases() -> dict[int, str]:
    """Line number → 测算依据 text of every form in seed 003."""
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    return {n: line.split("\t")[1] for n, line in enumerate(lines, 1) if line.startswith("测算依据")}


def _term(basis, text: str):
    return next(t for t in basis.terms if t.text.startswith(text))


def test_issue_examples():
    b = parse_basis("就业见习补贴2360*12个月*120人=339.84万元。")
    [t] = b.terms
    assert t.kind == "product"
    assert [(f.value, f.unit) for f in t.factors] == [(D(2360), None), (D(12), "个月"), (D(120), "人")]
    assert (t.stated.value, t.stated.unit) == (D("339.84"), "万元")
    assert t.computed_base() == D(3398400)
    d = t.to_dict()
    assert d["computed"] == {"value": "339.84", "unit": "万元"}
    assert d["stated_yuan"] == d["computed_yuan"] == "3398400.00"

    b = parse_basis("费用84万元（10000份*84元/份），尾款于2026年初支付")
    t = _term(b, "10000份")
    assert t.nested and t.stated.value == D(84) and t.stated.unit == "万元"
    assert [(f.value, f.unit) for f in t.factors] == [(D(10000), "份"), (D(84), "元/份")]
    assert t.computed_base() == D(840000)

    b = parse_basis("本科300人*2万元=600万元，硕士100人*3万元=300万元")
    assert [t.to_dict()["computed_yuan"] for t in b.terms] == ["6000000.00", "3000000.00"]

    b = parse_basis("1、补助20万*5家=100万元。以上合计：1025.16万元。")
    assert b.stated_total is not None and b.stated_total.stated.value == D("1025.16")
    assert b.to_dict()["stated_total"]["yuan"] == "10251600.00"


def test_every_basis_of_seed_003_has_stated_and_computed_results():
    bases = _bases()
    assert len(bases) == 10
    for line, text in bases.items():
        b = parse_basis(text)
        both = [t for t in b.terms if t.stated is not None and t.computed_base() is not None]
        assert both, f"line {line}: no term with stated and computed result"
        assert b.text == clean_cell(text)  # the text as written, HTML tags removed
        json.dumps(b.to_dict())  # JSON-ready: decimal strings only


def test_seed_003_totals_read_as_written():
    bases = {n: parse_basis(t) for n, t in _bases().items()}
    # line → (stated total in yuan or None, computed total in yuan)
    expected = {
        10: ("20653600.00", "20653600.00"), 39: ("10251600.00", "10251600.00"),
        61: ("510000.00", "510000.00"), 83: ("1100000.00", "1100000.00"),
        105: (None, "670700.00"),  # two section totals 8 + 59.07 万元, no overall total written
        128: (None, "3398400.00"), 150: (None, "2484300.00"), 172: (None, "1147200.00"),
        194: ("50000.00", "50000.00"), 216: (None, "50000.00"),
    }
    for line, (stated, computed) in expected.items():
        d = bases[line].to_dict()
        assert (d["stated_total"] and d["stated_total"]["yuan"], d["computed_total"]) == (stated, computed), line


def test_totals_of_the_first_form_add_the_right_amounts():
    b = parse_basis(_bases()[10])
    totals = [t for t in b.terms if t.kind == "total"]
    assert [t.text for t in totals] == ["共计400万元", "以上共计655.36万元", "共10万元", "合计1000万元",
                                        "以上资金测算总计:2065.36万元"]
    # 共计400万元 = the five unlabelled products 100人次*1000元 … 1050人*200元
    assert len(totals[0].factors) == 5 and totals[0].computed_base() == D(4000000)
    # 以上共计655.36万元 = 100 + 20 + 80 + 435.36 + 20 (the numbered list, not the policy text above it)
    assert [f.value for f in totals[1].factors] == [D(1000000), D(200000), D(800000), D(4353600), D(200000)]
    # 共10万元 = 2人 × 5万/人, a product written without *
    rate = _term(b, "2人")
    assert rate.computed_base() == D(100000) and totals[2].computed_base() == D(100000)
    # the grand total adds the four section totals
    assert [f.value for f in totals[4].factors] == [D(4000000), D(6553600), D(100000), D(10000000)]


def test_wrong_and_approximate_products_are_kept_for_the_checker():
    b = parse_basis(_bases()[39])
    t = _term(b, "500元*12个月*约1056人")
    assert t.stated.value == D("6331788.36") and t.computed_base() == D(6336000)
    s = next(t for t in b.terms if t.kind == "sum")
    assert [f.value for f in s.factors] == [D("96371.64"), D(8000), D(165440)]
    assert s.computed_base() == s.stated.base() == D("269811.64")
    inner = _term(b, "8*10340*2")
    assert inner.nested and inner.stated.value == D(165440) and inner.computed_base() == D(165440)
    approx = _term(parse_basis(_bases()[105]), "38人*506元/人/月")
    assert approx.stated.value == D("23.07") and approx.computed_base() == D(230736)


def test_list_numbers_are_not_amounts():
    b = parse_basis(_bases()[150])  # "1.17.5万元/人*14人=245万元"
    [t] = b.terms
    assert t.factors[0].value == D("17.5") and t.stated.value == D(245)
    b = parse_basis("四、奖励：1.2025年预测经费:本科300人*2万元=600万元，合计600万元。")
    assert b.terms[0].factors[0].value == D(300)


def test_rates_and_breakdowns_are_not_added_twice():
    b = parse_basis(_bases()[83])  # 50万元，其中26万元+24万元 …
    [total] = b.terms
    assert [f.value for f in total.factors] == [D(500000), D(500000), D(100000)]
    b = parse_basis(_bases()[105])  # 每人550元标准 is a rate, (专家评审…8万元…2万元) a breakdown
    first, _, second = b.terms
    assert [f.value for f in first.factors] == [D(34100), D(45900)]
    assert second.computed_base() == D(590700)


@pytest.mark.parametrize("text", ["", None, "无", "按实际发生数列支。", "<p></p>", "合计", "1、2、3、", "***==="])
def test_texts_without_terms(text):
    b = parse_basis(text)
    assert b.terms == [] and b.stated_total is None
    assert b.to_dict()["terms"] == []


def test_full_width_and_times_sign():
    b = parse_basis("培训费５００元×２０人＝１万元")
    [t] = b.terms
    assert t.computed_base() == D(10000) and t.stated.base() == D(10000)
