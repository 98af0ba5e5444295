"""Official forms from the web (issue 19): the project page, the filtered project list and the API give
each project on its national form, and the workbook read back is the project."""

from __future__ import annotations

import openpyxl
import io

from jixiao.ingest.forms import read_document
from tests.web.conftest import login


def _project(loaded, name: str, unit: str) -> dict:
    r = loaded.client.get("/api/v1/projects", params={"q": name, "per_page": 100}, headers=loaded.admin)
    return next(p for p in r.json()["items"] if p["name"] == name and p["unit"] == unit)


def test_api_gives_a_project_on_its_form_and_it_reads_back(loaded):
    p = _project(loaded, "办公设备购置", "人事服务中心")
    r = loaded.client.get(f"/api/v1/projects/{p['id']}/form.xlsx", headers=loaded.admin)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert (ws["A1"].value, ws["C3"].value, ws["F4"].value) == ("项目支出绩效自评表", "办公设备购置", "人事服务中心")
    [back] = read_document(r.content, "form.xlsx").projects
    assert (back.name, str(back.budget.total)) == ("办公设备购置", p["budget"]["total"])
    assert loaded.client.get(f"/api/v1/projects/{p['id']}/form.xlsx").status_code == 401
    assert loaded.client.get("/api/v1/projects/999999/form.xlsx", headers=loaded.admin).status_code == 404


def test_pages_link_the_forms_of_a_project_and_of_the_filtered_list(fresh):
    login(fresh.client)
    listing = fresh.client.get("/projects", params={"unit": "人事服务中心"})
    assert 'id="projects-forms"' in listing.text and "/project-forms.xlsx?unit=" in listing.text
    r = fresh.client.get("/project-forms.xlsx", params={"unit": "人事服务中心"})
    assert r.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    back = read_document(r.content, "forms.xlsx").projects
    assert len(book.worksheets) == len(back) == 3 and {p.unit for p in back} == {"人事服务中心"}
    p = _project(fresh, "办公设备购置", "人事服务中心")
    page = fresh.client.get(f"/projects/{p['id']}")
    assert 'id="project-form"' in page.text and "下载项目支出绩效自评表" in page.text
    assert fresh.client.get(f"/projects/{p['id']}/form.xlsx").status_code == 200
    none = fresh.client.get("/project-forms.xlsx", params={"unit": "没有这个单位"})
    assert none.status_code == 200 and "没有可按官方样式导出" in openpyxl.load_workbook(io.BytesIO(none.content))["说明"]["A1"].value
