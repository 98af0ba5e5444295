"""Indexes the web app needs to stay fast on 100,000 projects (migrations 0005_web and 0010).

``unit, year, budget, actual`` covers the unit and year filters, their counts and sorts by money,
and the execution rate by unit on the overview; ``name, unit, code`` lets a substring search scan a
narrow index instead of the wide project rows.
"""

from __future__ import annotations

from sqlalchemy import Index

from .models import ProjectRow
from .score_models import ProjectScoreRow

Index("ix_projects_unit_year_money", ProjectRow.unit, ProjectRow.year, ProjectRow.budget_total,
      ProjectRow.actual_total)
Index("ix_projects_search", ProjectRow.name, ProjectRow.unit, ProjectRow.code)
# A unit's projects in id order (the default order of the list and the API): a page of one unit
# reads its ids from the index, where ``unit, year, …`` left 12,000 ids to sort (migration 0010).
Index("ix_projects_by_unit", ProjectRow.unit, ProjectRow.id)
# The id alone: SQLite pages deep into the default order by this narrow index, not the wide rows.
Index("ix_projects_id", ProjectRow.id)
# Projects sorted by score (of one grade) walk these indexes instead of sorting every scored project.
Index("ix_project_scores_total", ProjectScoreRow.total, ProjectScoreRow.project_id)
Index("ix_project_scores_grade_total", ProjectScoreRow.grade, ProjectScoreRow.total, ProjectScoreRow.project_id)
