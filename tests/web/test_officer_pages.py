"""Issue 17 item 3 in Debian's chromium: the 404 keeps the menu, times in Beijing time, money in 万元
with a switch to 元, a document page listing its reading notices with their sources, declaration
pages with their 测算依据 checked, 项目类型, 实施期限, 政策依据 and year."""

from __future__ import annotations

import re
from datetime import timedelta, timezone

import pytest
from sqlalchemy import select

from tests.web.test_browser import browser  # noqa: F401  (the chromium fixture)
from tests.web.test_chinese_everywhere import _sign_in, world  # noqa: F401  (the demo store served)

pytestmark = pytest.mark.browser


@pytest.fixture
def admin(browser, world):  # noqa: F811
    ctx, pg = _sign_in(browser, world["base"], "admin")
    yield pg
    ctx.close()


def test_404_keeps_the_menu(admin, world):  # noqa: F811
    for path in ("/no-such-page", "/projects/999999", "/documents/999999"):
        response = admin.goto(world["base"] + path)
        assert response.status == 404, path
        assert admin.locator("header.top nav a").count() >= 6, path
        assert "系统管理员" in admin.inner_text("header.top") and "404" in admin.inner_text("main"), path


def test_audit_times_are_beijing_time(admin, world):  # noqa: F811
    from tests.web.conftest import make_app
    from jixiao.storage.workflow_models import AuditRow

    with make_app(world["url"]).state.factory() as s:
        at = s.scalar(select(AuditRow.at).where(AuditRow.project_id == world["draft"]).order_by(AuditRow.id))
    beijing = (at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at).astimezone(timezone(timedelta(hours=8)))
    admin.goto(world["base"] + f"/workflow/{world['draft']}")
    table = admin.inner_text("#audit")
    assert "北京时间" in table and beijing.strftime("%Y-%m-%d %H:%M:%S") in table


def test_money_in_wan_yuan_with_a_switch(admin, world):  # noqa: F811
    admin.goto(world["base"] + "/projects?q=办公设备购置&unit=人事服务中心")
    admin.click("#project-table a[href^='/projects/']")
    admin.wait_for_load_state("networkidle")
    assert "资金（万元）" in admin.inner_text("main") and "10.65" in admin.inner_text("#money")
    admin.click("#money-switch a:text('元')")
    admin.wait_for_load_state("networkidle")
    assert "资金（元）" in admin.inner_text("main") and "106,500.00" in admin.inner_text("#money")
    assert "/projects/" in admin.url  # back on the same page
    admin.click("#money-switch a:text('万元')")
    admin.wait_for_load_state("networkidle")
    assert "10.65" in admin.inner_text("#money")


def test_document_page_lists_its_reading_notices_with_sources(admin, world):  # noqa: F811
    admin.goto(world["base"] + "/documents")
    admin.click("#document-table a:text('003_b257c64f33d4ec42.txt')")
    admin.wait_for_load_state("networkidle")
    assert re.search(r"/documents/\d+$", admin.url)
    notices = admin.locator("#notice-table tbody tr")
    assert notices.count() >= 1
    first = notices.first.inner_text()
    assert "金额单位存疑" in admin.inner_text("#notice-table") and "(" not in first.split("\t")[2]
    assert "项目（" in admin.inner_text("main") and admin.locator("#document-projects tbody tr").count() >= 1
    link = admin.locator("#notice-table a[href^='/source/']").first
    line = re.search(r"line=(\d+)", link.get_attribute("href")).group(1)
    link.click()
    admin.wait_for_load_state("networkidle")
    assert admin.locator(f"tr#L{line}.hl").count() == 1  # the notice's line, highlighted in the original


def test_declaration_page_shows_its_substance(admin, world):  # noqa: F811
    admin.goto(world["base"] + "/projects?q=英才荟经费")
    admin.click("#project-table a:text('英才荟经费')")
    admin.wait_for_load_state("networkidle")
    facts = admin.inner_text("#declaration-facts")
    for words in ("项目类型", "其他项目", "实施期限", "4年", "政策依据", "福发〔2021〕10号", "延续项目"):
        assert words in facts, words
    assert admin.inner_text("#project-year").startswith("2025")  # printed nowhere but in the 测算依据
    terms = admin.locator("#basis-terms tbody tr")
    assert terms.count() >= 5
    assert "100人次*1000元" in admin.inner_text("#basis-terms")
    assert "2065.36万元" in admin.inner_text("#basis-total") and "按各项计算" in admin.inner_text("#basis-total")
    assert "<p>" not in admin.inner_text("#basis")


