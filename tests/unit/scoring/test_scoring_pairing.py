"""Wide-table cells: items split, numbers of target and completion paired, completion words read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.domain.model import Indicator, Project
from jixiao.domain.targets import parse_target
from jixiao.scoring.completion import read_description, read_status
from jixiao.scoring.engine import score_project
from jixiao.scoring.pairing import pair, split_items

D = Decimal


@pytest.mark.parametrize("text, status, words", [
    ("完成", "done", "完成"), ("已完成", "done", "已完成"), ("超额完成", "done", "超额完成"),
    ("基本完成", "mostly_done", "基本完成"), ("部分完成", "partly_done", "部分完成"),
    ("未完成", "not_done", "未完成"), ("受疫情影响，只完成了一期培训。", "partly_done", "只完成"),
    ("1、超额完成。2、因疫情原因，100场社区教育公益培训未开展。3、完成。4、完成", "partly_done", "超额完成、未开展、完成"),
    ("开展消防安全培训", None, None),
])
def test_completion_words(text, status, words):
    assert read_status(text) == (status, words)


def test_descriptions():
    assert read_description("已建立基地动态管理机制") == ("done", None)
    assert read_description("受疫情影响，线下招聘活动受到一定影响") == ("partly_done", "受疫情影响")
    assert read_description("") == (None, None)


@pytest.mark.parametrize("text, numbers, bodies", [
    ("1.举办公益招聘会场数：不少于10场； 2.档案托管数量：不少于500份。", [1, 2],
     ["举办公益招聘会场数:不少于10场", "档案托管数量:不少于500份"]),
    ("1、完成2、因疫情原因，100场社区教育公益培训未开展。3、完成4、完成", [1, 2, 3, 4],
     ["完成", "因疫情原因,100场社区教育公益培训未开展", "完成", "完成"]),
    ("3.根据企业申请；4.12月底前完成6家企业备案", [None, None], None),  # not starting at 1: not numbered
    ("1.2019年度补贴126人；2.2020年度补贴发放", [1, 2], ["2019年度补贴126人", "2020年度补贴发放"]),
    ("采购2.5万元，1.5吨", [None], ["采购2.5万元,1.5吨"]),
    ("保障月检不少于12次；仲裁庭日常维护不少于12次", [None, None], None),
])
def test_split_items(text, numbers, bodies):
    items = split_items(text)
    assert [i.number for i in items] == numbers
    if bodies:
        assert [i.text for i in items] == bodies


def test_numbers_paired_by_unit_and_words():
    target = split_items("1.举办公益招聘会场数：不少于10场； 2.档案托管数量：不少于500份。")
    done = split_items("1.举办公益招聘会19场，完成目标； 2.档案托管数量8803份，完成目标。")
    _, pairs = pair(target, done)
    got = {i: [(t.value, c.value) for t, c in ps] for i, ps in pairs.items()}
    assert got == {0: [(D(10), D(19))], 1: [(D(500), D(8803))]}


def test_a_number_that_did_not_happen_is_not_paired():
    target = split_items("开展100场社区教育公益培训")
    done = split_items("因疫情原因，100场社区教育公益培训未开展")
    assert pair(target, done)[1] == {}


def test_words_decide_between_numbers_of_one_unit():
    target = split_items("跟踪服务贫困劳动力≥1000人次")
    done = split_items("1.开展春节活动，服务2021人； 2.跟踪服务脱贫劳动力4535人； 以上合计6556人次。")
    _, pairs = pair(target, done)
    assert [(t.value, c.value) for t, c in pairs[0]] == [(D(1000), D(6556))]


def _wide(target: str, actual: str | None, status_text: str = "完成") -> Project:
    ind = Indicator("output", "quantity", target[:10], parse_target(target), parse_target(actual) if actual else None)
    return Project(name="p", unit="u", status=None, status_text=status_text, indicators=[ind])


def test_wide_cell_scored_per_item_and_explained():
    p = _wide("1、“龙岗第一课”培训500万人次；2、开展100场社区教育公益培训；3、开展33场社区教育公益培训",
              "1、超额完成。2、因疫情原因，100场社区教育公益培训未开展。3、完成")
    r = score_project(p).indicators[0]
    # three items: done 100%, not done 30%, done 100% → mean 76.67% of 90 points (default, one indicator)
    assert r.weight == D(90) and r.method == "qualitative"
    assert r.score == D("69.00")
    assert "(100% + 30% + 100%) ÷ 3" in r.explanation
    assert "所用完成情况：「1、超额完成。2、因疫情原因" in r.explanation


def test_wide_cell_quantitative_and_mixed():
    r = score_project(_wide("1.举办公益招聘会场数：不少于10场； 2.档案托管数量：不少于500份。",
                            "1.举办公益招聘会15场，完成目标； 2.档案托管数量400份。")).indicators[0]
    assert r.method == "quantitative" and r.score == D("81.00")  # 90 × (100% + 80%) ÷ 2
    mixed = score_project(_wide("1.培训人数≥100人；2.按时完成培训", "1.共培训80人；2.完成")).indicators[0]
    assert mixed.method == "mixed" and mixed.score == D("81.00")  # 90 × (80% + 100%) ÷ 2
    assert "定量与定性结合" in mixed.explanation
