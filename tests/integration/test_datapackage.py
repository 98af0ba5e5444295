"""Open data out (issue 19): seed 002's department budget as a Fiscal Data Package that
``frictionless validate`` passes, its money the store's to the cent."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from frictionless import validate

from tests.conftest import SEED_002

JIXIAO = str(Path(sys.executable).parent / "jixiao")


def test_seed_002_as_a_valid_fiscal_data_package(tmp_path):
    url = f"sqlite:///{tmp_path / 'dp.db'}"
    r = subprocess.run([JIXIAO, "ingest", str(SEED_002), "--db", url], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    out = tmp_path / "dp"
    r = subprocess.run([JIXIAO, "export", "--format", "datapackage", "-o", str(out), "--db", url],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "已导出数据包" in r.stdout, r.stdout + r.stderr

    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]

    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    budget = next(res for res in descriptor["resources"] if res["name"] == "budget_lines")
    assert budget["model"]["measures"]["amount"]["currency"] == "CNY"
    assert budget["model"]["measures"]["amount"]["direction"] == "expenditure"
    assert [f["title"] for f in budget["schema"]["fields"]][:3] == ["编号", "文件", "年度"]

    with (out / "budget_lines.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 535 and {r["phase"] for r in rows} == {"预算"}
    top = [r for r in rows if r["table"] == "表1" and r["function_code"] == "201"]
    assert top and Decimal(top[0]["amount"]) == Decimal("3185320000.00")
    assert top[0]["source"] == "002_c4f673160bbbf059.txt 第291行"
