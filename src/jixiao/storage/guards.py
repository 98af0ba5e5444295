"""Text lengths and integer ranges checked before the database sees them, one rule for every write.

PostgreSQL refuses a value longer than its ``String(n)`` column, or an integer past its column's
32 or 64 bits (and the error prints the whole statement with its parameters); SQLite keeps a long
text and raises OverflowError past 64 bits; PostgreSQL refuses a NUL character in any text. Both now refuse such a value the same way, before the
statement is sent, with ``ValueTooLong`` or ``NumberOutOfRange`` naming the field in words.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import BigInteger, Integer, String, Table, event
from sqlalchemy.engine import Engine
from sqlalchemy.sql.dml import Insert, Update

from jixiao.domain.limits import NulInText, NumberOutOfRange, ValueTooLong

# What a person calls the columns a file fills; any other column is "一项文字".
FIELD_NAMES = {
    "file": "文件名", "name": "名称", "unit": "单位名称", "department": "部门名称", "code": "编码",
    "title": "标题", "sheet": "工作表名", "src_sheet": "工作表名", "username": "用户名",
    "display_name": "显示名", "kind": "类别", "fund_source": "资金来源", "subject": "科目",
    "year": "年度", "base_year": "比较年度", "count": "数目", "seq": "序号",
}
TABLE_NAMES = {"projects": "项目", "units": "单位", "indicators": "指标", "documents": "文档"}


@lru_cache(maxsize=None)
def _limits(table: Table) -> tuple[tuple[str, int], ...]:
    """(column, largest length) of the text columns, (column, -largest integer) of the integer ones."""
    out = []
    for c in table.columns:
        if isinstance(c.type, String):  # Text too: its limit is only the NUL that PostgreSQL refuses
            out.append((c.key, c.type.length or 2**62))
        elif isinstance(c.type, Integer):  # Hundredths checks its own amounts
            out.append((c.key, -(2**63 - 1 if isinstance(c.type, BigInteger) else 2**31 - 1)))
    return tuple(out)


def _check(table: Table, key: str, limit: int, value) -> None:
    if limit > 0:
        if isinstance(value, str):
            if len(value) > limit:
                raise ValueTooLong(_what(table, key), len(value), limit)
            if "\x00" in value:
                raise NulInText(_what(table, key))
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > -limit:
        raise NumberOutOfRange(_what(table, key), value)


def _what(table: Table, key: str) -> str:
    if key == "name" and table.name in TABLE_NAMES:
        return TABLE_NAMES[table.name] + "名称"
    return FIELD_NAMES.get(key, "一项文字")


def check_rows(table: Table, rows) -> None:
    """Raise ValueTooLong when a value of ``rows`` (dicts) is longer than its column."""
    for key, limit in _limits(table):
        for row in rows:
            _check(table, key, limit, row.get(key) if isinstance(row, dict) else None)


def check_columns(table: Table, columns: dict[str, list]) -> None:
    """The same check for values given column by column (the bulk inserts)."""
    for key, limit in _limits(table):
        for value in columns.get(key, ()):
            _check(table, key, limit, value)


def _before_execute(conn, clause, multiparams, params, execution_options):
    if not isinstance(clause, (Insert, Update)) or not isinstance(clause.table, Table):
        return
    rows = []
    for p in multiparams or ():
        rows.extend(p if isinstance(p, (list, tuple)) else [p])
    if params:
        rows.append(params)
    values = getattr(clause, "_values", None)  # .values(...) given on the statement itself
    if values:
        rows.append({getattr(k, "key", k): getattr(v, "value", None) for k, v in values.items()})
    check_rows(clause.table, rows)


def install(engine: Engine) -> None:
    """Check every INSERT and UPDATE the engine runs."""
    event.listen(engine, "before_execute", _before_execute)
