"""Indexes the web app needs to stay fast on 100,000 projects (created by migration 0005_web).

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
# The id alone: SQLite pages deep into the default order by this narrow index, not the wide rows.
Index("ix_projects_id", ProjectRow.id)
# Projects sorted by score (of one grade) walk these indexes instead of sorting every scored project.
Index("ix_project_scores_total", ProjectScoreRow.total, ProjectScoreRow.project_id)
Index("ix_project_scores_grade_total", ProjectScoreRow.grade, ProjectScoreRow.total, ProjectScoreRow.project_id)