def test_overview_selects_year_and_kind_and_sorts_its_bars(admin, world):  # noqa: F811
    import json

    admin.goto(world["base"] + "/")
    admin.wait_for_load_state("networkidle")
    data = json.loads(admin.inner_text("#data-units"))
    assert data["rates"] == sorted(data["rates"], reverse=True) and len(data["rates"]) >= 5
    option = admin.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-units')).getOption()")
    assert option["grid"][0]["right"] >= 60  # the value labels past the longest bar have room
    top = admin.evaluate("""() => { const c = echarts.getInstanceByDom(document.getElementById('chart-units'));
        return c.getModel().getComponent('xAxis').axis.scale.getExtent()[1]; }""")
    assert top >= max(data["rates"]) * 1.05
    years = [o for o in admin.locator("#overview-year option").all_inner_texts() if o != "全部年度"]
    assert {"2021", "2022"} <= set(years)
    assert "部门预算项目绩效自评表" in admin.locator("#overview-kind option").all_inner_texts()
    admin.select_option("#overview-year", "2022")
    admin.click("#overview-filters button[type=submit]")
    admin.wait_for_load_state("networkidle")
    assert "year=2022" in admin.url and "2022 年" in admin.inner_text("figcaption")
    only_2022 = json.loads(admin.inner_text("#data-units"))
    assert 0 < len(only_2022["units"]) < len(data["units"])


def test_admin_manages_users_on_a_page(browser, admin, world):  # noqa: F811
    admin.goto(world["base"] + "/")
    admin.click("header.top nav a:text('用户管理')")
    admin.wait_for_load_state("networkidle")
    assert admin.url.endswith("/users")
    assert "单位填报人" in admin.inner_text("#user-table") and "unit_editor" not in admin.inner_text("#user-table")
    admin.fill("#add-user input[name=username]", "zhang")
    admin.fill("#add-user input[name=display_name]", "张会计")
    admin.fill("#add-user input[name=password]", "zhang-demo")
    admin.select_option("#add-user select[name=role]", "unit_editor")
    admin.fill("#add-user textarea[name=units]", "职业训练中心")
    admin.click("#add-user button[type=submit]")
    admin.wait_for_load_state("networkidle")
    assert "已添加用户 zhang（单位填报人）" in admin.inner_text("#users-message")
    row = admin.locator("tr[data-user=zhang]")
    assert "职业训练中心" in row.inner_text() and "正常" in row.inner_text()
    ctx, pg = _sign_in(browser, world["base"], "zhang")  # the new account signs in …
    try:
        pg.goto(world["base"] + "/users")
        assert "只有系统管理员可以管理用户" in pg.inner_text("main")  # … and may not manage users
        assert pg.locator("header.top nav a:text('用户管理')").count() == 0
    finally:
        ctx.close()
    row.locator("button:text('停用')").click()
    admin.wait_for_load_state("networkidle")
    assert "已停用" in admin.locator("tr[data-user=zhang]").inner_text()


def test_project_page_indicator_table_spans_the_width_and_the_clicked_cell_is_marked(admin, world):  # noqa: F811
    from tests.web.test_browser import shot

    admin.goto(world["base"] + "/projects?q=办公设备购置&unit=人事服务中心")
    admin.click("#project-table a[href^='/projects/']")
    admin.wait_for_load_state("networkidle")
    main = admin.locator("main").bounding_box()
    table = admin.locator("#indicators").bounding_box()
    assert table["width"] >= 0.95 * (main["width"] - 40), (table, main)  # the content width, not ~60%
    assert not admin.locator("#source-panel").is_visible()  # nothing clicked yet: no panel over the page
    note_width = admin.evaluate("() => document.querySelector('#indicators tbody tr td:last-child').getBoundingClientRect().width")
    assert note_width >= 300
    shot(admin, "project-full-width")
    admin.click("#money a.src >> nth=0")  # the budget figure
    admin.wait_for_selector("#source-panel #marked-cell")
    cell = admin.locator("#source-panel #marked-cell")
    assert "106500" in cell.inner_text().replace(",", "") or "10.65" in cell.inner_text()
    panel = admin.locator("#source-panel").bounding_box()
    box = cell.bounding_box()
    assert panel["x"] <= box["x"] and box["x"] + min(box["width"], 50) <= panel["x"] + panel["width"]  # in view
    shot(admin, "project-source-marked")
