"""``jixiao units``: the stored units, the registry's aliases, and names that look like one unit."""

from __future__ import annotations

import typer
from rich.table import Table

from jixiao.cli.app import DB_OPTION, app, console, open_factory


@app.command("units")
def units(
    apply: bool = typer.Option(False, "--apply", help="把库中已有的别名改为登记的单位名称"),
    db: str = DB_OPTION,
) -> None:
    """列出单位及其项目数、登记的别名（domain/unit_aliases.toml），以及疑似同一单位的名称。"""
    from jixiao.domain.unit_registry import DEFAULT, groups
    from jixiao.services.unit_registry import apply_to_store, suggestions, unit_counts

    factory = open_factory(db)
    if apply:
        console.print(f"已把 {apply_to_store(factory)} 个项目的单位改为登记的名称")
    with factory() as session:
        counts = unit_counts(session)
    registered = groups()
    table = Table("单位", "项目数", "登记的别名", title=f"单位（{len(counts)} 个）")
    for name, n in counts:
        table.add_row(name, str(n), "、".join(registered.get(name, [])))
    console.print(table)
    found = suggestions([name for name, _ in counts])
    if not found:
        console.print("没有疑似同一单位的名称。")
        return
    hint = Table("单位名称", "疑似别名", "依据", title="疑似同一单位（确认后写入登记表再运行 jixiao units --apply）")
    for s in found:
        hint.add_row(s.name, s.alias, s.reason)
    console.print(hint)
    console.print(f"登记表：{DEFAULT}")
