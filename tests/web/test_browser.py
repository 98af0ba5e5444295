"""The web app in Debian's chromium (Playwright): demo data, upload, search, filters, sources, charts.

A real ``jixiao serve`` runs on a free loopback port over a store made by ``jixiao demo --no-serve``.
Screenshots of the main pages go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_001

pytestmark = pytest.mark.browser

JIXIAO = str(Path(sys.executable).parent / "jixiao")
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"jixiao serve stopped: {proc.stdout.read()}")
        try:
            urllib.request.urlopen(url + "/login", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("jixiao serve did not answer in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The demo store served by a real uvicorn; yields (base URL, API token)."""
    work = tmp_path_factory.mktemp("demo")
    demo = subprocess.run([JIXIAO, "demo", "--no-serve", "--db-file", str(work / "demo.db")],
                          capture_output=True, text=True, timeout=300, cwd=work)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    token = re.search(r"演示 API 令牌（admin）: (\S+)", demo.stdout).group(1)
    port = _free_port()
    proc = subprocess.Popen([JIXIAO, "serve", "--db", f"sqlite:///{work / 'demo.db'}", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=work)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc)
        yield base, token
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A signed-in page (admin)."""
    base, _ = server
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.goto(base + "/projects")
    assert "/login" in pg.url  # signed out: sent to the login page
    pg.fill("input[name=username]", "admin")
    pg.fill("input[name=password]", "admin-demo")
    pg.click("button[type=submit]")
    pg.wait_for_url(base + "/projects")
    yield pg
    ctx.close()


def api(server, path: str) -> dict:
    base, token = server
    req = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def total_is(pg, n) -> None:
    """Wait until the project table (swapped in by HTMX) says ``n`` projects."""
    # a function, not an expression: the pages' CSP forbids eval, which Playwright uses for an expression
    pg.wait_for_function(f"() => (document.querySelector('#project-total') || {{}}).textContent == '{n}'")


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_demo_data_loads_and_charts_render(page, server):
    base, _ = server
    page.goto(base + "/")
    projects = api(server, "/api/v1/projects?per_page=1")["total"]
    documents = api(server, "/api/v1/documents?per_page=1")["total"]
    assert projects >= 42 and documents >= 2  # seeds 000 and 001 at least; more as readers land
    assert page.inner_text("#count-projects") == str(projects)
    assert page.inner_text("#count-documents") == str(documents)
    for chart in ("#chart-units", "#chart-grades"):  # the demo runs the scoring, so both charts exist
        canvas = page.wait_for_selector(f"{chart} canvas")
        painted = page.evaluate("""c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""", canvas)
        assert canvas.bounding_box()["width"] > 200 and painted > 1000, chart
    assert page.locator("#lowest-rates tbody tr").count() == 10
    shot(page, "overview")


def test_upload_a_seed_and_see_its_projects(page, server, tmp_path):
    base, _ = server
    page.goto(base + "/documents")
    shot(page, "documents")
    copy = tmp_path / "001_copy.txt"
    copy.write_bytes(SEED_001.read_bytes() + "\n上传测试\n".encode())  # new content, not a duplicate
    page.set_input_files("#upload-files", str(copy))
    page.click("#upload-form button[type=submit]")
    row = page.wait_for_selector("#upload-table tbody tr")
    assert "已入库" in row.inner_text() and "部门预算项目绩效自评表" in row.inner_text()
    shot(page, "upload")
    row.query_selector("a").click()  # the project count links to the document's projects
    page.wait_for_url(re.compile(r"/projects\?document_id=\d+"))
    assert page.inner_text("#project-total") == "9"
    assert page.locator("#projects tbody tr").count() == 9
    assert "职业训练中心" in page.inner_text("#projects")  # 龙岗区职业训练中心, by its registry name


def test_upload_of_a_bad_file_says_why(page, server, tmp_path):
    base, _ = server
    bad = tmp_path / "notes.pptx"  # a type jixiao does not read (.pdf is read since issue 15)
    bad.write_bytes(b"PK\x03\x04 slides")
    page.goto(base + "/documents")
    page.set_input_files("#upload-files", str(bad))
    page.click("#upload-form button[type=submit]")
    row = page.wait_for_selector("#upload-table tr.st-error")
    assert "不支持的文件类型" in row.inner_text()


def test_search_and_filter(page, server):
    base, _ = server
    page.fill("#f-q", "就业")
    page.wait_for_url(re.compile(r"q=%E5%B0%B1%E4%B8%9A"))
    expected = api(server, "/api/v1/projects?q=%E5%B0%B1%E4%B8%9A&per_page=100")
    total_is(page, expected["total"])
    names = page.locator("#projects tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(names) == sorted(p["name"] for p in expected["items"])
    page.fill("#f-q", "")
    page.select_option("#f-unit", "人事服务中心")
    total_is(page, 3)
    units = set(page.locator("#projects tbody tr td:nth-child(3)").all_inner_texts())
    assert units == {"人事服务中心"}
    page.click("text=预算（万元）")  # sort by budget, ascending
    page.wait_for_url(re.compile(r"sort=budget"))
    page.wait_for_selector("th a.sort:has-text('▲')")
    budgets = [float(t.replace(",", "")) for t in page.locator("#projects tbody tr td:nth-child(6)").all_inner_texts()]
    assert budgets == sorted(budgets) and len(budgets) == 3
    shot(page, "projects")


def test_project_and_its_source_lines(page, server):
    base, _ = server
    project = next(p for p in api(server, "/api/v1/projects?q=%E5%8A%9E%E5%85%AC%E8%AE%BE%E5%A4%87&per_page=100")["items"]
                   if p["unit"] == "人事服务中心")
    page.goto(f"{base}/projects/{project['id']}")
    assert page.inner_text("#project-name") == "办公设备购置"
    assert page.inner_text("#execution-rate") == "96.10%"
    assert page.locator("#indicators tbody tr").count() == len(project["indicators"])
    score = api(server, f"/api/v1/scores/{project['id']}")
    assert page.inner_text("#score-total") == score["total"] and page.inner_text("#score-grade") == score["grade"]
    page.click("#money a.src >> nth=0")  # the budget total opens its source line beside the table
    hl = page.wait_for_selector("#source-panel tr.hl")
    assert hl.get_attribute("id") == "L50" and "办公设备购置" in hl.inner_text()
    shot(page, "project")
    page.goto(f"{base}/source/{project['document_id']}?line={project['indicators'][0]['source']['line']}")
    hl = page.wait_for_selector("tr.hl")
    assert hl.get_attribute("id") == f"L{project['indicators'][0]['source']['line']}"
    shot(page, "source")


def test_follow_a_finding_to_its_project_and_source(page, server):
    base, _ = server
    errors = api(server, "/api/v1/findings?severity=error&per_page=1")
    assert errors["total"] > 0  # the demo runs the checker
    first = errors["items"][0]
    page.goto(base + "/findings")
    page.select_option("#f-severity", "error")
    page.wait_for_function(f"() => (document.querySelector('#finding-total') || {{}}).textContent == '{errors['total']}'")
    shot(page, "findings")
    row = page.locator("#findings tbody tr").first
    assert first["message"] in row.inner_text()
    if first["project_id"]:
        row.locator("a.project-link").click()
        page.wait_for_url(f"{base}/projects/{first['project_id']}")
        assert first["message"] in page.inner_text("#project-findings")
        page.go_back()
        page.wait_for_selector("#findings tbody tr")
    with page.expect_navigation():
        page.locator("#findings tbody tr").first.locator("a.source-link").click()
    hl = page.wait_for_selector("tr.hl")
    assert hl.get_attribute("id") == f"L{first['source']['line']}"
    assert first["source"]["file"] in page.inner_text("h1")


def test_budget_page(page, server):
    base, _ = server
    page.goto(base + "/budget")
    assert "694,773.00" in page.inner_text("#budget-units")  # 表3 表内合计 of seed 002
    shot(page, "budget")
    page.click("#budget-units tbody a >> nth=0")
    page.wait_for_selector("#unit-view")
    assert page.locator("#unit-view tbody tr").count() >= 2
