"""``jixiao show project ID``: one project as a reviewer reads it, in Chinese.

Facts, money, goals, the 测算依据 terms with the stated
result next to the computed one, the indicator table and the categories marked 不适用. The data is
the project's export shape, so what is shown is what ``jixiao export`` publishes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import typer
from rich.panel import Panel
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, err_console, open_factory
from jixiao.domain.levels import LEVEL1_NAMES, LEVEL2_NAMES
from jixiao.exports.json_export import project_json
from jixiao.services import queries
from jixiao.storage.models import DocumentRow, ProjectRow

show_app = typer.Typer(help="显示一个对象的详情", no_args_is_help=True)
app.add_typer(show_app, name="show")

_UNIT_NAMES = {"yuan": "元", "wan_yuan": "万元"}
_FACTS = [
    ("code", "项目编码"), ("unit", "单位"), ("department", "主管部门"), ("year", "年度"),
    ("type", "项目类型"), ("fund_use", "资金用途"), ("period", "实施期限"),
    ("new_or_continuing", "新增/延续"), ("allocation_method", "分配方式"), ("policy_basis", "政策依据"),
    ("procurement", "资产采购"), ("overview", "项目概况"), ("purpose", "项目用途"),
]
_NEW = {"new": "新增项目", "continuing": "延续项目"}
_OK, _BAD = "[green]✓ 相符[/green]", "[red]✗ 不符[/red]"


@show_app.command("project")
def show_project(
    project_id: int = typer.Argument(..., help="项目 ID（见 jixiao list projects）"),
    db: str = DB_OPTION,
) -> None:
    """显示一个项目：基本信息、金额、目标、测算依据和绩效指标。"""
    factory = open_factory(db)
    with factory() as session:
        row = session.get(ProjectRow, project_id)
        if row is None:
            err_console.print(f"[red]没有 ID 为 {project_id} 的项目[/red]")
            raise typer.Exit(1)
        doc = session.get(DocumentRow, row.document_id)
        inds = queries.indicators_by_project(session, [row.id]).get(row.id, [])
        data = project_json(row, inds, doc.file if doc else "")
    render_project(data)


def render_project(p: dict) -> None:
    """Print one project (export shape) section by section."""
    kind = "部门（单位）整体支出" if p.get("kind") == "unit_overall" else "项目"
    src = p.get("source") or {}
    console.print(Panel(f"[bold]{p['name']}[/bold]  ({kind} #{p['id']})\n来源: {src.get('file')} 第 {src.get('line')} 行",
                        expand=False))
    console.print(_facts(p))
    console.print(_money(p))
    for key, label in (("annual", "年度目标"), ("long_term", "长期目标")):
        text = (p.get("goal") or {}).get(key)
        if text:
            console.print(f"[bold]{label}[/bold]: {text}")
    if p.get("basis"):
        _basis(p["basis"])
    tasks = (p.get("details") or {}).get("tasks")
    if tasks:
        console.print(_tasks(tasks, p.get("money_unit")))
    console.print(_indicators(p.get("indicators") or []))
    _not_applicable(p.get("not_applicable") or [])


def _text(value) -> str:
    """A fact value as one readable line."""
    if isinstance(value, dict):
        if "years" in value and value.get("years"):
            return f"{value['years']} 年"
        if "start" in value:
            return f"{value.get('start') or '?'} 至 {value.get('end') or '?'}"
        if "items" in value:
            return f"{value.get('items') or '无'}（金额 {_grouped(value.get('amount'))} 元）"
        return value.get("text") or ""
    if isinstance(value, list):
        return "、".join(map(str, value))
    return _NEW.get(value, str(value))


def _facts(p: dict) -> Table:
    details = {**(p.get("details") or {}), "type": p.get("type"), "period": p.get("period")}
    table = Table(show_header=False, box=None, title="基本信息", title_justify="left")
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, label in _FACTS:
        value = p.get(key) if key in ("code", "unit", "department", "year") else details.get(key)
        if value not in (None, "", [], {}):
            table.add_row(label, _text(value))
    return table


def _grouped(amount: str | None) -> str:
    if amount is None:
        return "—"
    try:
        return f"{Decimal(amount):,.2f}"
    except InvalidOperation:
        return amount


def _in_unit(amount: str | None, unit: str | None) -> str:
    """``20,653,600.00 元（2,065.36 万元）``: canonical yuan and the document's unit."""
    if amount is None:
        return "—"
    text = f"{_grouped(amount)} 元"
    if unit == "wan_yuan":
        text += f"（{Decimal(amount) / 10000:,.2f} 万元）"
    return text


