"""A store with three units' data, for the scope tests: seeds 000 and 001 (人力资源局本级 and
职业训练中心 side by side), the 2020 department budget (深圳市… units), a declaration of 劳动监察大队,
an upload job of the administrator, and one file the editor uploaded itself (only its own rows)."""

from __future__ import annotations

from sqlalchemy import select

from jixiao.services import workflow as wf
from jixiao.services.checks import run_and_store
from jixiao.services.ingest import ingest_bytes, ingest_paths
from jixiao.services.scoring import score_store
from jixiao.storage.budget_models import BudgetLineRow
from jixiao.storage.job_models import IngestJobRow
from jixiao.storage.models import DocumentRow, IndicatorRow, ProjectRow
from jixiao.storage.session import transaction
from tests.conftest import SEED_000, SEED_001, SEED_002
from tests.integration.workflow_helpers import UNIT_B, declaration, make_people
from tests.web.conftest import make_app

# Text that only another unit's data contains: a unit editor of 职业训练中心 must never see it.
MARKERS = ("人力资源局本级", "深圳市公共就业服务中心", UNIT_B)


def own_rows_only() -> bytes:
    """Seed 000 with only the header lines and the rows of 职业训练中心."""
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln[:1].isdigit() or "\t职业训练中心\t" in ln]
    return ("\n".join(kept).replace("部门预算项目绩效自评表", "部门预算项目绩效自评表（本单位）") + "\n").encode("utf-8")


def build(url: str) -> dict:
    """The app and the ids the tests put into every route's path."""
    app = make_app(url)
    f = app.state.factory
    assert [r.status for r in ingest_paths(f, [SEED_000, SEED_001, SEED_002])] == ["ingested"] * 3
    people = make_people(f)
    own = ingest_bytes(f, own_rows_only(), "本单位.txt", people["editor"])
    assert own.status == "ingested", own.message
    run_and_store(f)
    score_store(f)
    other_wf = wf.create_declaration(f, people["editor_b"], declaration(unit=UNIT_B)).project_id
    with transaction(f) as s:
        job = IngestJobRow(file="人力资源局本级.txt", size_bytes=1, status="ingested", pages_done=0, projects=0,
                           indicators=0, warnings=0, uploaded_by=people["admin"].user_id)
        s.add(job)
        s.flush()
        job_id = job.id
    with f() as s:
        other = s.scalar(select(ProjectRow.id).where(ProjectRow.unit == "人力资源局本级").limit(1))
        other_ind = s.scalar(select(IndicatorRow.id).where(IndicatorRow.project_id == other).limit(1))
        line = s.scalar(select(BudgetLineRow.id).limit(1))
        docs = list(s.scalars(select(DocumentRow.id).where(DocumentRow.id != own.document_id)))
    return {"app": app, "people": people, "other_project": other, "other_indicator": other_ind,
            "line": line, "other_docs": docs, "own_doc": own.document_id, "other_workflow": other_wf,
            "job": job_id}
