"""Garbage in: the real console script names each bad file and its problem, stores nothing for it,
shows no traceback, and still ingests the good files given alongside (issue 2)."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import create_engine, select

from jixiao.storage.models import DocumentRow, ProjectRow
from tests.conftest import SAMPLES, SEED_000, SEED_001

JIXIAO = str(Path(sys.executable).parent / "jixiao")
SEED_TEXT = SEED_000.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.split("\n")


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _workbook_with_broken_sheet() -> bytes:
    buf = io.BytesIO()
    Workbook().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>9"
    return _zip(parts)


# name → (bytes, words the message must contain)
BAD = {
    "random.txt": (random.Random(7).randbytes(4096), "二进制"),
    "empty.txt": (b"", "文件为空"),
    "after_header.txt": ("\n".join(SEED_LINES[:11]).encode(), "截断"),
    "mid_money.txt": (SEED_TEXT[:SEED_TEXT.index("80.67%") - 3].encode(), "截断"),
    "mid_text.txt": (SEED_TEXT[:SEED_TEXT.index("80.67%") + 120].encode(), "截断"),
    "after_page_header.txt": ("\n".join(SEED_LINES[:36]).encode(), "截断"),
    "no_last_subtotal.txt": ("\n".join(SEED_LINES[:40]).encode(), "截断"),
    "mid_character.txt": (SEED_TEXT.encode()[:SEED_TEXT.encode().index("南粤".encode()) + 4], "截断"),
    "people.csv": ("姓名,年龄,城市\n张三,34,深圳\n李四,29,广州\n".encode(), "不是可识别的绩效表格"),
    "not_a_zip.xlsx": (b"this is not a workbook at all", "不是 Excel 工作簿"),
    "zip_not_workbook.xlsx": (_zip({"readme.txt": b"hello", "data/a.csv": b"1,2"}), "不是 Excel 工作簿"),
    "broken_sheet.xlsx": (_workbook_with_broken_sheet(), "无法"),
}


@pytest.fixture
def folder(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, (data, _) in BAD.items():
        (bad / name).write_bytes(data)
    return bad


def _stored_files(db: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return sorted(conn.scalars(select(DocumentRow.file)))
    finally:
        engine.dispose()


def test_garbage_is_reported_and_good_files_still_land(folder, tmp_path):
    db = tmp_path / "garbage.db"
    good = [SEED_001, SAMPLES / "national" / "forms_variant.txt"]
    # the folder is walked for every supported type, the CSV among them
    r = subprocess.run([JIXIAO, "ingest", str(folder), *map(str, good),
                        "--db", f"sqlite:///{db}"],
                       capture_output=True, text=True, timeout=120)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "Traceback" not in out and "Error:" not in out
    lines = out.splitlines()
    for name, (_, words) in BAD.items():
        [line] = [ln for ln in lines if f"{folder / name}:" in ln]
        assert line.startswith("✗") and words in line, line
    assert f"共 {len(BAD) + 2} 个文件，2 个成功，{len(BAD)} 个失败。" in out
    assert _stored_files(db) == sorted(p.name for p in good)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert len(list(conn.scalars(select(ProjectRow.id)))) == 9 + 2
    engine.dispose()


def test_one_bad_file_alone_exits_non_zero_and_stores_nothing(folder, tmp_path):
    name = "mid_text.txt"
    db = tmp_path / "one.db"
    r = subprocess.run([JIXIAO, "ingest", str(folder / name), "--db", f"sqlite:///{db}"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stdout + r.stderr
    assert name in r.stdout and "0 个成功" in r.stdout
    assert _stored_files(db) == []


def test_cut_off_message_names_the_line():
    from jixiao.ingest.forms import read_document
    from jixiao.ingest.grid import SourceError

    with pytest.raises(SourceError, match=r"mid_money\.txt:64 处被截断"):
        read_document(BAD["mid_money.txt"][0], "mid_money.txt")
    with pytest.raises(SourceError, match=r"after_header\.txt:11 处被截断：最后一行是表头"):
        read_document(BAD["after_header.txt"][0], "after_header.txt")
