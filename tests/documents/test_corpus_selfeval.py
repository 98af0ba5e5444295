"""Self-evaluations from real published excerpts (tests/corpus: 16 provinces), per layout and family.

Every value asserted here is in the excerpt's hand-made answer key (tests/corpus/expected) or in
the excerpt itself; the layouts are as text extraction really gives them (pipe tables, one cell
per line, space-separated rows, forms flattened into one line, traditional characters with pinyin
glosses from mirror sites).
"""

from __future__ import annotations

import pytest

from tests.documents.corpus_keys import CORPUS, D, assert_exact, key, read

# Excerpts whose every stated key field (name, amounts in 元, stated rate, execution score, total,
# indicator count and names) the readers get exactly, across layouts and provinces.
EXACT = ["S01", "S02", "S03", "S04", "S05", "S07", "S08", "S09", "S10", "S12", "S14", "S17", "S21", "S23", "S24", "S25",
         "S26", "S27", "S29", "S30", "S31", "S32", "S34", "S35", "S36"]


@pytest.mark.parametrize("stem", EXACT)
def test_every_stated_key_field_is_read_exactly(stem):
    assert_exact(stem)


def test_pipe_table_central_transfer_form_anhui():
    """S24 淮南 就业补助资金: 转移支付 form as a pipe table, no scores, cut at the indicator header."""
    doc = read("S24")
    [p] = doc.projects
    assert (p.name, p.unit) == ("就业补助资金", "淮南市田家庵区人力资源和社会保障局")
    assert (p.budget.total, p.actual.total, p.execution_rate) == (D("8081000.00"), D("6929800.00"), D(86))
    assert p.budget.parts == {"central": D("8081000.00")} and p.actual.parts == {"central": D("6929800.00")}
    assert p.money_unit == "wan_yuan" and p.year == 2024
    assert p.budget.source.line == 13 and p.indicators == []
    assert p.details["incomplete"] == "S24.txt:28"


def test_one_cell_per_line_keeps_its_empty_cells_chuzhou():
    """S01 滁州: one cell per line, empty cells as lines of spaces; a list of 8 projects first."""
    doc = read("S01")
    [p] = doc.projects  # the 清单 of eight forms is no form
    assert p.name == "“三支一扶”省级财政补助资金" and p.department == "滁州市人力资源和社会保障局"
    assert (p.budget_initial.total, p.budget.total, p.actual.total) == (D("990000.00"),) * 3
    assert p.stated_scores == {"execution_weight": D(10), "execution_score": D(10)}
    assert p.budget.parts == {"fiscal": D("990000.00")}  # 上年结转 and 其他资金 rows are empty


def test_space_separated_rows_with_numbered_indicators_xuancheng():
    """S03 宣城 禁毒: rows split at spaces; '(50分)' for the lost 产出指标; cut inside a row."""
    [p] = read("S03").projects
    assert [i.name for i in p.indicators] == ["指标1:禁毒舞台剧宣传的场次", "指标2:毛发检查试剂数量", "指标1:经费支出合规性"]
    first, second, cut = p.indicators
    assert (first.target.op, first.target.value, first.target.unit) == ("≥", D(1), "场")
    assert (second.actual.value, second.weight, second.score) == (D(3200), D(12), D(12))
    assert (first.level2, cut.level2) == ("quantity", "quality")
    assert cut.target.qualitative == "严格执行相关财经法规制度" and cut.weight is None
    assert p.indicators[1].source.line == 40


def test_form_flattened_into_one_line_is_cut_by_labels_and_arithmetic_xinzhou():
    """S06 新洲: a .docx dump, two forms in one run of words, digits glued (303010100%, 2020)."""
    doc = read("S06")
    first, second = doc.projects
    assert (first.name, second.name) == ("演出设备更新专项经费", "中青年演员培训经费")
    # 303010100% under 年初|全年|执行|分值|执行率: 30 | 30 | 10 | 100%, the only cut with 30/30 = 100%
    assert (first.budget_initial.total, first.budget.total, first.actual.total) == (None, D("300000.00"),
                                                                                    D("300000.00"))
    assert first.budget_initial.parts == {"fiscal": D("300000.00")}  # the 财政拨款 row: 30 | 30 | 30 | 100%
    assert first.execution_rate == D(100) and first.stated_scores["execution_weight"] == D(10)
    assert first.stated_scores["total"] == D(98)  # 总分10098: weights 100, score 98
    assert (second.budget_initial.total, second.budget.total) == (D("400000.00"), D("400000.00"))
    weights = [(i.name, i.target.text, i.weight, i.score) for i in first.indicators]
    assert weights[0] == ("更新剧团老化、损坏的音", "50件", D(20), D(20))
    assert ("演出设备成本件/件", "2万元", D(20), D(18)) in weights  # '2018' is 20 and 18
    assert any("资金表中有空单元格被省略" in w.message for w in doc.warnings)


