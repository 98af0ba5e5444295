"""What a declaration (申报表, 目标表) shows on its project page: 项目类型, 实施期限, 政策依据 … and the
测算依据 with each step's stated and computed result checked (issue 17).

The year a declaration is for is often printed nowhere but in its 测算依据 (``2025年预计经费…``): when the
project and its document state none, the year most written there is shown, and said to be inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from jixiao.domain.labels import period_text

FACTS = [("type", "项目类型"), ("period", "实施期限"), ("new_or_continuing", "新增/延续"),
         ("allocation_method", "分配方式"), ("policy_basis", "政策依据"), ("fund_use", "资金用途"),
         ("applicant_unit", "申请单位"), ("overview", "项目概况"), ("purpose", "项目用途")]
_NEW = {"new": "新增项目", "continuing": "延续项目"}
_YEAR = re.compile(r"(20\d{2})\s*年")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")  # the HTML some forms keep in a cell (<p>, <br>)
TOLERANCE = Decimal("0.5")


def _text(key: str, value) -> str:
    if key == "period":
        return period_text(value) or ""
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, dict):
        return value.get("text") or ""
    return _NEW.get(value, str(value))


def facts(p: dict) -> list[tuple[str, str]]:
    """(label, text) of the declaration's stated facts, in the form's order."""
    details = {**(p.get("details") or {}), "type": p.get("type"), "period": p.get("period")}
    return [(label, _text(key, details[key])) for key, label in FACTS if details.get(key) not in (None, "", [], {})]


def _value(part: dict | None) -> str:
    return f"{part.get('value', '')}{part.get('unit') or ''}" if part else ""


def check(stated: str | None, computed: str | None) -> tuple[str, str]:
    """(css class, words) of a stated result against the computed one, in yuan."""
    if stated is None or computed is None:
        return "", "未写明结果" if computed is not None else ""
    diff = abs(Decimal(stated) - Decimal(computed))
    return ("ok", "相符") if diff <= TOLERANCE else ("bad", f"不符，差 {diff:,.2f} 元")


def basis(p: dict) -> dict | None:
    """The 测算依据: its text, each term checked, and the stated against the computed total."""
    b = p.get("basis")
    if not b:
        return None
    terms = [{"text": ("合计：" if t.get("kind") == "total" else "") + (t.get("text") or ""),
              "stated": _value(t.get("stated")), "computed": _value(t.get("computed")),
              "check": check(t.get("stated_yuan"), t.get("computed_yuan"))} for t in b.get("terms") or []]
    total = b.get("stated_total") or {}
    return {"text": _TAG.sub(" ", b.get("text") or "").strip(), "terms": terms, "stated_total": total.get("text") or _value(total),
            "computed_total": b.get("computed_total"), "total_check": check(total.get("yuan"), b.get("computed_total"))}


def year_of(p: dict, doc) -> tuple[int | None, str]:
    """The year and where it comes from (``""`` when stated; ``据测算依据推断`` …)."""
    if p.get("year"):
        return p["year"], ""
    if doc.year:
        return doc.year, "据文档"
    for where, text in (("据文档标题", doc.title or ""), ("据测算依据推断", (p.get("basis") or {}).get("text") or ""),
                        ("据绩效目标推断", (p.get("goal") or {}).get("annual") or "")):
        years = Counter(_YEAR.findall(text))
        if years:
            return int(years.most_common(1)[0][0]), where
    return None, "未写明"
