"""The web-page source on a real published form written as an HTML table.

No HTML file is in the corpus, so the page is made here from real content: the 临时救助 绩效目标
自评表 of 濉溪县民政局 (2019) that tests/corpus/text/S10.txt holds as text extracted from its
published page, written back as the table it was, with rowspan and colspan where the form merges
cells, and saved in GB2312 as such county sites serve their pages.
"""

from __future__ import annotations

import pytest

from jixiao.ingest.grid import SourceError
from jixiao.ingest.sources import read_grids

CPL = "★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)"
PAGE = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>濉溪县人民政府</title><style>td {{ border: 1px solid; }} .x:after {{ content: "产出指标"; }}</style>
<script>var tip = "产出指标(50分)"; document.write("<table><tr><td>脚本</td></tr></table>");</script></head>
<body><div class="nav">首页 &gt; 政务公开</div>
<h3>(临时救助)绩效目标自评表</h3>
<table border="1">
<tr><th colspan="9">绩效目标自评表 (2019年度)</th></tr>
<tr><td colspan="2">项目名称</td><td colspan="7">临时救助</td></tr>
<tr><td colspan="2">主管部门</td><td colspan="7">[155]濉溪县民政局</td></tr>
<tr><td rowspan="4">资金情况<br>(万元)</td><td></td><td>全年预算数(A)</td><td>全年执行数(B)</td><td>分值</td><td>执行率(B/A)</td><td colspan="3">得分</td></tr>
<tr><td>年度资金总额:</td><td>30</td><td>30</td><td>10</td><td>100%</td><td colspan="3">10</td></tr>
<tr><td>其中:本年财政拨款</td><td>30</td><td>30</td><td>10</td><td>100%</td><td colspan="3">10</td></tr>
<tr><td>其他资金</td><td></td><td></td><td></td><td></td><td colspan="3"></td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="4">年初设定目标</td><td colspan="4">年度总体目标完成情况综述</td></tr>
<tr><td colspan="4">为建档立卡扶贫户解决临时性的困难</td><td colspan="4">全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。</td></tr>
<tr><td rowspan="6">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>年度指标值</td><td>全年实际值</td><td>得分</td><td>未完成原因及拟采取的改进措施</td></tr>
<tr><td rowspan="5">产出指标(50分)</td><td rowspan="5">数量指标</td><td>★★★农村低保发放人数(按月平均)(≥**人)</td><td>5</td><td>&gt;=21933人</td><td>21980人</td><td>5</td><td></td></tr>
<tr><td>{CPL}</td><td>5</td><td>&gt;=9431人</td><td>9453人</td><td>5</td><td></td></tr>
<tr><td>★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)</td><td>5</td><td>&gt;=59人次</td><td>87人次</td><td>5</td><td></td></tr>
<tr><td>★★★特困人员救助供养人数(按月平均)(≥**人)</td><td>5</td><td>&gt;=4754人</td><td>4604人</td><td>5</td><td>特困人员实行<br>动态管理</td></tr>
<tr><td>扶贫临时救助人数(按月平均)(≥**人)</td><td>10</td><td>&gt;=7人</td><td>7人</td><td>10</td><td></td></tr>
</table>
<p>填报单位：濉溪县民政局<br>发布日期：2020-06-05</p><!-- 统计代码 -->
</body></html>"""

FUNDS = "资金情况(万元)"
EXPECTED = [
    ["绩效目标自评表 (2019年度)", "", "", "", "", "", "", "", ""],
    ["项目名称", "", "临时救助", "", "", "", "", "", ""],
    ["主管部门", "", "[155]濉溪县民政局", "", "", "", "", "", ""],
    [FUNDS, "", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "", ""],
    [FUNDS, "年度资金总额:", "30", "30", "10", "100%", "10", "", ""],
    [FUNDS, "其中:本年财政拨款", "30", "30", "10", "100%", "10", "", ""],
    [FUNDS, "其他资金", "", "", "", "", "", "", ""],
    ["年度总体目标", "年初设定目标", "", "", "", "年度总体目标完成情况综述", "", "", ""],
    ["年度总体目标", "为建档立卡扶贫户解决临时性的困难", "", "", "",
     "全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。", "", "", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    ["绩效指标", "产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5", ""],
    ["绩效指标", "产出指标(50分)", "数量指标", CPL, "5", ">=9431人", "9453人", "5", ""],
    ["绩效指标", "产出指标(50分)", "数量指标", "★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", "5", ">=59人次", "87人次", "5", ""],
    ["绩效指标", "产出指标(50分)", "数量指标", "★★★特困人员救助供养人数(按月平均)(≥**人)", "5", ">=4754人", "4604人", "5", "特困人员实行动态管理"],
    ["绩效指标", "产出指标(50分)", "数量指标", "扶贫临时救助人数(按月平均)(≥**人)", "10", ">=7人", "7人", "10", ""],
]


def _grid(page: str = PAGE, encoding: str = "gb2312", name: str = "56426371.html"):
    [grid] = read_grids(page.encode(encoding), name)
    return grid


def test_gb2312_page_reads_its_table_with_rowspan_and_colspan_expanded():
    grid = _grid()
    assert [r.cells for r in grid.rows if r.layout is None] == EXPECTED
    assert [r.cells[0] for r in grid.rows if r.layout == "prose"] == [
        "首页 > 政务公开", "(临时救助)绩效目标自评表", "填报单位：濉溪县民政局", "发布日期：2020-06-05"]
    assert "脚本" not in grid.head_text(100) and "content:" not in grid.head_text(100)


def test_merged_cells_cite_the_cell_that_spans_them():
    rows = [r for r in _grid().rows if r.layout is None]
    output = [r for r in rows if r.cell(1) == "产出指标(50分)"]
    assert len(output) == 5 and {r.ref_of(1).cell for r in output} == {"T1!R11C2"}
    assert {r.ref_of(0).cell for r in output} == {"T1!R10C1"}
    assert {rows[1].ref_of(c).cell for c in range(2, 9)} == {"T1!R2C3"}
    assert rows[4].ref_of(6).cell == "T1!R5C7" and rows[4].ref_of(8) is rows[4].ref_of(6)
    lines = [r.ref.line for r in _grid().rows]
    assert lines == list(range(1, len(lines) + 1))
    assert len({r.block for r in rows}) == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_charset_from_bom_meta_or_guess(encoding):
    page = PAGE.replace("charset=gb2312", "charset=utf-8" if encoding.startswith("utf") else "charset=gbk")
    assert [r.cells for r in _grid(page, encoding).rows if r.layout is None] == EXPECTED


def test_xhtml_with_xml_declaration_and_nested_table_in_a_cell():
    page = ('<?xml version="1.0" encoding="gb18030"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            "<table><caption>附表</caption><thead><tr><th>项目</th><th>说明</th></tr></thead>"
            "<tbody><tr><td>临时救助</td><td><table><tr><td>对象</td><td>扶贫户</td></tr>"
            "<tr><td>人次</td><td>87</td></tr></table></td></tr>"
            '<tr><td rowspan="0">合计</td><td>30万元</td></tr><tr><td>完成</td></tr></tbody></table></body></html>')
    grid = _grid(page, "gb18030", "page.htm")
    assert [(r.layout, r.cells) for r in grid.rows] == [
        ("prose", ["附表"]), (None, ["项目", "说明"]), (None, ["临时救助", "对象 扶贫户 人次 87"]),
        (None, ["合计", "30万元"]), (None, ["合计", "完成"])]


def test_html_named_txt_is_read_as_html_and_empty_page_says_so():
    assert [r.cells for r in _grid(name="form.txt").rows if r.layout is None] == EXPECTED
    with pytest.raises(SourceError) as err:
        read_grids(b"<html><head><script>var a=1;</script></head><body> </body></html>", "blank.html")
    assert str(err.value) == "blank.html：网页中没有文字或表格"
