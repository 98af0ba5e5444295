"""Score one project: execution row, indicators, total, grade, flags — every number explained.

The one entry point of the engine; pure (a Project and settings in, a ProjectScore out), so it
scores a JSON form, a stored project or a benchmark's synthetic project the same way.
"""

from __future__ import annotations

from jixiao.domain.model import Project

from . import audit, explain, weights
from .completion import status_from_project
from .execution import score_execution
from .formulas import ZERO
from .grades import cap_total, grade_of, grade_text
from .indicators import is_not_applicable, score_indicator
from .result import Flag, IndicatorScore, ProjectScore
from .settings import NATIONAL, ScoringSettings


def _score_indicators(project: Project, skipped: list[bool], plan: weights.WeightPlan,
                      settings: ScoringSettings) -> tuple[list[IndicatorScore], list[Flag]]:
    fallback = status_from_project(project.status, project.status_text)
    given = iter(zip(plan.indicators, plan.notes))
    results, flags = [], []
    for pos, (ind, skip) in enumerate(zip(project.indicators, skipped)):
        weight, note = (ZERO, "") if skip else next(given)
        result, more = score_indicator(ind, weight, note, pos, fallback, settings, skip)
        results.append(result)
        flags.extend(more)
    return results, flags


def score_project(project: Project, settings: ScoringSettings = NATIONAL) -> ProjectScore:
    """The project's score under ``settings``, audited against any scores the form states."""
    skipped = [is_not_applicable(i) for i in project.indicators]
    scorable = [i for i, skip in zip(project.indicators, skipped) if not skip]
    plan = weights.plan(scorable, settings, project.stated_scores.get("execution_weight"))
    execution, flags = score_execution(project, plan.execution, settings)
    indicators, review = _score_indicators(project, skipped, plan, settings)
    raw = execution.score + sum((i.score for i in indicators), ZERO)
    total, cap_note = cap_total(raw, execution.rate, settings)
    result = ProjectScore(
        project=project.name, unit=project.unit, execution=execution, indicators=indicators,
        total=total, grade=grade_of(total, settings),
        total_explanation=explain.total_text(execution, indicators, raw, total, cap_note),
        grade_explanation=grade_text(total, settings), weights_explanation=plan.summary,
        flags=flags + plan.flags + review, settings_name=settings.name,
    )
    if not scorable:
        result.flags.append(Flag("no_indicators", "没有可评分的绩效指标，只计执行率得分"))
    result.flags.extend(audit.audit(project, result, settings))
    return result
