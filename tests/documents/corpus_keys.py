"""The corpus excerpts and their answer keys, for the per-family tests of real documents."""

from __future__ import annotations

import json
from decimal import Decimal

from bench.corpus import measure_one
from jixiao.ingest.forms import read_document
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
D = Decimal


def read(stem: str):
    """The Document read from excerpt ``stem`` (tests/corpus/text/S01.txt …)."""
    path = CORPUS / "text" / f"{stem}.txt"
    return read_document(path.read_bytes(), path.name)


def key(stem: str) -> dict:
    """The excerpt's hand-made answer key."""
    return json.loads((CORPUS / "expected" / f"{stem}.json").read_text(encoding="utf-8"))


def assert_exact(stem: str) -> None:
    """Every field the key states (name, amounts, rate, scores, indicators) is read exactly."""
    result, _ = measure_one(CORPUS / "text" / f"{stem}.txt", key(stem))
    assert result["read"], result["error"]
    wrong = {f: v for f, v in result["fields"].items() if v[0] != v[1]}
    assert wrong == {} and result["fields"], result["fields"]
