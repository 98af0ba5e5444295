"""Issue 6 acceptance on the store: seeds 000 and 001 scored, kept with their settings, exported."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from jixiao.exports.json_export import build
from jixiao.scoring.settings import NATIONAL
from jixiao.services.ingest import ingest_paths
from jixiao.services.scoring import score_store
from jixiao.storage.models import IndicatorRow, ProjectRow
from jixiao.storage.score_models import IndicatorScoreRow, ProjectScoreRow, ScoreRunRow
from tests.conftest import ROOT, SAMPLES, SEED_000, SEED_001

D = Decimal
JIXIAO = str(Path(sys.executable).parent / "jixiao")


def test_seeds_score_every_project(store):
    ingest_paths(store, [SEED_000, SEED_001])
    run = score_store(store)
    assert run.projects == 42 and run.settings_name == "national"
    units = {u.unit: u for u in run.units}
    assert units["职业训练中心"].count == 18 and "龙岗区职业训练中心" not in units  # one unit, two names
    assert units["人力资源局本级"].count == 16
    with store() as s:
        scored = set(s.scalars(select(ProjectScoreRow.project_id)))
        assert scored == set(s.scalars(select(ProjectRow.id)))
        assert s.scalar(select(func.count()).select_from(IndicatorScoreRow)) == \
            s.scalar(select(func.count()).select_from(IndicatorRow))
        rows = list(s.scalars(select(ProjectScoreRow)))
        for u in run.units:
            mine = [r.total for r in rows if r.unit == u.unit]
            assert u.mean == (sum(mine) / len(mine)).quantize(D("0.01"))
            assert sum(u.grades.values()) == len(mine)
        for r in rows:
            assert 0 <= r.total <= 100 and r.grade in ("优", "良", "中", "差")
            assert r.execution_explanation and r.total_explanation and r.grade_explanation


def test_not_done_project_is_poor_with_reasons(store):
    ingest_paths(store, [SEED_000, SEED_001])
    score_store(store)
    with store() as s:
        rows = list(s.scalars(select(ProjectScoreRow).where(ProjectScoreRow.project_name == "教师慰问奖励")))
        assert len(rows) == 2  # seed 000 seq 31 and its copy in seed 001
        for r in rows:
            assert r.grade in ("差", "中") and r.total == D("27.00")
            assert "无法计算执行率" in r.execution_explanation
            inds = list(s.scalars(select(IndicatorScoreRow).where(IndicatorScoreRow.project_score_id == r.id)
                                  .where(IndicatorScoreRow.method != "not_applicable")))
            assert inds and all("「未完成」" in i.explanation and "定性指标“未完成”的得分比例" in i.explanation
                                for i in inds)


def test_explanations_name_the_completion_text(store):
    ingest_paths(store, [SEED_000])
    score_store(store)
    with store() as s:
        pairs = s.execute(select(IndicatorScoreRow, IndicatorRow).join(
            IndicatorRow, IndicatorScoreRow.indicator_id == IndicatorRow.id)).all()
        assert len(pairs) == s.scalar(select(func.count()).select_from(IndicatorRow))
        for score, ind in pairs:
            assert score.completion_text == ind.actual_text
            if ind.actual_text and score.method != "not_applicable":
                assert f"所用完成情况：「{ind.actual_text[:150]}" in score.explanation
        jobs = next(sc for sc, ind in pairs if ind.target_text.startswith("1.举办公益招聘会场数"))
        assert jobs.method == "quantitative"
        assert "实际 19 ≥ 目标 10" in jobs.explanation and "实际 8803 ≥ 目标 500" in jobs.explanation


def test_scores_keep_settings_and_replace_earlier_runs(store):
    ingest_paths(store, [SEED_001])
    score_store(store)
    second = score_store(store)
    with store() as s:
        runs = list(s.scalars(select(ScoreRunRow)))
        assert [r.id for r in runs] == [second.run_id] and runs[0].settings == NATIONAL.to_dict()
        assert s.scalar(select(func.count()).select_from(ProjectScoreRow)) == 9
        data = build(s)
    assert len(data["scores"]) == 9 and data["score_runs"][0]["settings"]["execution_weight"] == "10"
    first = data["scores"][0]
    assert set(first) >= {"project_id", "execution", "indicators", "total", "grade", "flags"}
    assert set(first["execution"]) == {"rate", "weight", "score", "explanation"}


def test_checker_hook_hands_audit_flags(store):
    from jixiao.services.checks import build_context
    from jixiao.services.scoring import audit_context_hook

    ingest_paths(store, [SAMPLES / "national" / "forms_variant.txt", SEED_001])
    with store() as s:
        ctx = build_context(s)
        ctx.audit_flags.clear()
        audit_context_hook(s, ctx)
    assert ctx.audit_flags and {f["project"].name for f in ctx.audit_flags} <= \
        {p.name for d in ctx.documents if d.kind == "self_evaluation_form" for p in d.projects}
    assert "total_not_sum" in {f["code"] for f in ctx.audit_flags}
    assert {f["severity"] for f in ctx.audit_flags} <= {"error", "warning", "info"}


def run(*args):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


def cli(*args):
    """The CLI in-process (the console script itself is run once, below)."""
    from typer.testing import CliRunner

    from jixiao.cli.main import app

    return CliRunner().invoke(app, list(args))


def test_console_script_scores_a_json_form():
    out = run("score", "--input", str(ROOT / "docs" / "examples" / "selfeval-example.json"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["total"], data["grade"], data["execution"]["rate"]) == ("95.62", "优", "87.00")
    assert data["flags"] == [] and len(data["indicators"]) == 7


def test_cli_table_errors_and_store(sqlite_url, tmp_path):
    example = str(ROOT / "docs" / "examples" / "selfeval-example.json")
    table = cli("score", "--input", example)
    assert table.exit_code == 0 and "95.62" in table.output and "所用完成情况" in table.output

    bad = tmp_path / "s.toml"
    bad.write_text("[weights]\nexecutoin = 10\n", encoding="utf-8")
    refused = cli("score", "--input", example, "--settings", str(bad))
    assert refused.exit_code == 2 and "未知的设置项 [weights] executoin" in refused.output

    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"schema": "jixiao/selfeval/1", "project": {"name": "x"}}), encoding="utf-8")
    invalid = cli("score", "--input", str(broken))
    assert invalid.exit_code == 2 and "budget: 缺少必填字段" in invalid.output

    assert cli("ingest", str(SEED_000), "--db", sqlite_url).exit_code == 0
    summary = cli("score", "--db", sqlite_url, "--format", "json")
    assert summary.exit_code == 0, summary.output
    units = {u["unit"]: u for u in json.loads(summary.stdout)["units"]}
    assert sum(u["count"] for u in units.values()) == 33 and units["职业训练中心"]["grades"]["差"] == 1
    assert "平均分" in cli("score", "--db", sqlite_url).output