def test_traditional_characters_with_pinyin_glosses_xuancheng_mirror():
    """S26: a mirror site in traditional characters with pinyin after them; the form flattened
    inside one cell of a metadata table, then again as a pipe table that is cut short."""
    [p] = read("S26").projects
    assert p.name == "2024年農業防災減災(動物防疫補助)"  # glosses (yè)(zāi)… dropped, characters kept
    assert (p.budget.total, p.actual.total, p.execution_rate) == (D("3900000.00"), D("3900000.00"), D(100))


def test_department_overall_self_evaluation_hengshan():
    """S30 衡山县贯塘乡: a 基础数据表 of counts and 三公 first, then the 部门整体支出绩效自评表."""
    [p] = read("S30").projects
    assert (p.kind, p.name, p.unit) == ("unit_overall", "2023年度部门整体支出", "衡山县贯塘乡人民政府")
    assert (p.budget_initial.total, p.budget.total, p.actual.total) == (D("8611000.00"), D("20301200.00"),
                                                                        D("20301200.00"))
    assert p.execution_rate == D(100) and p.stated_scores["execution_score"] == D(10)


def test_year_columns_of_a_basic_data_table_yiyang():
    """S31 益阳市总工会: 2021年决算数 | 2022年预算数 | 2022年决算数: the form's year is 2022."""
    [p] = read("S31").projects
    assert (p.name, p.budget.total, p.actual.total) == ("2022年度部门整体支出", D("13424900.00"), D("13424900.00"))


def test_glued_decimals_cut_with_one_size_lingling():
    """S32 零陵: '2456.182456.182456.1810100%10' is 2456.18 ×3 | 10 | 100% | 10."""
    [p] = read("S32").projects
    assert (p.budget_initial.total, p.budget.total, p.actual.total) == (D("24561800.00"),) * 3
    assert p.stated_scores == {"execution_weight": D(10), "execution_score": D(10)}


def test_indicator_table_without_its_header_dayingxian():
    """S29 大英县: the excerpt starts mid-table (pipe cells over several lines); rows of a target and
    what was achieved are read in the template's columns, the page after the table is not."""
    [p] = read("S29").projects
    assert [i.name for i in p.indicators] == [
        "改善养老服务基础条件", "2020年", "100万", "老年人日益增加的养老服务需求", "养老服务对象对养老机构服务质量满意度"]
    assert p.indicators[-1].target.text == "≥90%" and p.indicators[-1].actual.text == "98%"
    assert p.indicators[0].level1 == "output"  # 项目完成指标 is this form's 产出


def test_score_table_with_items_and_points_suburb_tongling():
    """S18 铜陵郊区 农村公益事业财政奖补: a 决策/过程 score table, one cell per line with pipes."""
    [p] = read("S18").projects
    assert p.name == "2021年度农村公益事业财政奖补项目"
    got = [(i.name, i.weight, i.score) for i in p.indicators]
    expected = [(i["name"], i["weight"] and D(i["weight"]), i["score"] and D(i["score"]))
                for i in key("S18")["projects"][0]["indicators"]]
    assert len(got) == 15 and got[:6] == expected[:6] and got[8:] == expected[8:]
    assert [name for name, _, _ in got[6:8]] == ["账务管理", "财政奖补资金实行专账核算,得1分"]  # its name cell is merged
    assert ("资金整合", D(2), D(0)) in got and got[-1] == ("项目实施", None, None)  # cut before its scores
    assert (p.indicators[0].level1_text, p.indicators[0].level2_text) == ("决策", "项目立项")
    assert (p.indicators[4].level1_text, p.indicators[4].level2_text) == ("过程", "资金管理")


def test_figures_a_table_lacks_come_from_its_sentences_zitong():
    """S21 梓潼: the table has no 年初预算数 column; the report says 财政年初预算40万元."""
    [p] = read("S21").projects
    assert p.budget_initial.total == D("400000.00") and p.budget.total == D("400000.00")
    assert "budget_initial" in p.details["from_text"] and p.budget_initial.source.line > 0


def test_malformed_amount_is_a_notice_not_a_guess_yueyang():
    """S34 岳阳县 (traditional mirror): 实际支出 printed '7,00.0,77' is not read, and said so."""
    doc = read("S34")
    [p] = doc.projects
    assert p.name == "岳陽縣農村公路養護" and p.budget.total == D("7000000.00") and p.actual.total is None
    assert any("7,00.0,77" in w.message for w in doc.warnings)


def test_score_table_with_dropped_cells_named_by_its_file_hubei():
    """S17 湖北省公共文化服务 (a document-sharing site's dump of a .docx): empty cells dropped, so a
    level's points (效果 | 30) stand between categories, names follow names (公共文化服务内容满意度
    after 3.33 is the next row, not a quality), and the only name of the form is the file name the
    page shows (``湖北省公共文化服务Word文件下载.docx``)."""
    [p] = read("S17").projects
    exp = key("S17")["projects"][0]
    assert p.name == exp["name"] == "湖北省公共文化服务"
    assert [i.name for i in p.indicators] == [i["name"] for i in exp["indicators"]]
    assert [i.level2 for i in p.indicators] == ["social"] * 2 + ["service_satisfaction"] * 4
    assert p.stated_scores.get("total") == D("82.08")
