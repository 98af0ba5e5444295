"""Numbers run together in flattened text: every cut is a cut of the run, and a money row is cut
only where the arithmetic (rate = actual ÷ budget) confirms it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jixiao.ingest.forms.indicator_body import split_run
from jixiao.ingest.forms.money_block import best_layout
from jixiao.ingest.forms.values import splits

COLUMNS = ["budget_initial", "budget", "actual", "weight", "rate", "score"]


def test_the_issue_example_is_cut_by_the_header_and_the_rate():
    """``年度资金总额:202010100.00%10`` (a real form, flattened) is 20 | 20 | 10 | 100.00% | 10."""
    lay = best_layout(["budget", "actual", "weight", "rate", "score"], ["202010100.00%10"])
    assert {k: v for k, (v, _) in lay.items()} == {"budget": "20", "actual": "20", "weight": "10",
                                                  "rate": "100.00%", "score": "10"}


def test_a_cut_the_arithmetic_cannot_confirm_is_no_reading():
    assert best_layout(COLUMNS, ["123456789%"]) is None  # no cut gives rate = actual ÷ budget


@given(st.text(alphabet="0123456789.%", min_size=1, max_size=16), st.integers(1, 5))
def test_every_cut_is_the_run_cut(run, parts):
    for pieces in splits(run, parts):
        assert "".join(pieces) == run and len(pieces) == parts
        for p in pieces:
            n = p.rstrip("%")
            assert n and n.count(".") <= 1 and (n == "0" or not n.startswith("0") or n.startswith("0."))
            assert "%" not in n  # a percent sign only ends a number


amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)


@settings(max_examples=150, deadline=None)
@given(amount, st.integers(1, 100))
def test_budget_actual_and_rate_run_together_read_back(budget, percent):
    """30 | 30 | 100%: a budget, what was spent and its printed rate, glued as a PDF dump prints
    them, come back as they were whenever no other cut gives a rate that fits as well."""
    actual = (budget * percent / 100).quantize(Decimal("0.01"))
    assume(actual > 0)
    rate = f"{(actual / budget * 100).quantize(Decimal('0.01'))}%"
    run = f"{budget}{actual}{rate}"
    lay = best_layout(["budget", "actual", "rate"], [run])
    if lay is not None:  # never a guess: if read, the rate agrees with what was read
        b, a = Decimal(lay["budget"][0]), Decimal(lay["actual"][0])
        r = Decimal(lay["rate"][0].rstrip("%"))
        assert b > 0 and abs(a / b * 100 - r) < 1
        assert lay["budget"][0] + lay["actual"][0] + lay["rate"][0] == run


@given(st.text(alphabet="音响灯光50件20%≥1指标:、。分得计 ", max_size=40))
def test_split_run_cuts_the_text_in_order(text):
    """The pieces stand in the text one after the other: nothing is invented or reordered."""
    pos = 0
    for piece in split_run(text):
        assert piece
        at = text.find(piece, pos)
        assert at >= 0, (piece, text)
        pos = at + len(piece)


WORDS = st.text(alphabet="学生补助标准率满意度反映得扣分每少以上,", min_size=0, max_size=12)


@given(st.lists(st.one_of(WORDS, st.from_regex(r"[0-9]{1,3}(?:%|元|人)?(?:以上)?", fullmatch=True)), max_size=6),
       st.sampled_from(["", "-定量", "-定性", "定量"]))
def test_a_glued_row_is_cut_into_pieces_of_itself_in_order(parts, nature):
    """A row whose cells ran together is cut, never rewritten: every piece is text of the row, in the
    row's order, and a closing 定量 / 定性 comes out as the last piece."""
    text = "".join(parts) + nature
    pieces = split_run(text, glued=True)
    at = 0
    for p in pieces[:-1] if nature else pieces:
        found = text.find(p, at)
        assert found >= 0, (text, p)
        at = found + len(p)
    if nature and text.strip(" ,，;；-定量性"):
        assert pieces[-1] == nature.lstrip("-")


@given(st.lists(st.integers(1, 9999), min_size=1, max_size=5), st.integers(-3, 3))
def test_an_amount_with_its_parts_is_taken_only_when_they_add_up(parts, off):
    """``854万(甲400万元,乙295万元,丙159万元)`` is 854万 when the parts add up to it, else no amount."""
    from jixiao.ingest.forms.target_money import _with_parts

    head = sum(parts) + off
    assume(head > 0)
    text = f"{head}万(" + ",".join(f"{'甲乙丙丁戊'[k]}工程{v}万元" for k, v in enumerate(parts)) + ")"
    found = _with_parts(text)
    assert found == ((Decimal(head), "wan_yuan") if off == 0 else None)
