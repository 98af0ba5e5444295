"""The console script end to end: ingest, list, export (issue 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from tests.conftest import SEED_000, SEED_001

JIXIAO = str(Path(sys.executable).parent / "jixiao")


def run(*args, cwd=None):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_ingest_list_export(db_url, tmp_path):
    r = run("ingest", str(SEED_000), str(SEED_001), "--db", db_url)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "33 个项目" in r.stdout and "9 个项目" in r.stdout
    again = run("ingest", str(SEED_000), "--db", db_url)
    assert again.returncode == 0 and "相同" in again.stdout

    listed = run("list", "projects", "--unit", "职业训练中心", "--format", "json", "--db", db_url)
    rows = json.loads(listed.stdout)
    assert len(rows) == 18  # 9 in seed 000 (职业训练中心) + 9 in seed 001 (龙岗区职业训练中心)

    csv_out = run("list", "projects", "--format", "csv", "--db", db_url)
    assert csv_out.stdout.splitlines()[0].startswith("编号,文档,单位")
    assert len(csv_out.stdout.splitlines()) == 43

    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(out), "--db", db_url).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "jixiao/1"
    assert len(data["documents"]) == 2 and len(data["projects"]) == 42
    p = next(p for p in data["projects"] if p["name"] == "办公设备购置" and p["unit"] == "人事服务中心")
    for key in ("id", "document_id", "kind", "department", "unit", "name", "code", "year", "source",
                "budget", "actual", "execution_rate", "status", "goal", "indicators"):
        assert key in p
    assert p["source"] == {"file": "000_9c9e7ed0d43ac23c.txt", "line": 50}
    assert p["budget"] == {"total": "106500.00", "general_public": "106500.00"}
    assert p["execution_rate"] == "96.10"
    ind = p["indicators"][0]
    assert set(ind["target"]) == {"text", "op", "value", "unit"} and ind["source"]["line"] == 50
    total = sum(Decimal(p["budget"]["total"]) for p in data["projects"] if p["document_id"] == 1)
    assert total == Decimal("958539000.00")
    assert [t["label"] for t in data["stated_totals"]][-1] == "合计"


def test_unreachable_database_is_one_clear_line():
    r = run("list", "projects", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert r.returncode == 2
    assert "无法打开数据库" in r.stderr and "Traceback" not in r.stderr


def test_a_target_range_exports_both_ends(db_url, tmp_path):
    """Seed 000 with one 服务对象满意度≥95% written as a range, as other departments write it."""
    text = SEED_000.read_text(encoding="utf-8")
    assert text.count("服务对象满意度≥95%") == 3
    ranged = tmp_path / "000_range.txt"
    ranged.write_text(text.replace("服务对象满意度≥95%", "服务对象满意度90%-95%", 1), encoding="utf-8")
    assert run("ingest", str(ranged), "--db", db_url).returncode == 0
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(out), "--db", db_url).returncode == 0
    targets = [i["target"] for p in json.loads(out.read_text(encoding="utf-8"))["projects"]
               for i in p["indicators"] if i["target"]]
    ranges = [t for t in targets if t["op"] == "~"]
    assert len(ranges) == 1
    assert {k: ranges[0][k] for k in ("op", "value", "value_high", "unit")} == \
        {"op": "~", "value": "90", "value_high": "95", "unit": "%"}
    assert "服务对象满意度90%-95%" in ranges[0]["text"]
    assert all("value_high" not in t for t in targets if t["op"] != "~")


def test_ingest_explain_shows_the_grid_the_fields_and_their_lines(tmp_path):
    """A real excerpt flattened into one line of words (Wuhan 新洲, a .docx dump): nothing is stored."""
    corpus = Path(__file__).resolve().parent.parent / "corpus" / "text"
    r = subprocess.run([JIXIAO, "ingest", "--explain", str(corpus / "S06.txt"), "--rows", "5",
                        "--db", f"sqlite:///{tmp_path / 'x.db'}"], capture_output=True, text=True, timeout=120,
                       env={"COLUMNS": "200", "PATH": str(Path(sys.executable).parent)})
    out = r.stdout
    assert r.returncode == 0, out + r.stderr
    assert "项目支出绩效自评表（按标签读取） 1.00" in out and "读作：项目支出绩效自评表，2 个项目" in out
    assert "演出设备更新专项经费" in out and "30 万元" in out and "S06.txt:5" in out
    assert "更新剧团老化、损坏的音 | 50件 | 50件 | 20 | 20" in out
    assert "表格不完整：在 S06.txt:7 处中断" in out
    assert not (tmp_path / "x.db").exists()
    junk = tmp_path / "notes.txt"
    junk.write_text("会议纪要\n今天讨论了工作安排。\n", encoding="utf-8")
    refused = run("ingest", "--explain", str(junk))
    assert refused.returncode == 1 and "未能读取：不是可识别的绩效表格" in refused.stdout


def test_ingest_folder_lists_what_it_skipped_and_why(tmp_path, sqlite_url):
    folder = tmp_path / "收到的文件"
    folder.mkdir()
    (folder / "001.txt").write_bytes(SEED_001.read_bytes())
    (folder / "会议.pptx").write_bytes(b"PK slides")
    (folder / "~$001.xlsx").write_bytes(b"lock")
    r = run("ingest", str(folder), "--db", sqlite_url)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "跳过" in r.stdout and "会议.pptx：不支持的文件类型（.pptx）" in r.stdout
    assert "~$001.xlsx：隐藏文件或 Office 临时文件" in r.stdout  # a lock file, though its suffix is .xlsx
    assert "9 个项目" in r.stdout and "共 1 个文件，1 个成功，0 个失败，跳过 2 个文件" in r.stdout
