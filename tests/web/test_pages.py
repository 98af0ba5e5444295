"""The pages through FastAPI's TestClient: sign-in, every page, the .xlsx export, bad input."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SEED_000, SEED_001, SEED_002
from tests.web.conftest import login, make_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Seeds 000–002 in SQLite, checked; a signed-in admin client and a signed-in viewer client."""
    from jixiao.services.checks import run_and_store
    from jixiao.services.ingest import ingest_paths
    from jixiao.services.users import ensure_demo_users

    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'jixiao.db'}", max_upload_bytes=1_000_000)
    ingest_paths(app.state.factory, [SEED_000, SEED_001, SEED_002])
    run_and_store(app.state.factory)
    ensure_demo_users(app.state.factory)
    admin, viewer = TestClient(app), TestClient(app)
    login(admin)
    login(viewer, "viewer")
    return app, admin, viewer


def test_signed_out_pages_send_to_login(site):
    app, _, _ = site
    anonymous = TestClient(app)
    for path in ("/", "/documents", "/projects", "/projects/1", "/findings", "/findings.xlsx", "/budget", "/source/1"):
        r = anonymous.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), path


def test_wrong_password_is_refused_with_a_reason(site):
    app, _, _ = site
    client = TestClient(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    r = client.post("/login", data={"username": "admin", "password": "wrong", "csrf_token": token})
    assert r.status_code == 401 and "用户名或密码错误" in r.text
    assert client.get("/projects", follow_redirects=False).status_code == 303


def test_overview_counts_and_chart_data(site):
    _, admin, _ = site
    page = admin.get("/").text
    assert '<b id="count-documents">3</b>' in page and '<b id="count-projects">88</b>' in page
    assert 'id="data-units"' in page and "职业训练中心" in page
    assert re.search(r'<b id="count-error">\d+</b>', page)


def test_projects_page_filters_and_htmx_fragment(site):
    _, admin, _ = site
    # 6 in seeds 000/001 (see test_api) and 4 in seed 002 (公共就业服务中心, 促进就业管理 ×2, its 财政专项资金)
    full = admin.get("/projects", params={"q": "就业", "unit": "", "year": ""})
    assert full.status_code == 200 and '<b id="project-total">10</b>' in full.text and "<html" in full.text
    frag = admin.get("/projects", params={"q": "就业"}, headers={"HX-Request": "true", "HX-Target": "project-table"})
    assert '<b id="project-total">10</b>' in frag.text and "<html" not in frag.text
    errors = admin.get("/projects", params={"has_errors": "true"}).text
    n_err = int(re.search(r'id="project-total">(\d+)<', errors).group(1))
    n_ok = int(re.search(r'id="project-total">(\d+)<', admin.get("/projects", params={"has_errors": "false"}).text).group(1))
    assert n_err > 0 and n_err + n_ok == 88
    bad = admin.get("/projects", params={"year": "abc"})
    assert bad.status_code == 422 and "year" in bad.text


def test_project_page_links_every_value_to_its_source(site):
    _, admin, _ = site
    listing = admin.get("/projects", params={"q": "办公设备购置", "unit": "人事服务中心"}).text
    pid = re.search(r'href="/projects/(\d+)"', listing).group(1)
    page = admin.get(f"/projects/{pid}").text
    assert "96.10%" in page and "10.65" in page and "资金（万元）" in page  # 106,500 元 shown in 万元 by default
    admin.get("/money-unit", params={"to": "yuan", "next": f"/projects/{pid}"})
    in_yuan = admin.get(f"/projects/{pid}").text
    assert "106,500.00" in in_yuan and "资金（元）" in in_yuan
    admin.get("/money-unit", params={"to": "wan"})
    assert re.search(r'href="/source/1\?line=50[&"]', page)  # (with &mark= the clicked value, to mark its cell)
    source = admin.get("/source/1", params={"line": 50}, headers={"HX-Request": "true"}).text
    assert '<tr id="L50" class="hl">' in source and "办公设备购置" in source
    assert admin.get("/projects/999999").status_code == 404


def test_source_view_bad_input(site):
    _, admin, _ = site
    assert admin.get("/source/1", params={"line": 100000}).status_code == 404
    assert admin.get("/source/999").status_code == 404
    assert admin.get("/source/1", params={"line": 0}).status_code == 422
    assert admin.get("/source/1", params={"sheet": "nope"}).status_code == 404


def test_findings_page_and_xlsx_export(site):
    from openpyxl import load_workbook

    _, admin, _ = site
    page = admin.get("/findings", params={"severity": "error"}).text
    total = int(re.search(r'id="finding-total">(\d+)<', page).group(1))
    assert total > 0 and 'class="source-link"' in page and 'class="project-link"' in page
    r = admin.get("/findings.xlsx", params={"severity": "error"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][:3] == ("级别", "规则", "规则名称") and len(rows) == total + 2
    assert {row[0] for row in rows[2:]} == {"错误"}
    assert admin.get("/findings", params={"severity": "fatal"}).status_code == 422


def test_budget_pages(site):
    _, admin, _ = site
    page = admin.get("/budget").text
    assert "694,773.00" in page  # 表3 表内合计 of seed 002 (694,773 万元), shown in 万元
    assert "按单位（表3）" in page and 'id="budget-crosscheck"' in page
    assert admin.get("/budget", params={"level": "项", "table": "表7"}).status_code == 200
    assert admin.get("/budget", params={"level": "章"}).status_code == 422
    unit = admin.get("/budget/unit", params={"name": "考试院"})
    assert unit.status_code == 200 and "深圳市考试院" in unit.text and "表3" in unit.text
    assert admin.get("/budget/unit", params={"name": "没有这个单位"}).status_code == 404


def _upload(client, *files):
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/documents").text)
    headers = {"HX-Request": "true"}
    if token:
        headers["X-CSRF-Token"] = token.group(1)
    return client.post("/documents/upload", headers=headers,
                       files=[("files", (n, d, "application/octet-stream")) for n, d in files])


def test_page_upload_reports_each_file(site):
    _, admin, _ = site
    r = _upload(admin, ("copy.txt", SEED_001.read_bytes() + b"\n\n"), ("x.pptx", b"PK slides"),
                ("big.txt", b"a\tb\n" * 300_000), ("dup.txt", SEED_000.read_bytes()))
    assert r.status_code == 200
    rows = re.findall(r'<tr class="st-(\w+)">', r.text)
    assert rows == ["ingested", "error", "error", "duplicate"]
    assert "不支持的文件类型" in r.text and "超过上传上限" in r.text and "已入库" in r.text


def test_viewer_cannot_upload(site):
    _, _, viewer = site
    r = _upload(viewer, ("v.txt", SEED_000.read_bytes() + b"\n\n\n"))
    assert r.status_code == 403 and "只读用户" in r.text


def test_documents_page_counts(site):
    from sqlalchemy import func, select

    from jixiao.storage.finding_models import FindingRow

    app, admin, _ = site
    page = admin.get("/documents").text
    assert "000_9c9e7ed0d43ac23c.txt" in page and "部门预算项目绩效自评表" in page and "部门预算" in page
    assert '<a href="/projects?document_id=1">33</a>' in page
    with app.state.factory() as session:
        n = session.scalar(select(func.count()).select_from(FindingRow).where(FindingRow.document_id == 1))
    assert n > 0 and f'<a href="/findings?document_id=1">{n}</a>' in page


def test_explain_page_shows_fields_with_their_cells_and_what_is_missing(tmp_path):
    """A real corpus excerpt (Anhui 宣城, space-separated, cut mid-table) read from its stored bytes."""
    from jixiao.services.ingest import ingest_paths
    from jixiao.services.users import ensure_demo_users
    from tests.conftest import ROOT

    app = make_app(f"sqlite:///{tmp_path / 'jixiao.db'}", max_upload_bytes=1_000_000)
    ingest_paths(app.state.factory, [ROOT / "tests" / "corpus" / "text" / "S03.txt"])
    ensure_demo_users(app.state.factory)
    client = TestClient(app)
    login(client)
    page = client.get("/documents/1/explain").text
    assert "读取说明：S03.txt" in page and "项目支出绩效自评表" in page
    fields = page[page.index('id="explain-fields"'):page.index('id="explain-grid"')]
    assert "禁毒经费" in fields and "100 万元" in fields and "S03.txt:25" in fields  # 年度资金总额 row
    assert "指标1:毛发检查试剂数量" not in fields and "指标2:毛发检查试剂数量 | ≥2400份 | 3200份 | 12 | 12" in fields
    assert "表格不完整：在 S03.txt:42 处中断" in page
    grid = page[page.index('id="explain-grid"'):]
    assert "空格分隔" in grid and '<span class="cell">年度资金总额:</span>' in grid
    assert client.get("/documents/99/explain").status_code == 404


def _wait_for(client, job_id: int, seconds: float = 60.0) -> str:
    """Poll a background read as the upload table does, until it is finished; its last row."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = client.get(f"/documents/jobs/{job_id}", headers={"HX-Request": "true"}).text
        if "hx-trigger" not in row:
            return row
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still running after {seconds} s")


def test_long_files_are_read_in_the_background_with_progress(tmp_path):
    """A 33-page real budget PDF (上海普陀 万里街道 2024) and a text file above the background size:
    the upload answers at once with a job row that polls, and the job reports pages as it reads."""
    from jixiao.services.users import ensure_demo_users
    from tests.conftest import ROOT

    app = make_app(f"sqlite:///{tmp_path / 'jixiao.db'}", max_upload_bytes=10_000_000, background_bytes=20_000)
    ensure_demo_users(app.state.factory)
    client = TestClient(app)
    login(client)
    pdf = (ROOT / "tests" / "corpus" / "files" / "budget_dept_shanghai_putuo_wanli_2024.pdf").read_bytes()
    r = _upload(client, ("wanli.pdf", pdf), ("seed.txt", SEED_000.read_bytes()))
    assert r.status_code == 200
    jobs = [int(j) for j in re.findall(r'id="job-(\d+)" hx-get="/documents/jobs/\1" hx-trigger="every 1s"', r.text)]
    assert len(jobs) == 2  # both queued (a PDF always, the 42 KB text because it is above 20 KB)
    pdf_row, text_row = _wait_for(client, jobs[0]), _wait_for(client, jobs[1])
    assert "wanli.pdf" in pdf_row and 'class="job st-' in pdf_row
    from jixiao.services.ingest_jobs import job

    done = job(app.state.factory, jobs[0])
    assert (done.pages_done, done.pages_total) == (33, 33) and done.status in ("ingested", "error")
    assert "✓ 已入库" in text_row and ">33</a>" in text_row  # seed 000: 33 projects
    assert client.get("/documents/jobs/999").status_code == 404


def test_a_pdf_value_opens_its_page_image_with_the_cell_boxed(tmp_path):
    """The national forms workbook printed to PDF by LibreOffice, ingested: a project's budget
    cites page and box; the source view shows that page as an image with the box drawn on it."""
    import json

    from jixiao.exports.json_export import build
    from jixiao.services.ingest import ingest_bytes
    from jixiao.services.users import ensure_demo_users
    from tests.documents.test_xlsx_printed_to_pdf import _print, _printable

    app = make_app(f"sqlite:///{tmp_path / 'jixiao.db'}", max_upload_bytes=10_000_000)
    r = ingest_bytes(app.state.factory, _print(_printable()), "forms_standard.pdf")
    assert (r.status, r.projects) == ("ingested", 3)
    ensure_demo_users(app.state.factory)
    client = TestClient(app)
    login(client)
    with app.state.factory() as session:
        exported = json.loads(json.dumps(build(session), default=str))
    p = next(x for x in exported["projects"] if x["name"] == "高校毕业生就业见习补贴")
    src = p["source"]
    assert src["page"] == 1 and len(src["box"]) == 4 and src["file"] == "forms_standard.pdf"
    page = client.get(f"/projects/{p['id']}").text
    href = re.search(r'href="(/source/\d+\?line=\d+&(?:amp;)?page=1&(?:amp;)?box=[\d.,]+)(?:&(?:amp;)?mark=[^"]*)?"', page)
    assert href, "the project's values link to their page and box"
    view = client.get(href.group(1).replace("&amp;", "&")).text
    assert 'id="page-image"' in view and 'src="/source/1/page/1.png"' in view and 'id="page-box"' in view
    assert "第 1 页（共 3 页）" in view and 'class="hl"' in view
    png = client.get("/source/1/page/1.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
    assert client.get("/source/1/page/9.png").status_code == 404
