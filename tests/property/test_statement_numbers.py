"""Property tests for the statement reader's numbers and sentences: any text reads without an
exception, and an amount written the ways statements write it reads back as itself, in yuan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.budget import year_column
from jixiao.domain.limits import MAX_YUAN, AmountOutOfRange
from jixiao.domain.memo import new_document
from jixiao.domain.model import Document
from jixiao.ingest.forms import budget_statements
from jixiao.ingest.forms.statement_clauses import clauses
from jixiao.ingest.forms.statement_numbers import MONEY, tokens, to_yuan
from jixiao.ingest.forms.statement_text import key_of
from jixiao.ingest.grid import Grid, Row

amounts = st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)
units = st.sampled_from(list(MONEY))
WORDS = ["“三公”经费", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费", "支出决算为", "预算为", "比上年",
         "增加", "减少", "增长", "下降", "占", "完成预算的", "其中:", "比2019年", "持平", "收、支总计各是", "万元", "元",
         "%", ",", "。", ";", "(", ")", "2023年度", "较上年", "差值为", "分别为:", "个", "、", " ", "\n", "|", "--%"]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=6) | amounts.map(str), max_size=40).map("".join)


def _grid(text: str) -> Grid:
    rows = [Row.at_line([line], "t.txt", n, "prose") for n, line in enumerate(text.split("\n"), start=1)]
    return Grid("t.txt", rows)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_reads_without_an_exception(text):
    tokens(key_of(text))
    clauses(key_of(text))
    new_document()
    grid = _grid(text)
    budget_statements.detect(grid)
    doc = budget_statements.read([grid], Document(file="t.txt", sha256="x", kind="budget_statement"))
    for f in doc.extras.get("budget").stated_figures if doc.extras else []:
        assert f.source is not None and f.source.file == "t.txt"
        year_column(f)


def _written(x: Decimal, grouped: bool, spaced: bool, wide: bool) -> str:
    text = f"{x:,.2f}" if grouped else f"{x:.2f}"
    if wide:
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    return text + (" " if spaced else "")


@given(amounts, units, st.booleans(), st.booleans(), st.booleans())
def test_amounts_round_trip(x, unit, grouped, spaced, wide):
    found = tokens(key_of(f"支出决算为{_written(x, grouped, spaced, wide)}{unit},"))
    assert len(found) == 1
    tok = found[0]
    assert (tok.value, tok.unit, tok.kind) == (x, unit, "money")
    if abs(x * MONEY[unit]) >= MAX_YUAN:  # past what can be stored: the file is refused, in words
        with pytest.raises(AmountOutOfRange):
            to_yuan(tok.value, unit)
    else:
        assert to_yuan(tok.value, unit) == (x * MONEY[unit]).quantize(Decimal("0.01"))


@given(amounts, amounts, st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False))
def test_a_sentence_reads_into_its_columns(level, change, rate):
    new_document()
    text = f"2023年度“三公”经费支出决算为{level}万元,比上年减少{change}万元,下降{rate}%。"
    doc = budget_statements.read([_grid(text)], Document(file="t.txt", sha256="x", kind="budget_statement"))
    got = [(year_column(f), f.value, f.category) for f in doc.extras["budget"].stated_figures]
    assert got == [("2023决算", level, "three_public_total"), ("比上年增减", -change, "three_public_total"),
                   ("比上年增减", -rate, "three_public_total")]
    assert doc.extras["budget"].stated_figures[0].amount == (level * 10000).quantize(Decimal("0.01"))


@given(st.lists(amounts, min_size=2, max_size=2))
def test_a_pair_shares_its_unit(pair):
    found = tokens(key_of(f"收、支总计各是{pair[0]},{pair[1]}万元。"))
    assert [(t.value, t.unit) for t in found] == [(pair[0], "万元"), (pair[1], "万元")]


CORPUS = __import__("pathlib").Path(__file__).resolve().parent.parent / "corpus" / "text"
EXCERPTS = [(CORPUS / f"B{n:02d}.txt").read_text(encoding="utf-8").splitlines() for n in range(1, 21)]


@st.composite
def mutated(draw) -> bytes:
    lines = list(draw(st.sampled_from(EXCERPTS)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut"]))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if not lines:
            break
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(max_size=4)) + lines[i][at:]
        else:
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(mutated())
def test_mutated_statements_never_crash(data):
    from jixiao.ingest.forms import UnknownForm, read_document
    from jixiao.ingest.grid import SourceError

    try:
        doc = read_document(data, "b.txt")
    except (SourceError, UnknownForm):
        return
    for f in doc.extras["budget"].stated_figures if doc.kind == "budget_statement" and doc.extras else []:
        assert f.source is not None and f.source.line is not None
