"""``jixiao check`` and ``jixiao rules``: run the checker on the store, list its rules."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.cli.commands.demo import DEMO_STEPS
from jixiao.domain.labels import without_gloss
from jixiao.exports import report_html

SEVERITY_STYLES = {"error": ("错误", "bold red"), "warning": ("警告", "yellow"), "info": ("提示", "cyan")}
DEFAULT_SETTINGS = Path("jixiao.toml")


class Format(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    pdf = "pdf"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


SETTINGS_OPTION = typer.Option(None, "--settings", help="设置文件（TOML 的 [checks] 表；默认读取当前目录的 jixiao.toml）")


def _settings(path: Path | None):
    from jixiao.checks.settings import SettingsError, load_settings

    if path is None and DEFAULT_SETTINGS.is_file():
        path = DEFAULT_SETTINGS
    try:
        return load_settings(path)
    except SettingsError as exc:
        err_console.print(f"[red]设置有误[/red]: {escape(str(exc))}")
        raise typer.Exit(2) from None


def _summary(report) -> dict:
    return {"documents": report.documents, "projects": report.projects, "rules": len(report.rules),
            "checks": report.checks, "seconds": round(report.seconds, 3), "counts": report.counts()}


def _print_table(findings: list[dict], summary: dict) -> None:
    for doc in report_html.grouped(findings):
        counts = {s: sum(1 for p in doc["projects"] for f in p["findings"] if f["severity"] == s) for s in SEVERITY_STYLES}
        head = " ".join(f"[{SEVERITY_STYLES[s][1]}]{SEVERITY_STYLES[s][0]} {n}[/]" for s, n in counts.items() if n)
        console.print(f"\n[bold]{escape(doc['name'] or '（跨文档）')}[/bold]  {head}")
        for project in doc["projects"]:
            console.print(f"  [bold]{escape(project['name'] or '整个文档')}[/bold]")
            for f in project["findings"]:
                label, style = SEVERITY_STYLES.get(f["severity"], (f["severity"], ""))
                where = f"  [dim]{escape(f['where'])}[/dim]" if f["where"] else ""
                console.print(f"    [{style}]{label}[/] [bold]{f['code']}[/bold] {escape(without_gloss(f['message']))}{where}")
    c = summary["counts"]
    shown = f"显示 {len(findings)} 条，" if len(findings) != sum(c.values()) else ""
    console.print(f"\n{shown}共 {sum(c.values())} 条：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}"
                  f"（{summary['documents']} 个文档，{summary['projects']} 个项目，{summary['rules']} 条规则，"
                  f"用时 {summary['seconds']} 秒）")


def _check_codes(codes: list[str]) -> None:
    from jixiao.checks.registry import load_builtin_rules

    registry = load_builtin_rules()
    for code in codes:
        if code.upper() not in registry:
            err_console.print(f"[red]未知的规则编号[/red] {escape(code)}（用 jixiao rules 查看全部规则）")
            raise typer.Exit(2)


@app.command()
def check(
    db: str = DB_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", help="输出格式"),
    severity: Level = typer.Option(None, "--severity", help="只显示不低于此严重程度的结果"),
    rule: list[str] = typer.Option(None, "--rule", help="只显示这些规则的结果（可重复）"),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="出现此严重程度（或更严重）的结果时退出码为 1"),
    settings: Path = SETTINGS_OPTION,
    output: Path = typer.Option(None, "-o", "--output", help="输出文件（默认标准输出）"),
) -> None:
    """检查库中全部文档：金额、执行率、完成情况、指标、跨文档一致性和模板；结果存入库中。"""
    from jixiao.checks.finding import severity_rank
    from jixiao.services.checks import run_and_store

    codes = list(rule or [])
    _check_codes(codes)
    conf = _settings(settings)
    factory = open_factory(db)
    report = run_and_store(factory, conf)
    for failure in report.failures:
        err_console.print(f"[yellow]规则 {failure.code} 在 {escape(failure.where)} 出错[/yellow]: {escape(failure.error)}")
    shown = [f.to_dict() for f in report.filtered(severity.value if severity else None, codes or None)]
    summary = _summary(report)
    if fmt is Format.table and output is None:
        _print_scores(report, _score_settings(settings))
    if fmt is Format.pdf:
        _write_pdfs(factory, shown, output)
    else:
        _write(fmt, shown, summary, output)
    floor = severity_rank(fail_on.value)
    raise typer.Exit(1 if any(severity_rank(f["severity"]) >= floor for f in shown) else 0)


def _write(fmt: Format, shown: list[dict], summary: dict, output: Path | None) -> None:
    if fmt is Format.table and output is None:
        _print_table(shown, summary)
        return
    if fmt is Format.html:
        text = report_html.render(shown, summary)
    else:
        text = json.dumps({"summary": summary, "findings": shown}, ensure_ascii=False, indent=1) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"已写入 {output}")


def _score_settings(path: Path | None):
    """The ``[disclosure_score]`` table of the settings file (weights by family, points per finding)."""
    import tomllib

    from jixiao.checks.disclosure_score import score_settings

    if path is None and DEFAULT_SETTINGS.is_file():
        path = DEFAULT_SETTINGS
    data = tomllib.loads(path.read_text(encoding="utf-8")).get("disclosure_score") if path else None
    try:
        return score_settings(data)
    except ValueError as exc:
        err_console.print(f"[red]设置有误[/red]: {escape(str(exc))}")
        raise typer.Exit(2) from None


def _print_scores(report, conf) -> None:
    """公开质量 of each published budget or final account checked, from all its findings."""
    from jixiao.checks.disclosure_score import describe, disclosure_score

    documents = sorted({f.document for f in report.findings if f.document and f.document.lower().endswith(".pdf")})
    if not documents:
        return
    console.print("\n[bold]公开质量[/bold]（预算、决算公开文档，按问题的类别和严重程度扣分）")
    for name in documents:
        mine = [{"code": f.code, "severity": f.severity} for f in report.findings if f.document == name]
        console.print(f"  {escape(name)}  {describe(disclosure_score(name, mine, conf))}")


def _write_pdfs(factory, shown: list[dict], output: Path | None) -> None:
    """Each reviewed PDF with its findings as highlights and notes: one file at ``-o 文件.pdf`` when
    the store holds one PDF, else one ``名称.审查.pdf`` per PDF in the folder ``-o``."""
    from jixiao.exports.review_pdf import annotate
    from jixiao.services.explain import stored_originals

    if output is None:
        err_console.print("[red]--format pdf 需要用 -o 指定输出文件或文件夹[/red]")
        raise typer.Exit(2)
    with factory() as session:
        originals = stored_originals(session)
    if not originals:
        err_console.print("[red]库中没有 PDF 文档[/red]")
        raise typer.Exit(2)
    single = output.suffix.lower() == ".pdf" and len(originals) == 1
    if not single:
        output.mkdir(parents=True, exist_ok=True)
    for name, data in originals.items():
        mine = [f for f in shown if f.get("document") == name]
        target = output if single else output / f"{Path(name).stem}.审查.pdf"
        target.write_bytes(annotate(data, mine))
        console.print(f"已写入 {target}（{len(mine)} 条结果）")


@app.command("rules")
def rules_command(
    settings: Path = SETTINGS_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", help="输出格式（table 或 json）"),
) -> None:
    """列出检查规则：编号、家族、名称、严重程度和说明（docs/rules/ 有每条规则的详细说明）。"""
    from jixiao.checks.registry import all_rules

    conf = _settings(settings)
    rows = [{"code": r.code, "family": r.family, "name": r.name, "severity": conf.severity_of(r),
             "enabled": conf.enabled(r), "summary": r.summary} for r in all_rules()]
    if fmt is not Format.table:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    families = {r.code: r.family_label for r in all_rules()}
    table = Table("编号", "类别", "严重程度", "说明", title=f"检查规则（{len(rows)} 条）")
    for r in rows:
        label, style = SEVERITY_STYLES[r["severity"]]
        sev = f"[{style}]{label}[/]" if r["enabled"] else "[dim]已关闭[/dim]"
        table.add_row(r["code"], families[r["code"]], sev, escape(without_gloss(r["summary"])))
    console.print(table)


def demo_step(url: str) -> None:
    """Demo: check the sample documents and show the errors and warnings found."""
    from jixiao.services.checks import run_and_store

    report = run_and_store(open_factory(url))
    summary = _summary(report)
    console.print("\n[bold]检查结果中的错误[/bold]（全部结果：jixiao check --db … 或 --format html）")
    _print_table([f.to_dict() for f in report.filtered("error")], summary)


DEMO_STEPS.append(demo_step)
