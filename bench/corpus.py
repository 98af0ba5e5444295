"""Real-document measure: read every corpus excerpt and compare it with its hand-made answer key.

    python bench/corpus.py [--dir tests/corpus] [--show S06] [--json out.json]

A document is read when the reader recognises it (no refusal) and, where its key lists projects or
figures, gives at least one. For each excerpt (``DIR/text/*.txt``, keys in ``DIR/expected/*.json``) the reader's Document is
compared field by field with what the key states (null in a key states nothing): project name;
budget (年初 / 全年) and actual, and a target form's amounts, in 元; the stated execution rate,
execution score and total; the indicator count and each indicator's name; a budget excerpt's
figures with their year and phase. Names are compared after ``normalise()`` (a key copies
traditional characters and pinyin debris as printed). A key value that is no number as printed
(``1(X)%``, ``7,00.0,77``) is exact only when the reader stored no value for it: it must not guess.

It prints documents read and fields exact / stated, by field, by form and by layout, and the
targets of issue #14: ≥ 90% of the tabular documents read (self-evaluation and target forms, the
keys that list projects, not laid out as prose) and ≥ 90% of their stated key fields exact, ≥ 95% outside the scrambled dumps.
``--dir`` measures a set kept outside the repository the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.domain.text import normalise  # noqa: E402
from jixiao.ingest.forms import read_document  # noqa: E402

MONEY_FIELDS = {"budget_initial": "budget_initial", "budget_full_year": "budget", "actual": "actual",
                "amount_year": "budget", "amount_total": "multi_year"}
_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?$")


def key_number(text: str) -> tuple[Decimal | None, str | None]:
    """A key's printed amount → (number, inline unit or None); (None, None) when it is no number."""
    t = normalise(text).replace("萬", "万")
    unit = None
    for suffix in ("万元", "万", "元", "%"):
        if t.endswith(suffix):
            t, unit = t[: -len(suffix)], suffix
            break
    if not _NUMBER.match(t) or t.count(".") > 1 or ",," in t:
        return None, None
    if "," in t and not re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return None, None
    try:
        return Decimal(t.replace(",", "")), unit
    except InvalidOperation:
        return None, None


def key_yuan(text: str, doc_unit: str | None) -> Decimal | None | str:
    """A key amount in 元; "bad" when the key prints no readable number."""
    value, unit = key_number(text)
    if value is None:
        return "bad"
    unit = unit or doc_unit or "万元"
    return value * 10000 if unit in ("万元", "万") else value


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and abs(a - b) < Decimal("0.005")


def read_values(project) -> dict:
    """What the reader gives for the compared fields of one project, money in 元."""
    money = {"budget": project.budget.total, "actual": project.actual.total,
             "budget_initial": project.budget_initial.total if project.budget_initial else None,
             "multi_year": Decimal(project.details["multi_year"]) if project.details.get("multi_year") else None}
    scores = project.stated_scores
    return {"name": project.name, "money": money, "rate": project.execution_rate,
            "exec_score": scores.get("execution_score"), "total": scores.get("total"),
            "names": [i.name for i in project.indicators]}


def compare_project(exp: dict, got: dict | None, doc_unit: str | None) -> dict[str, tuple[int, int]]:
    """{field: (exact, stated)} for one project of a key."""
    out: dict[str, tuple[int, int]] = {}

    def count(field: str, ok: bool) -> None:
        e, s = out.get(field, (0, 0))
        out[field] = (e + int(ok), s + 1)

    if exp.get("name"):
        count("name", got is not None and normalise(got["name"]) == normalise(exp["name"]))
    for field, mine in MONEY_FIELDS.items():
        if exp.get(field):
            want = key_yuan(exp[field], doc_unit)
            value = got["money"][mine] if got else None
            count(field, value is None if want == "bad" else _same(value, want))
    for field, mine in (("rate_stated", "rate"), ("exec_score_stated", "exec_score"), ("total_stated", "total")):
        if exp.get(field):
            want, _ = key_number(exp[field])
            value = got[mine] if got else None
            count(field, value is None if want is None else _same(value, want))
    inds = exp.get("indicators") or []
    if inds or got is not None:
        count("indicator_count", got is not None and len(got["names"]) == len(inds))
    names = [normalise(n) for n in (got["names"] if got else [])]
    for ind in inds:
        if ind.get("name"):
            hit = normalise(ind["name"]) in names
            if hit:
                names.remove(normalise(ind["name"]))
            count("indicator_name", hit)
    return out


def match_projects(expected: list[dict], read: list[dict]) -> list[dict | None]:
    """Each key project's read project: same name first, then the next unused in reading order."""
    used: set[int] = set()
    out: list[dict | None] = [None] * len(expected)
    for k, exp in enumerate(expected):
        for i, got in enumerate(read):
            if i not in used and exp.get("name") and normalise(got["name"]) == normalise(exp["name"]):
                out[k] = got
                used.add(i)
                break
    for k in range(len(expected)):
        if out[k] is None:
            rest = [i for i in range(len(read)) if i not in used]
            if rest:
                out[k] = read[rest[0]]
                used.add(rest[0])
    return out


