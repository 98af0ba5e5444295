"""Build hook: the form readers are compiled to C with mypyc (as black and mypy itself are).

Reading a province's forms is the slow step of every ingest; the readers are plain typed Python,
and compiled they run about a third faster with the same results (the tests run on the compiled
build). ``JIXIAO_PURE_PYTHON=1`` installs them uncompiled (no C compiler needed); the source files
are the same either way. Everything else (metadata, dependencies) lives in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

# The modules a document passes through between its bytes and its Document. Data classes of the
# model (model.py, budget.py, source.py, target_value.py) stay interpreted: they are pickled,
# copied with dataclasses.replace and built the same way either way; so does the workbook source,
# whose time is spent in openpyxl.
INTERPRETED = {"src/jixiao/ingest/sources/xlsx.py"}
COMPILED_DOMAIN = ["basis", "basis_terms", "levels", "memo", "numbers", "targets", "text"]


def compiled_sources(root: Path = Path(__file__).parent) -> list[str]:
    """Source paths (relative, sorted) of the compiled modules (tests/test_compiled_build.py names them too;
    the Makefile rebuilds on any change under src/jixiao/ingest or src/jixiao/domain)."""
    src = root / "src" / "jixiao"
    paths = sorted((src / "ingest").rglob("*.py")) + [src / "domain" / f"{m}.py" for m in COMPILED_DOMAIN]
    return [rel for rel in (str(p.relative_to(root)) for p in paths) if rel not in INTERPRETED]


def _extensions() -> list:
    if os.environ.get("JIXIAO_PURE_PYTHON") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(compiled_sources(), opt_level="3", debug_level="1")


setup(ext_modules=_extensions())
