"""Real files mutated into every source: SourceError is the only way to say no.

Bytes of a real corpus PDF, the legacy .xls template, a Songgang .xlsx, and a Word document and a
web page made from real forms (see tests/unit/sources) are cut short anywhere, have bytes flipped
or junk inserted, and are given another type's name; whatever comes back must be grids whose rows
point into the file, and anything else that is raised is a bug.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest.grid import Grid, SourceError
from jixiao.ingest.sources import read_grids
from tests.unit.sources.corpus_files import corpus_bytes
from tests.unit.sources.test_html_source import PAGE
from tests.unit.sources.test_word_source import form_docx

FILES = {
    "pdf": corpus_bytes("budget_tables_jiangsu_cppcc_2019_excelpdf.pdf"),
    "xls": corpus_bytes("budget_template_shanghai_putuo_unit_2026.xls"),
    "xlsx": corpus_bytes("perftarget_shenzhen_baoan_songgang_2023_culture.xlsx"),
    "docx": form_docx(),
    "html": PAGE.encode("gb2312"),
}
NAMES = ["x.pdf", "x.xls", "x.xlsx", "x.docx", "x.doc", "x.html", "x.csv", "x.txt"]
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw) -> tuple[bytes, str]:
    """One real file, changed as files are damaged in transfer or by hand, under some name."""
    kind = draw(st.sampled_from(sorted(FILES)))
    data = bytearray(FILES[kind])
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "drop"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if how == "cut":
            del data[at:]
        elif how == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif how == "drop":
            del data[at:at + draw(st.integers(1, 4096))]
    return bytes(data), draw(st.sampled_from(NAMES))


@FUZZ
@given(mutated())
def test_mutated_real_files_give_grids_or_a_source_error(case):
    data, name = case
    try:
        grids = read_grids(data, name)
    except SourceError as exc:
        message = str(exc)
        assert message and "Traceback" not in message and "Error" not in message
        return
    assert grids and all(isinstance(g, Grid) and g.file == name for g in grids)
    for g in grids:
        for row in g.rows:
            assert all(isinstance(c, str) for c in row.cells)
            assert row.ref.file == name
            assert row.cell_refs is None or len(row.cell_refs) == len(row.cells)
