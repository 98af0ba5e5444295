"""``jixiao score``: one self-evaluation from a JSON file, or every self-evaluated project in the store."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.scoring.settings import SETTINGS_LABELS
from jixiao.cli.commands.demo import DEMO_STEPS

METHOD_LABELS = {"quantitative": "定量", "qualitative": "定性", "mixed": "定量+定性", "not_applicable": "不适用"}
SEVERITY_STYLES = {"error": ("错误", "bold red"), "warning": ("警告", "yellow"), "note": ("提示", "cyan")}


class Format(str, Enum):
    table = "table"
    json = "json"


def _settings(path: Path | None):
    from jixiao.scoring.settings import SettingsError, load

    try:
        return load(path)
    except SettingsError as exc:
        err_console.print(f"[red]设置有误[/red]: {escape(str(exc))}")
        raise typer.Exit(2) from None


def _print_project(result) -> None:
    ex = result.execution
    table = Table("指标", "权重", "得分", "方法", title=f"{escape(result.project)} 自评得分")
    rate = "—" if ex.rate is None else f"{ex.rate}%"
    table.add_row(f"预算执行率 {rate}", f"{ex.weight}", f"{ex.score}", "公式")
    for i in result.indicators:
        table.add_row(escape(i.name), f"{i.weight}", f"{i.score}", METHOD_LABELS[i.method])
    table.add_row("[bold]总分[/bold]", "", f"[bold]{result.total}[/bold]", f"[bold]{result.grade}[/bold]")
    console.print(table)
    console.print("\n[bold]说明[/bold]")
    console.print(f"权重：{escape(result.weights_explanation)}")
    console.print(f"预算执行率：{escape(ex.explanation)}")
    for n, i in enumerate(result.indicators, 1):
        console.print(f"{n}. {escape(i.name)}：{escape(i.explanation)}")
    console.print(f"总分：{escape(result.total_explanation)}")
    console.print(f"等级：{escape(result.grade_explanation)}")
    if result.flags:
        console.print(f"\n[bold]需要复核（{len(result.flags)} 条）[/bold]")
    for f in result.flags:
        label, style = SEVERITY_STYLES.get(f.severity, (f.severity, ""))
        console.print(f"[{style}]{label}[/] [bold]{f.code}[/bold] {escape(f.subject)}：{escape(f.message)}")


def _score_file(path: Path, settings, fmt: Format) -> None:
    from jixiao.scoring.engine import score_project
    from jixiao.scoring.selfeval_input import SelfEvalError, load

    try:
        form = load(path)
    except SelfEvalError as exc:
        err_console.print(f"[red]无法评分[/red]: {escape(str(exc))}")
        raise typer.Exit(2) from None
    result = score_project(form.to_project(str(path)), settings)
    if fmt is Format.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_project(result)


def print_summary(run) -> None:
    """The per-unit table of a store run: count, mean score, grades."""
    table = Table("单位", "项目数", "平均分", "优", "良", "中", "差",
                  title=f"自评得分（{run.projects} 个项目，按{escape(SETTINGS_LABELS.get(run.settings_name, run.settings_name))}）")
    for u in run.units:
        g = u.grades
        table.add_row(escape(u.unit), str(u.count), f"{u.mean:.2f}", str(g["优"]), str(g["良"]), str(g["中"]), str(g["差"]))
    console.print(table)
    console.print(f"共 {run.projects} 个项目已评分并存入库中，{run.flags} 条需要复核的提示"
                  "（每个得分的说明见 jixiao export 导出的评分）")


@app.command()
def score(
    input_file: Path = typer.Option(None, "--input", help="评一张自评表：jixiao/selfeval/1 格式的 JSON 文件"),
    settings: Path = typer.Option(None, "--settings", help="评分设置文件（TOML；默认全国通用方法）"),
    fmt: Format = typer.Option(Format.table, "--format", help="输出格式"),
    db: str = DB_OPTION,
) -> None:
    """按财政部方法评分并说明每一分：--input 评一张自评表，否则评库中全部自评项目并存入库中。"""
    conf = _settings(settings)
    if input_file is not None:
        _score_file(input_file, conf, fmt)
        return
    from jixiao.services.scoring import score_store

    run = score_store(open_factory(db), conf)
    if fmt is Format.json:
        json.dump(run.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_summary(run)


def demo_step(url: str) -> None:
    """Demo: score the sample self-evaluations and show the per-unit summary."""
    from jixiao.services.scoring import score_store

    console.print("\n[bold]自评评分[/bold]（jixiao score）")
    print_summary(score_store(open_factory(url)))


def _register_checker_hook() -> None:
    from jixiao.services import checks
    from jixiao.services.scoring import register_checker_hook

    register_checker_hook(checks.CONTEXT_HOOKS)


DEMO_STEPS.append(demo_step)
_register_checker_hook()