def compare_figures(exp: list[dict], doc, doc_unit: str | None) -> dict[str, tuple[int, int]]:
    """Budget figures: each key figure found with its amount and its year/phase column."""
    try:
        from jixiao.domain.budget import year_column
    except ImportError:  # figures do not carry their year yet
        return {"figure": (0, len([f for f in exp if f.get("amount")]))}
    budget = doc.extras.get("budget") if doc is not None else None
    pool = []
    for fig in getattr(budget, "stated_figures", []) if budget else []:
        pool.append((year_column(fig), fig.value))
    exact = stated = 0
    for f in exp:
        if not f.get("amount"):
            continue
        stated += 1
        want, _ = key_number(f["amount"])
        col = normalise(f["year_column"]) if f.get("year_column") else None
        for i, (c, v) in enumerate(pool):
            if want is not None and _same(abs(v), abs(want)) and (col is None or normalise(c or "") == col):
                exact += 1
                pool.pop(i)
                break
    return {"figure": (exact, stated)}


def measure_one(path: Path, key: dict) -> tuple[dict, object]:
    """One excerpt read and compared with its key: (result, Document or None)."""
    doc, error = None, None
    try:
        doc = read_document(path.read_bytes(), path.name)
    except Exception as exc:  # noqa: BLE001 - the measure reports every failure, whatever its kind
        error = f"{type(exc).__name__}: {exc}"
    unit = {"万元": "万元", "元": "元"}.get(key.get("money_unit") or "")
    fields: dict[str, tuple[int, int]] = {}
    if "figures" in key:
        fields = compare_figures(key["figures"], doc, unit)
        read = doc is not None and bool(getattr(doc.extras.get("budget"), "stated_figures", None))
    else:
        got = [read_values(p) for p in doc.projects] if doc is not None else []
        for exp, g in zip(key["projects"], match_projects(key["projects"], got)):
            for f, (e, s) in compare_project(exp, g, unit).items():
                a, b = fields.get(f, (0, 0))
                fields[f] = (a + e, b + s)
        # read: recognised and not refused, with a project wherever the key has one
        read = doc is not None and (bool(got) or not key["projects"])
    tabular = "projects" in key and key["layout"] != "prose"  # the forms of projects, not budget figures
    result = {"file": path.stem, "form": key["form"], "layout": key["layout"], "tabular": tabular,
              "read": read, "error": error, "fields": fields, "kind": doc.kind if doc is not None else None}
    return result, doc


def measure(directory: Path, show: str | None = None) -> list[dict]:
    """One result per excerpt: whether it was read, the reader's message, and fields exact/stated."""
    results = []
    for path in sorted((directory / "text").glob("*.txt")):
        key_path = directory / "expected" / f"{path.stem}.json"
        if not key_path.exists():
            continue
        key = json.loads(key_path.read_text(encoding="utf-8"))
        result, doc = measure_one(path, key)
        results.append(result)
        if show and path.stem == show:
            _show(doc, key, result["fields"], result["error"])
    return results


def _show(doc, key, fields, error) -> None:
    print(f"--- {key['file']}: {error or doc.kind}")
    for p in doc.projects if doc else []:
        v = read_values(p)
        print(json.dumps({**v, "money": {k: str(x) for k, x in v["money"].items()}, "rate": str(v["rate"]),
                          "exec_score": str(v["exec_score"]), "total": str(v["total"])}, ensure_ascii=False))
    print(fields)


def _pct(e: int, s: int) -> str:
    return f"{e:4d}/{s:<4d} {100 * e / s:5.1f}%" if s else "   -/-          "


def report(results: list[dict]) -> None:
    """The tables: by document group, by field, by form, by layout."""
    tab = [r for r in results if r["tabular"]]

    def total(rs, field=None):
        e = s = 0
        for r in rs:
            for f, (a, b) in r["fields"].items():
                if field is None or f == field:
                    e, s = e + a, s + b
        return e, s

    print(f"documents read: all {sum(r['read'] for r in results)}/{len(results)}; "
          f"tabular {sum(r['read'] for r in tab)}/{len(tab)}")
    for label, rs in (("tabular", tab), ("tabular, not scrambled", [r for r in tab if r["layout"] != "dump_scrambled"]),
                      ("all", results)):
        print(f"fields exact/stated, {label:24s} {_pct(*total(rs))}")
    for title, key in (("by field", None), ("by form", "form"), ("by layout", "layout")):
        print(f"\n{title}:")
        if key is None:
            names = sorted({f for r in results for f in r["fields"]})
            for f in names:
                print(f"  {f:20s} tabular {_pct(*total(tab, f))}   all {_pct(*total(results, f))}")
            continue
        for group in sorted({r[key] for r in results}):
            rs = [r for r in results if r[key] == group]
            print(f"  {group:20s} read {sum(r['read'] for r in rs):3d}/{len(rs):<3d} fields {_pct(*total(rs))}")
    docs_ok = sum(r["read"] for r in tab) / len(tab) if tab else 0
    e, s = total(tab)
    e2, s2 = total([r for r in tab if r["layout"] != "dump_scrambled"])
    print(f"\ntargets: tabular read {100 * docs_ok:.1f}% (≥ 90%), fields {100 * e / max(s, 1):.1f}% (≥ 90%), "
          f"not scrambled {100 * e2 / max(s2, 1):.1f}% (≥ 95%)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--show", help="print what the reader got for one excerpt, e.g. S06")
    ap.add_argument("--json", type=Path, help="write the per-document results here")
    ap.add_argument("--files", action="store_true", help="list every document with its result")
    args = ap.parse_args()
    results = measure(args.dir, args.show)
    if args.files:
        for r in results:
            e, s = (sum(x[0] for x in r["fields"].values()), sum(x[1] for x in r["fields"].values()))
            print(f"{r['file']:5s} {r['form']:20s} {r['layout']:15s} {'read' if r['read'] else '----'} "
                  f"{e:3d}/{s:<3d} {r['kind'] or ''} {(r['error'] or '')[:70]}")
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
