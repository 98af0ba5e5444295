"""The readers run compiled (mypyc, setup.py) and read every sample exactly as their source does."""

from __future__ import annotations

import hashlib
import importlib
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

PURE = os.environ.get("JIXIAO_PURE_PYTHON") == "1"

# What setup.py compiles: every reader module but the workbook source, and the parsing half of
# the domain. The test names them itself, so a module silently dropped from the build fails here.
COMPILED = [
    "jixiao.ingest.grid", "jixiao.ingest.sources", "jixiao.ingest.sources.tsv_text",
    "jixiao.ingest.forms", "jixiao.ingest.forms.department_budget", "jixiao.ingest.forms.self_evaluation_table",
    "jixiao.ingest.forms.target_declaration", "jixiao.ingest.forms.target_list",
    "jixiao.ingest.forms.budget_target_tables", "jixiao.ingest.forms.wide_indicators",
    "jixiao.domain.basis", "jixiao.domain.basis_terms", "jixiao.domain.levels", "jixiao.domain.memo",
    "jixiao.domain.numbers", "jixiao.domain.targets", "jixiao.domain.text",
]
INTERPRETED = ["jixiao.domain.model", "jixiao.domain.source", "jixiao.domain.target_value",
               "jixiao.ingest.sources.xlsx"]

# Run in a fresh interpreter: jixiao's modules are loaded from their .py files even where a
# compiled extension sits next to them, then every sample is read and its Document printed.
_SOURCE_ONLY = r"""
import hashlib, importlib.machinery, importlib.util, sys
from pathlib import Path

class SourceFirst(importlib.machinery.PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not name.startswith("jixiao"):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is None or not (spec.origin or "").endswith(".so"):
            return spec
        base = spec.origin.split(".")[0]
        source = base + ".py"
        is_package = base.endswith("__init__")
        return importlib.util.spec_from_file_location(
            name, source, submodule_search_locations=[str(Path(source).parent)] if is_package else None)

sys.meta_path.insert(0, SourceFirst)
from jixiao.ingest.forms import read_document
import jixiao.ingest.grid as grid
assert grid.__file__.endswith(".py"), grid.__file__
for path in sys.argv[1:]:
    p = Path(path)
    print(p.name, hashlib.sha256(repr(read_document(p.read_bytes(), p.name)).encode()).hexdigest())
"""


def _samples() -> list:
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file())


@pytest.mark.skipif(PURE, reason="JIXIAO_PURE_PYTHON=1: installed without compiling, on purpose")
def test_readers_are_compiled():
    for name in COMPILED:
        assert importlib.import_module(name).__file__.endswith(".so"), name
    for name in INTERPRETED:
        assert importlib.import_module(name).__file__.endswith(".py"), name


def test_compiled_and_source_readers_give_the_same_documents():
    from jixiao.ingest.forms import read_document

    samples = _samples()
    assert len(samples) == 7
    here = [f"{p.name} {hashlib.sha256(repr(read_document(p.read_bytes(), p.name)).encode()).hexdigest()}"
            for p in samples]
    out = subprocess.run([sys.executable, "-c", _SOURCE_ONLY, *map(str, samples)], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True)
    assert out.stdout.split("\n")[:-1] == here
