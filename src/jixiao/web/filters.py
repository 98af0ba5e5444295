"""Query parameters shared by pages and API: validated by pydantic, so bad filters are a clear 422."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _blank_to_none(value):
    """HTML forms send empty fields as ``""``: treat them as not given."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


Opt = BeforeValidator(_blank_to_none)
# Constraints sit on the inner type, so an omitted (None) value is never compared with them.
OptStr = Annotated[Annotated[str, Field(max_length=200)] | None, Opt]
OptInt = Annotated[Annotated[int, Field(ge=1)] | None, Opt]
OptYear = Annotated[Annotated[int, Field(ge=1900, le=2100)] | None, Opt]

PROJECT_SORTS = ("id", "name", "unit", "code", "year", "budget", "actual", "execution_rate", "score")


class Paging(BaseModel):
    """Page number and size (1-based pages)."""

    model_config = ConfigDict(extra="forbid")

    page: Annotated[int, Opt, Field(ge=1, le=1_000_000, description="页码，从 1 开始")] = 1
    per_page: Annotated[int, Opt, Field(ge=1, le=500, description="每页条数（最多 500）")] = 50

    @property
    def offset(self) -> int:
        """Rows to skip before this page."""
        return (self.page - 1) * self.per_page


class ProjectQuery(Paging):
    """Search, filters and order of the project table."""

    q: OptStr = Field(None, description="搜索：项目名称、编码或单位（包含即可）")
    year: OptYear = None
    unit: OptStr = Field(None, description="单位（完全一致）")
    kind: Annotated[Literal["project", "unit_overall"] | None, Opt] = None
    grade: OptStr = Field(None, description="评分等级（优/良/中/差）")
    has_errors: Annotated[bool | None, Opt] = Field(None, description="只看有错误级问题的项目")
    document_id: OptInt = None
    sort: Annotated[Literal[PROJECT_SORTS], Opt] = "id"  # type: ignore[valid-type]
    order: Annotated[Literal["asc", "desc"], Opt] = "asc"


class DocumentQuery(Paging):
    """Filters of the document list."""

    kind: OptStr = None
    year: OptYear = None


class IndicatorQuery(Paging):
    """Filters of the indicator list."""

    project_id: OptInt = None
    level1: OptStr = None
    level2: OptStr = None
    q: OptStr = Field(None, description="搜索：指标名称（包含即可）")


class FindingQuery(Paging):
    """Filters of the findings list (问题)."""

    code: OptStr = None
    severity: Annotated[Literal["error", "warning", "info"] | None, Opt] = None
    unit: OptStr = None
    document_id: OptInt = None
    project_id: OptInt = None


class BudgetLineQuery(Paging):
    """Filters of the budget-line list."""

    document_id: OptInt = None
    table: OptStr = Field(None, description="表名，如 表1、表3、表7")
    unit: OptStr = None
    function_code: OptStr = Field(None, description="功能分类科目编码，如 2080101")
    function_level: Annotated[Literal["class", "section", "item"] | None, Opt] = None
    fund_source: OptStr = None


class ScoreQuery(Paging):
    """Filters of the score list."""

    project_id: OptInt = None
    document_id: OptInt = None
    unit: OptStr = None
    grade: Annotated[Literal["优", "良", "中", "差"] | None, Opt] = None
