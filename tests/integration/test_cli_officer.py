"""The CLI as a budget officer reads it (issue 17): the CSV export of every record in Chinese, the
project list at 80 columns, duplicates not counted as 成功, the demo store kept unless reset."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, SEED_000, SEED_002

JIXIAO = str(Path(sys.executable).parent / "jixiao")
CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$|^(?:done|fiscal|yuan|total|line|budget|final|class|item|section)$")


def run(*args, env=None, cwd=None):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The samples ingested, checked and scored (as ``jixiao demo`` does) and exported as CSV."""
    work = tmp_path_factory.mktemp("csv")
    url = f"sqlite:///{work / 'j.db'}"
    assert run("demo", "--no-serve", "--db-file", str(work / "j.db")).returncode == 0
    out = run("export", "--format", "csv", "-o", str(work / "out"), "--db", url)
    assert out.returncode == 0, out.stdout + out.stderr
    return work / "out", out.stdout


def test_csv_export_writes_every_record_type(exported):
    out, said = exported
    for name in ("projects", "indicators", "findings", "scores", "budget_lines", "three_public_lines"):
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name
        assert f"{name}.csv" in said
    projects = _rows(out / "projects.csv")
    assert len(projects) == 155
    office = next(p for p in projects if p["项目名称"] == "办公设备购置" and p["单位"] == "人事服务中心")
    assert (office["预算数（元）"], office["执行率（%）"], office["完成情况"], office["原文金额单位"]) == \
        ("106500.00", "96.10", "完成", "万元")
    assert len(_rows(out / "indicators.csv")) == 1098
    scores = _rows(out / "scores.csv")
    assert len(scores) == 47 and {s["等级"] for s in scores} <= {"优", "良", "中", "差"}
    findings = _rows(out / "findings.csv")
    assert findings and {f["级别"] for f in findings} <= {"错误", "警告", "提示"}


def test_three_public_lines_keep_the_document_year_beside_the_amount_year(exported):
    out, _ = exported
    rows = _rows(out / "three_public_lines.csv")
    assert list(rows[0]).count("文档年度") == 1 and "金额年度" in rows[0] and "年度" not in rows[0]
    budget_2020 = [r for r in rows if r["文件"] == SEED_002.name]
    assert {r["文档年度"] for r in budget_2020} == {"2020"}  # was 2019 in 54 rows: the row's year overwrote it
    assert {r["金额年度"] for r in budget_2020} == {"2019", "2020"}
    assert sum(r["金额年度"] == "2019" for r in budget_2020) == 54
    for path in out.glob("*.csv"):  # no file repeats a heading
        with path.open(encoding="utf-8-sig", newline="") as fh:
            head = next(csv.reader(fh))
        assert len(head) == len(set(head)), (path.name, head)


def test_csv_words_are_chinese(exported):
    out, _ = exported
    leaks = {}
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            head = next(reader)
            leaks.update({(path.name, h): h for h in head if re.search(r"[A-Za-z]", h)})
            for row in reader:
                for h, v in zip(head, row):
                    if CODE.match(v):
                        leaks[(path.name, h)] = v
    assert leaks == {}


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_list_projects_reads_at_80_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'j.db'}"
    assert run("ingest", str(SEED_000), "--db", url).returncode == 0
    out = run("list", "projects", "--db", url, env={"COLUMNS": "80"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(_width(line) for line in lines) <= 80
    assert "…" not in out.stdout  # nothing cut off: long names wrap
    assert "完成" in out.stdout and "done" not in out.stdout
    assert "预算" in out.stdout and "（万元）" in out.stdout and "10.65" in out.stdout  # 办公设备购置: 106,500 元


def test_duplicates_are_not_counted_as_success(tmp_path):
    url = f"sqlite:///{tmp_path / 'j.db'}"
    assert run("ingest", str(SEED_000), "--db", url).returncode == 0
    again = run("ingest", str(SEED_000), str(SEED_002), "--db", url)
    assert again.returncode == 0, again.stdout
    assert "共 2 个文件，1 个成功，1 个已在库中（未改动），0 个失败" in again.stdout


def test_demo_keeps_its_store_unless_reset(tmp_path):
    db = tmp_path / "demo.db"
    first = run("demo", "--no-serve", "--db-file", str(db))
    assert first.returncode == 0 and "新建演示库" in first.stdout
    upload = tmp_path / "上传的文件.txt"
    upload.write_bytes((ROOT / "tests" / "corpus" / "text" / "S01.txt").read_bytes())
    assert run("ingest", str(upload), "--db", f"sqlite:///{db}").returncode == 0
    kept = run("demo", "--no-serve", "--db-file", str(db))
    assert kept.returncode == 0 and "沿用已有的演示库" in kept.stdout and "--reset" in kept.stdout
    docs = subprocess.run(["sqlite3", str(db), "select file from documents"], capture_output=True, text=True)
    assert upload.name in docs.stdout
    reset = run("demo", "--no-serve", "--reset", "--db-file", str(db))
    assert reset.returncode == 0 and "已删除并重建演示库" in reset.stdout
    docs = subprocess.run(["sqlite3", str(db), "select file from documents"], capture_output=True, text=True)
    assert upload.name not in docs.stdout and SEED_000.name in docs.stdout


def test_sqlite_side_files_are_ignored():
    ignored = subprocess.run(["git", "check-ignore", "jixiao-demo.db-wal", "jixiao.db-shm"], cwd=ROOT,
                             capture_output=True, text=True)
    assert ignored.stdout.split() == ["jixiao-demo.db-wal", "jixiao.db-shm"]
    assert SAMPLES.is_dir()
