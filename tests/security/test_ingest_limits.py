"""Issue 16, items 6, 7, 8 and 13: hostile or careless files are refused or flagged one by one,
and every other file of the run is read (on SQLite and PostgreSQL where storage is involved)."""

from __future__ import annotations

import resource
import time

import pytest

from jixiao.services.ingest import ingest_bytes, ingest_paths, parse_job
from tests.conftest import ROOT, SEED_000, SEED_001
from tests.security import bombs

DECLARATION = ROOT / "tests/corpus/files/perftarget_shenzhen_baoan_songgang_2023_culture.xlsx"


def _seed(old: str, new: str) -> str:
    text = SEED_000.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("make", [bombs.far_styled_cell, bombs.padded_part], ids=["far-cell", "padded-part"])
def test_item6_workbook_bombs_take_little_time_and_memory(make):
    data = make()
    before, start = _rss_mb(), time.monotonic()
    result = parse_job(data, "bomb.xlsx")
    elapsed, grown = time.monotonic() - start, _rss_mb() - before
    assert isinstance(result, str), "a bomb is never read into a document"
    assert elapsed < 2.0 and grown < 150, (elapsed, grown)


def test_item6_padded_part_names_the_part_and_limit():
    message = parse_job(bombs.padded_part(), "bomb.xlsx")
    assert "xl/workbook.xml" in message and "上限" in message and "bomb.xlsx" in message


def test_item6_sheet_spanning_too_many_cells_is_refused(monkeypatch):
    monkeypatch.setenv("JIXIAO_XLSX_MAX_CELLS", "50")
    message = parse_job(DECLARATION.read_bytes(), "d.xlsx")
    assert isinstance(message, str) and "超过上限 50 个单元格" in message


@pytest.mark.parametrize("amount", ["12345678901234567890.00", "1" * 31 + ".00"], ids=["17+digits", "28+digits"])
def test_item7_huge_amount_refuses_its_file_only(db_url, tmp_path, amount):
    from jixiao.storage.session import open_store

    factory = open_store(db_url)
    big = _write(tmp_path, "big.txt", _seed("118.66\t118.66", f"{amount}\t118.66"))
    results = ingest_paths(factory, [big, SEED_001])
    assert [r.status for r in results] == ["error", "ingested"]
    assert "big.txt" in results[0].message and "超出可存储的范围" in results[0].message
    assert "InvalidOperation" not in results[0].message and "Overflow" not in results[0].message


def test_item7_with_workers_every_file_is_reported(db_url, tmp_path):
    from jixiao.storage.session import open_store

    factory = open_store(db_url)
    files = [_write(tmp_path, "big.txt", _seed("118.66\t118.66", "12345678901234567890.00\t118.66"))]
    for i in range(8):  # distinct contents, so none is a duplicate of another
        files.append(_write(tmp_path, f"ok{i}.txt", _seed("其他一般管理事务", f"其他一般管理事务{i}")))
    results = ingest_paths(factory, files, workers=2)
    assert len(results) == 9 and results[0].status == "error" and "big.txt" in results[0].message
    assert [r.status for r in results[1:]] == ["ingested"] * 8


@pytest.mark.parametrize("old,new,what", [
    ("人力资源局本级", "单" * 250, "单位名称过长"),
    ("其他一般管理事务", "项" * 600, "项目名称过长"),
], ids=["unit-250", "project-600"])
def test_item8_long_texts_are_refused_in_words_on_both_backends(db_url, old, new, what):
    from jixiao.storage.session import open_store

    factory = open_store(db_url)
    result = ingest_bytes(factory, _seed(old, new).encode("utf-8"), "long.txt")
    assert result.status == "error" and what in result.message, result.message
    assert "INSERT" not in result.message and "StringDataRightTruncation" not in result.message
    assert ingest_bytes(factory, SEED_001.read_bytes(), "good.txt").status == "ingested"


def test_item8_long_file_name_is_refused_in_words(db_url):
    from jixiao.storage.session import open_store

    factory = open_store(db_url)
    result = ingest_bytes(factory, SEED_001.read_bytes(), "名" * 520 + ".txt")
    assert result.status == "error" and "文件名过长" in result.message


def test_item13_formulas_without_saved_results_are_reported():
    doc = parse_job(bombs.uncached_formulas(DECLARATION), "formula.xlsx")
    notes = [w.message for w in doc.warnings]
    assert any("2 个公式单元格没有保存计算结果" in m and "B6" in m for m in notes), notes[:3]


def test_item13_a_saved_workbook_has_no_such_notice():
    doc = parse_job(DECLARATION.read_bytes(), "plain.xlsx")
    assert not any("公式" in w.message for w in doc.warnings)


def test_values_refused_at_storage_are_reported_in_words_on_both_backends(db_url):
    """Found by the hostile fuzz: a value that reaches the store past the readers (an amount set on a
    stored-only field, a NUL character) is refused for its file in words, on PostgreSQL too (where
    SQLAlchemy wraps the refusal of a bind processor)."""
    from decimal import Decimal

    from jixiao.services.ingest import store_parsed
    from jixiao.storage.session import open_store

    factory = open_store(db_url)
    doc = parse_job(SEED_000.read_bytes(), "a.txt")
    doc.projects[0].name = "其他\x00管理事务"
    result = store_parsed(factory, doc, b"", "a.txt")
    assert result.status == "error" and "空字符" in result.message, result.message
    doc = parse_job(SEED_001.read_bytes(), "b.txt")
    doc.projects[0].execution_rate = Decimal(10) ** 20
    result = store_parsed(factory, doc, b"", "b.txt")
    assert result.status == "error" and "超出可存储的范围" in result.message, result.message