def _money(p: dict) -> Table:
    budget, unit = p.get("budget") or {}, p.get("money_unit")
    table = Table(show_header=False, box=None, title=f"金额（原文单位：{_UNIT_NAMES.get(unit, unit)}）",
                  title_justify="left")
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    rows = [("本年度金额", budget.get("total")), ("其中：财政拨款", budget.get("fiscal")),
            ("其他资金", budget.get("non_fiscal")), ("项目总金额（中期）", budget.get("multi_year"))]
    for label, amount in rows:
        if amount is not None:
            table.add_row(label, _in_unit(amount, unit))
    doubt = (p.get("details") or {}).get("money_unit_doubt")
    if doubt:
        table.add_row("[red]单位存疑[/red]", f"[red]{doubt.get('reason')}（所填 {doubt.get('value')}）[/red]")
    return table


def _agree(stated: str | None, computed: str | None) -> str:
    if stated is None or computed is None:
        return ""
    diff = abs(Decimal(stated) - Decimal(computed))
    return _OK if diff <= Decimal("0.5") else f"{_BAD} 差 {diff:,.2f} 元"


def _basis(b: dict) -> None:
    table = Table("算式", "所述结果", "计算结果", "核对", title="测算依据", title_justify="left")
    for t in b.get("terms") or []:
        stated = t.get("stated") or {}
        computed = t.get("computed") or {}
        kind = "Σ " if t.get("kind") == "total" else ""
        table.add_row(kind + t.get("text", ""), f"{stated.get('value', '')}{stated.get('unit') or ''}",
                      f"{computed.get('value', '')}{computed.get('unit') or ''}",
                      _agree(t.get("stated_yuan"), t.get("computed_yuan")))
    console.print(table)
    total = b.get("stated_total")
    if total:
        console.print(f"所述合计: {total.get('value')}{total.get('unit') or ''}；计算合计: "
                      f"{_grouped(b.get('computed_total'))} 元 {_agree(total.get('yuan'), b.get('computed_total'))}")
    elif b.get("computed_total"):
        console.print(f"未写明合计；按各项计算: {_grouped(b.get('computed_total'))} 元")
    if not b.get("terms"):
        console.print(f"[dim]原文: {b.get('text')}[/dim]")


def _tasks(tasks: list[dict], unit: str | None) -> Table:
    table = Table("任务名称", "总额", "财政拨款", "其他资金", title="年度主要任务", title_justify="left")
    for t in tasks:
        table.add_row(t.get("name") or "", _in_unit(t.get("total"), unit), _in_unit(t.get("fiscal"), unit),
                      _in_unit(t.get("non_fiscal"), unit))
    return table


def _indicators(inds: list[dict]) -> Table:
    table = Table("一级指标", "二级指标", "三级指标", "指标值", "读作", "目标值来源", "行",
                  title=f"绩效指标（{len(inds)} 个）", title_justify="left")
    for i in inds:
        t = i.get("target") or {}
        read = " ".join(x for x in (t.get("op"), t.get("value"), t.get("unit")) if x)
        read = read or ("定性" if t.get("text") else "—")
        level2 = i.get("level2_text") or LEVEL2_NAMES.get(i.get("level2") or "", "")
        table.add_row(i.get("level1_text") or LEVEL1_NAMES.get(i.get("level1") or "", ""),
                      ("*" if i.get("required") else "") + level2, i.get("name") or "",
                      t.get("text") or "", read, i.get("source_of_value") or "",
                      str((i.get("source") or {}).get("line") or ""))
    return table


def _not_applicable(items: list[dict]) -> None:
    if not items:
        return
    names = [("*" if n.get("required") else "") + LEVEL2_NAMES.get(n.get("level2") or "", n.get("level2") or "")
             for n in items]
    console.print(f"[bold]不适用的类别[/bold]（不是缺失）: {'、'.join(names)}")
