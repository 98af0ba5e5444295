"""Issue 17 item 2: no English word or internal code in what a user reads.

Every page of the web app in Debian's chromium (Playwright), signed in as each demo role (admin,
reviewer, editor, viewer), over the demo store (the samples ingested, checked and scored) with a
declaration draft in it; the .xlsx/.csv downloads; the CSV export; the CLI's outputs on the
samples. The page text is the body's ``innerText`` plus the attributes people read (title,
placeholder, aria-label, alt, button values). See ``chinese_text`` for what is allowed.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SAMPLES
from tests.security.live import serving
from tests.web.chinese_text import leaks, sample_of
from tests.web.test_browser import browser  # noqa: F401  (the chromium fixture)

pytestmark = pytest.mark.browser
JIXIAO = str(Path(sys.executable).parent / "jixiao")
ROLES = ("admin", "reviewer", "editor", "viewer")
_READ_TEXT = """() => {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],[alt],input[type=submit],option')) {
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) { if (el.getAttribute(a)) parts.push(el.getAttribute(a)); }
    if (el.tagName === 'OPTION') parts.push(el.textContent);
  }
  return parts.join('\\n');
}"""


def run(*args):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The demo store (with a draft declaration of 职业训练中心) served in this process."""
    from jixiao.services.users import principal_by_id
    from jixiao.services.workflow_start import declare_from_ingested
    from jixiao.storage.auth_models import UserRow
    from jixiao.storage.models import DocumentRow, ProjectRow
    from tests.web.conftest import make_app

    work = tmp_path_factory.mktemp("leaks")
    db = work / "demo.db"
    demo = run("demo", "--no-serve", "--db-file", str(db))
    assert demo.returncode == 0, demo.stdout + demo.stderr
    url = f"sqlite:///{db}"
    app = make_app(url)
    factory = app.state.factory
    with factory() as s:
        editor = principal_by_id(s, s.scalar(select(UserRow.id).where(UserRow.username == "editor")))
        docs = list(s.scalars(select(DocumentRow.id).order_by(DocumentRow.id)))
        projects = [s.scalar(select(ProjectRow.id).where(ProjectRow.document_id == d).order_by(ProjectRow.id))
                    for d in docs]
        training = s.scalar(select(ProjectRow.id).where(ProjectRow.unit == "职业训练中心").order_by(ProjectRow.id))
        unit = s.scalar(select(ProjectRow.unit).where(ProjectRow.id == training))
    draft = declare_from_ingested(factory, editor, training)
    with serving(app) as base:
        yield {"base": base, "url": url, "work": work, "docs": docs, "projects": [p for p in projects if p],
               "training": training, "draft": draft.project_id, "unit": unit, "demo_out": demo.stdout}


def _pages(w: dict) -> list[str]:
    d = w["draft"]
    pages = ["/", "/documents", "/projects", "/findings", "/budget", "/budget/unit?name=市人社局本级", "/workflow",
             "/workflow/new", f"/workflow/{d}", f"/workflow/{d}/edit", f"/workflow/{d}/review",
             f"/workflow/{d}/monitoring", f"/workflow/{d}/evaluation", "/no-such-page", "/projects/999999"]
    pages += [f"/documents/{i}/explain" for i in w["docs"]] + [f"/source/{i}" for i in w["docs"]]
    pages += [f"/projects/{i}" for i in {*w["projects"], w["training"]}]
    pages += ["/projects?grade=差", "/findings?severity=error", "/users", "/?year=2021"]
    return pages


def _sign_in(browser, base: str, role: str):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.goto(base + "/login")
    pg.fill("input[name=username]", role)
    pg.fill("input[name=password]", f"{role}-demo")
    pg.click("button[type=submit]")
    pg.wait_for_load_state("networkidle")
    return ctx, pg


