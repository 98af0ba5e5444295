"""Issue 2 acceptance on the real seeds, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from jixiao.services.ingest import ingest_paths
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow, StatedTotalRow, UnitRow
from tests.conftest import SEED_000, SEED_001

WAN = Decimal(10000)


def test_seed_000_lands_whole(store):
    [result] = ingest_paths(store, [SEED_000])
    assert result.status == "ingested", result.message
    with store() as s:
        projects = list(s.scalars(select(ProjectRow).order_by(ProjectRow.id)))
        assert len(projects) == 33
        assert len({p.unit for p in projects}) == 5
        assert s.scalar(select(func.count()).select_from(UnitRow)) == 5
        assert sum(p.budget_total for p in projects) / WAN == Decimal("95853.90")
        assert sum(p.actual_total for p in projects) / WAN == Decimal("92658.33")
        assert all(p.execution_rate is not None for p in projects)
        assert projects[17].name == "就业服务管理" and projects[17].execution_rate == Decimal("66.32")
        assert projects[15].name == "劳资应急资金" and projects[15].actual_total == 0 and projects[15].status == "done"
        assert projects[30].status == "not_done"
        totals = list(s.scalars(select(StatedTotalRow).order_by(StatedTotalRow.id)))
        assert [t.label for t in totals] == ["局本级小计", "劳动就业服务中心小计", "职业介绍服务中心小计",
                                             "人事服务中心小计", "职业训练中心小计", "合计"]
        assert totals[-1].budget_total / WAN == Decimal("95853.90")
        assert totals[-1].execution_rate == Decimal("96.67")
        # every project and indicator traces to its file and line
        assert all(p.src_line for p in projects)
        inds = list(s.scalars(select(IndicatorRow)))
        assert inds and all(i.src_line for i in inds)
        assert {p.src_line for p in projects} >= {12, 31, 66 - 2}
        doc = s.scalar(select(DocumentRow))
        assert (doc.kind, doc.year, doc.money_unit) == ("self_evaluation_table", 2021, "wan_yuan")
        assert doc.department == "深圳市龙岗区人力资源局"


def test_indicator_texts_kept(store):
    ingest_paths(store, [SEED_000])
    with store() as s:
        p = s.scalar(select(ProjectRow).where(ProjectRow.name == "就业服务"))
        inds = list(s.scalars(select(IndicatorRow).where(IndicatorRow.project_id == p.id).order_by(IndicatorRow.position)))
        first = inds[0]
        assert first.target_text == "1.举办公益招聘会场数：不少于10场； 2.档案托管数量：不少于500份。"
        assert (first.target_op, first.target_value, first.target_unit) == ("≥", "10", "场")
        assert first.actual_text.startswith("1.举办公益招聘会19场，完成目标")
        assert first.src_line == 42


def test_seed_001_one_unit(store):
    ingest_paths(store, [SEED_001])
    with store() as s:
        projects = list(s.scalars(select(ProjectRow)))
        assert len(projects) == 9
        assert {p.unit for p in projects} == {"职业训练中心"}  # the registry name of 龙岗区职业训练中心
        assert {p.details["unit_as_written"] for p in projects} == {"龙岗区职业训练中心"}
        assert sum(p.budget_total for p in projects) / WAN == Decimal("2301.63")


def test_same_content_twice_changes_nothing(store):
    first = ingest_paths(store, [SEED_000])
    second = ingest_paths(store, [SEED_000])
    assert first[0].status == "ingested" and second[0].status == "duplicate"
    assert "相同" in second[0].message
    with store() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 1
        assert s.scalar(select(func.count()).select_from(ProjectRow)) == 33


def test_trailing_page_number_is_not_a_cut_table(store):
    from jixiao.services.ingest import ingest_bytes

    data = SEED_000.read_bytes() + "\n- 3 -\n0\n".encode()
    result = ingest_bytes(store, data, "with_page_number.txt")
    assert result.status == "ingested" and result.projects == 33


def test_dropped_completion_cell_does_not_shift_pairs():
    """Seed 001 row 10: the 数量 completion cell is dropped; the 质量 pair must stay whole."""
    from jixiao.ingest.forms import read_document

    doc = read_document(SEED_001.read_bytes(), SEED_001.name)
    p = next(p for p in doc.projects if p.name == "修缮维护")
    by_level = {i.level2: i for i in p.indicators}
    assert by_level["quantity"].actual is None
    assert by_level["quality"].target.text.startswith("项目通过验收")
    assert by_level["quality"].actual.text == "已完成"
    # 不适用 pairs are categories without an indicator, not indicators
    assert [n.level2 for n in p.not_applicable] == ["economic", "ecological"]
    assert all(i.target.text != "不适用" for q in doc.projects for i in q.indicators)


def test_parallel_ingest_equals_sequential(store, tmp_path):
    """Worker processes read, parse and store whole files: same results, reported in the order given."""
    import shutil

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(8):
        (folder / f"copy{i}.txt").write_bytes(SEED_000.read_bytes() + f"\n复制 {i}\n".encode())
    shutil.copy(SEED_001, folder / "z_seed001.txt")
    (folder / "zz_bad.txt").write_bytes(b"\x00\x01binary")
    results = ingest_paths(store, [folder], workers=2)
    assert [r.status for r in results] == ["ingested"] * 9 + ["error"]
    assert [r.projects for r in results[:9]] == [33] * 8 + [9]
    again = ingest_paths(store, [folder], workers=2)
    assert [r.status for r in again[:9]] == ["duplicate"] * 9
    with store() as s:
        assert s.scalar(select(func.count()).select_from(ProjectRow)) == 33 * 8 + 9


def test_a_lone_problem_statement_is_the_problems_cell_not_an_indicator():
    """Seed 000 rows 8 (line 19) and 17 (line 33) end with their 存在的问题 text and an empty 整改情况:
    the text is the project's problems, not a satisfaction indicator without a completion."""
    from jixiao.ingest.forms import read_document

    doc = read_document(SEED_000.read_bytes(), SEED_000.name)
    by_seq = {p.seq: p for p in doc.projects}
    assert by_seq["8"].problems.startswith("1. 申报人数无法预判; 2. 报送申请材料后到补助发放前存在意外情况")
    assert by_seq["17"].problems.startswith("根据项目执行过程中出现的新情况，调整了绩效目标；1.针对年中追加")
    assert by_seq["8"].rectification is None and by_seq["17"].rectification is None
    assert [i.name for i in by_seq["8"].indicators][-1] == "慰问对象满意度100%"
    assert [i.name for i in by_seq["17"].indicators][-1] == "服务对象满意度≥95%"
    assert all(i.actual is not None for i in by_seq["8"].indicators + by_seq["17"].indicators)
    assert sum(len(p.indicators) for p in doc.projects) == 185
    # a last unpaired satisfaction text stays an indicator (row 5: its completion cell was dropped)
    assert by_seq["5"].indicators[-1].name == "局属各部门对于法律事务咨询情况满意度达90%以上"
    assert by_seq["5"].indicators[-1].actual is None and by_seq["5"].problems == "无"