def test_every_page_for_every_role_is_in_chinese(browser, world):
    found: dict[tuple[str, str], str] = {}
    pages = _pages(world)
    for role in ROLES:
        ctx, pg = _sign_in(browser, world["base"], role)
        try:
            assert "/login" not in pg.url, role
            for path in pages:
                pg.goto(world["base"] + path)
                pg.wait_for_load_state("networkidle")
                text = pg.evaluate(_READ_TEXT)
                for word in leaks(text):
                    found.setdefault((path, word), f"{role}: …{sample_of(text, word)}…")
        finally:
            ctx.close()
    assert len(pages) >= 25
    assert found == {}, "\n".join(f"{p} 「{w}」 {where}" for (p, w), where in sorted(found.items()))


def _xlsx_text(body: bytes) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(body), read_only=True)
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
                     if v is not None)


def test_downloads_and_exports_are_in_chinese(browser, world, tmp_path):
    ctx, pg = _sign_in(browser, world["base"], "admin")
    try:
        texts = {}
        for path in ("/findings.xlsx", f"/workflow/{world['draft']}/audit.xlsx",
                     f"/workflow/{world['draft']}/audit.csv"):
            r = pg.request.get(world["base"] + path)
            assert r.status == 200, path
            texts[path] = _xlsx_text(r.body()) if r.body()[:2] == b"PK" else r.body().decode("utf-8-sig")
    finally:
        ctx.close()
    out = tmp_path / "csv"
    assert run("export", "--format", "csv", "-o", str(out), "--db", world["url"]).returncode == 0
    for f in sorted(out.glob("*.csv")):
        texts[f.name] = f.read_text(encoding="utf-8-sig")
    found = {(name, w): sample_of(t, w) for name, t in texts.items() for w in leaks(t)}
    assert found == {}, "\n".join(f"{n} 「{w}」 …{s}…" for (n, w), s in sorted(found.items()))


_OPTION = re.compile(r"--[a-z][a-z\-]*|jixiao [a-z]+(?: [a-z]+)?")


def test_cli_outputs_on_the_samples_are_in_chinese(world, tmp_path):
    url = f"sqlite:///{tmp_path / 'j.db'}"
    outputs = {"demo": world["demo_out"]}
    commands = {
        "ingest": ["ingest", str(SAMPLES), "--db", url], "ingest again": ["ingest", str(SAMPLES), "--db", url],
        "check": ["check", "--db", url], "score": ["score", "--db", url], "list": ["list", "projects", "--db", url],
        "rules": ["rules"], "budget units": ["budget", "units", "--db", url],
        "by-function": ["budget", "by-function", "--level", "款", "--db", url],
        "show 1": ["show", "project", "1", "--db", url], "show 100": ["show", "project", "100", "--db", url],
        "users": ["user", "list", "--db", world["url"]], "missing": ["show", "project", "99999", "--db", url],
    }
    for name, args in commands.items():
        r = subprocess.run([JIXIAO, *args], capture_output=True, text=True, timeout=300, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
        outputs[name] = r.stdout + r.stderr
    found = {(name, w): sample_of(t, w) for name, t in outputs.items() for w in leaks(_OPTION.sub(" ", t))}
    assert found == {}, "\n".join(f"{n} 「{w}」 …{s}…" for (n, w), s in sorted(found.items()))


def test_api_docs_name_every_operation_in_chinese(world):
    """The API's operations and groups, as /api/v1/docs lists them (Swagger UI's own buttons aside)."""
    import json
    import urllib.request

    with urllib.request.urlopen(world["base"] + "/api/v1/openapi.json", timeout=10) as r:
        spec = json.load(r)
    names = {f"{method.upper()} {path}": (op.get("summary") or "", op.get("tags") or [])
             for path, ops in spec["paths"].items() for method, op in ops.items()}
    found = {k: v for k, v in names.items() if leaks(v[0]) or any(leaks(t) for t in v[1]) or not v[0]}
    assert len(names) >= 15 and found == {}, found
